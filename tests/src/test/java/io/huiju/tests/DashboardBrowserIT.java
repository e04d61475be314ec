package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiju.hub.store.Receipt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The operators' dashboard in a real browser (tests/browser/dashboard.mjs): figures, the four ECharts charts drawn from
 * data, a reminder by hand and the department's banner. No SMTP server here, so e-mail is off and says so. The script
 * checks what the pages show; this test checks the store. Screenshots in target/dashboard*.png (docs/console/).
 */
class DashboardBrowserIT extends HubTest {

    static final String HOME = TestHome.create("dashboard-browser").toString();

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        registry.add("huiju.home", () -> HOME);
        registry.add("huiju.mappings", () -> TestHome.REPO.resolve("mappings").toString());
        DashboardData.departments(registry);
        registry.add("huiju.monitor.reminders.cron", () -> "-");
    }

    @LocalServerPort
    int port;

    @BeforeAll
    static void browserInstalled() throws Exception {
        BrowserScripts.installed();
    }

    @Test
    void anOperatorSeesTheFiguresAndChartsAndRemindsTheOverdueDepartment() throws Exception {
        Receipt scjg = drop("scjg", "dashboard.csv", DashboardData.scjgFile());
        assertThat(scjg.received()).isEqualTo(4);
        DashboardData.zfReportedLongAgo(jdbc);

        int exit = BrowserScripts.run(
                List.of("node", "dashboard.mjs"),
                Map.of(
                        "CONSOLE_URL",
                        "http://127.0.0.1:" + port + "/console",
                        "OPERATOR_USER",
                        "platform-wang:platform-console-3",
                        "DEPARTMENT_USER",
                        "zf-li:zf-console-2",
                        "CHROMIUM",
                        BrowserScripts.CHROMIUM.toString(),
                        "OUT_DIR",
                        Path.of("target").toAbsolutePath().toString()),
                "dashboard-browser");

        String log = Files.readString(Path.of("target/dashboard-browser.log"));
        assertThat(exit).as("tests/browser/dashboard.mjs: %s", log).isZero();
        assertThat(jdbc.queryForList(
                        "SELECT channel || ' ' || outcome || ' ' || triggered_by FROM reminder_log"
                                + " WHERE department = 'zf' ORDER BY id",
                        String.class))
                .containsExactly("CONSOLE SENT platform-wang", "EMAIL SKIPPED platform-wang");
        assertThat(jdbc.queryForList("SELECT department FROM reminder_log WHERE department <> 'zf'", String.class))
                .isEmpty();
        assertThat(jdbc.queryForList(
                        "SELECT action FROM audit_log WHERE username = 'platform-wang' AND action = 'REMIND'",
                        String.class))
                .hasSize(1);
        assertThat(Path.of("target/dashboard.png")).isNotEmptyFile();
    }

    @Test
    void theDashboardShowsDatabaseTextOnlyAsText() throws Exception {
        for (String file : List.of("dashboard.html", "dashboard.js")) {
            String source = Files.readString(TestHome.REPO
                    .resolve("hub/src/main/resources/static/console")
                    .resolve(file));
            assertThat(source).as(file).doesNotContain("innerHTML").doesNotContain("outerHTML");
        }
    }
}
