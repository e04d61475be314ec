package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huiju.hub.routes.RouteFileLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What an operator relies on: Hawtio behind a login, and route files that reload without taking others down. */
class OperationsIT extends HubTest {

    static final String HOME = TestHome.create("operations").toString();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("huiju.home", () -> HOME);
        registry.add("huiju.mappings", () -> TestHome.REPO.resolve("mappings").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    CamelContext camel;

    @Autowired
    RouteFileLoader routeFiles;

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void hawtioAndJolokiaRefuseAnyoneNotLoggedIn() throws Exception {
        HttpResponse<String> search = get("/actuator/jolokia/search/org.apache.camel:type=routes,*");

        assertThat(search.statusCode()).isIn(401, 403);
        assertThat(search.body()).doesNotContain("file-drop-scjg");
    }

    @Test
    void aWrongPasswordIsRefused() throws Exception {
        assertThat(login("ops", "wrong").statusCode()).isEqualTo(403);
        assertThat(login("nobody", "ops-secret-1").statusCode()).isEqualTo(403);
    }

    @Test
    void anOperatorLogsIntoHawtioAndSeesTheCamelRoutesOfEveryFeed() throws Exception {
        assertThat(login("ops", "ops-secret-1").statusCode()).isEqualTo(200);

        HttpResponse<String> search = get("/actuator/jolokia/search/org.apache.camel:type=routes,*");

        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("name=\\\"ingest\\\"").contains("name=\\\"file-drop-scjg\\\"");
        assertThat(get("/actuator/hawtio/").statusCode()).isEqualTo(200);
    }

    @Test
    void aBrokenRouteFileIsRejectedAndTheOtherFeedsKeepWorking() throws Exception {
        Path broken = Path.of(HOME, "routes/departments/broken.camel.yaml");
        Files.writeString(broken, "- templatedRoute:\n    routeTemplateRef: file-drop\n  parameters: [oops\n");
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> routeFiles
                    .status()
                    .getOrDefault("departments/broken.camel.yaml", "")
                    .startsWith("rejected"));

            HttpResponse<String> health = get("/actuator/health");
            assertThat(health.body())
                    .contains("\"routeFiles\"")
                    .contains("departments/broken.camel.yaml")
                    .contains("rejected: Error pre-parsing resource");
            assertThat(camel.getRoute("ingest")).isNotNull();
            assertThat(camel.getRouteController()
                            .getRouteStatus("file-drop-scjg")
                            .isStarted())
                    .isTrue();
            assertThat(drop(
                                    "scjg",
                                    "still-working.csv",
                                    new PenaltyFile().company(1).utf8())
                            .stored())
                    .isEqualTo(1);
        } finally {
            Files.delete(broken);
        }
    }

    @Test
    void aRouteFileIsAddedChangedBadlyAndRemovedWithoutARestart() throws Exception {
        Path file = Path.of(HOME, "routes/departments/zf-extra.camel.yaml");
        String good =
                """
                - templatedRoute:
                    routeTemplateRef: file-drop
                    routeId: file-drop-zf-extra
                    parameters:
                      - name: department
                        value: zf
                      - name: mapping
                        value: national-penalty
                      - name: delay
                        value: "700"
                """;
        Files.writeString(file, good);
        await().atMost(Duration.ofSeconds(15)).until(() -> camel.getRoute("file-drop-zf-extra") != null);

        Files.writeString(file, good.replace("routeTemplateRef: file-drop", "routeTemplateRef: no-such-template"));
        await().atMost(Duration.ofSeconds(15)).until(() -> routeFiles
                .status()
                .getOrDefault("departments/zf-extra.camel.yaml", "")
                .startsWith("rejected"));
        assertThat(camel.getRoute("file-drop-zf-extra"))
                .as("the last good version stays in force")
                .isNotNull();

        Files.delete(file);
        await().atMost(Duration.ofSeconds(15)).until(() -> camel.getRoute("file-drop-zf-extra") == null);
        assertThat(camel.getRoute("file-drop-scjg")).isNotNull();
    }

    private HttpResponse<String> login(String user, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/actuator/hawtio/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
