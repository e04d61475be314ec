package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.management.ObjectName;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hawtio as operators use it, in a real browser: Debian's {@code chromium} driven by npm's {@code playwright-core}
 * (tests/browser/hawtio.mjs; {@code npm ci} installs it there on first use, .ci/run installs chromium). The script
 * does the clicking and checks what the console shows; this test checks the outcome in Camel itself. Screenshots are
 * left in target/hawtio-*.png.
 */
class HawtioBrowserIT extends HubTest {

    static final String HOME = TestHome.create("hawtio-browser").toString();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("huiju.home", () -> HOME);
        registry.add("huiju.mappings", () -> TestHome.REPO.resolve("mappings").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    @BeforeAll
    static void browserInstalled() throws Exception {
        BrowserScripts.installed();
    }

    @AfterEach
    void restartFeeds() throws Exception {
        camel.getRouteController().startRoute("file-drop-scjg");
    }

    @Test
    void anOperatorStopsAFeedInHawtioAViewerCannotAndADepartmentIsNotLetIn() throws Exception {
        assertThat(ManagementFactory.getPlatformMBeanServer()
                        .queryNames(new ObjectName("org.apache.camel:type=context,*"), null))
                .as("one hub in this JVM, so the console shows this one (tests/pom.xml runs this IT in its own JVM)")
                .hasSize(1);
        assertThat(camel.getRouteController().getRouteStatus("file-drop-scjg").isStarted())
                .isTrue();
        assertThat(camel.getRouteController().getRouteStatus("file-drop-zf").isStarted())
                .isTrue();

        int exit = BrowserScripts.run(
                List.of("node", "hawtio.mjs"),
                Map.of(
                        "HAWTIO_URL", "http://127.0.0.1:" + port + "/actuator/hawtio",
                        "OPERATOR", "ops:ops-secret-1",
                        "VIEWER", "watcher:view-secret-1",
                        "DEPARTMENT", "scjg:scjg-drop-1",
                        "STOP_ROUTE", "file-drop-scjg",
                        "KEEP_ROUTE", "file-drop-zf",
                        "CHROMIUM", BrowserScripts.CHROMIUM.toString(),
                        "CAMEL_CONTEXT", camel.getManagementName(),
                        "OUT_DIR", Path.of("target").toAbsolutePath().toString()),
                "hawtio-browser");

        assertThat(exit)
                .as("tests/browser/hawtio.mjs: %s", Files.readString(Path.of("target/hawtio-browser.log")))
                .isZero();
        assertThat(camel.getRouteController().getRouteStatus("file-drop-scjg").isStopped())
                .as("stopped by the operator in Hawtio")
                .isTrue();
        assertThat(camel.getRouteController().getRouteStatus("file-drop-zf").isStarted())
                .as("the viewer's stop was refused")
                .isTrue();
        assertThat(Path.of("target/hawtio-routes.png")).isNotEmptyFile();
    }
}
