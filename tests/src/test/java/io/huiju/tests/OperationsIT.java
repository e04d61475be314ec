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
    void aDepartmentLoginDoesNotReachHawtio() throws Exception {
        assertThat(login("scjg", "scjg-drop-1").statusCode()).isEqualTo(403);

        assertThat(get("/actuator/jolokia/version").statusCode()).isIn(401, 403);
    }

    @Test
    void aViewerSeesRoutesAndQueuesButCannotStopARoute() throws Exception {
        assertThat(login("watcher", "view-secret-1").statusCode()).isEqualTo(200);
        assertThat(jolokia(read("file-drop-scjg", "State"))).contains("\"value\":\"Started\"");
        assertThat(jolokia(exec("file-drop-scjg", "dumpRouteStatsAsXml(boolean,boolean)", "false", "false")))
                .contains("\"status\":200");
        assertThat(jolokia(search("org.apache.activemq.artemis:subcomponent=queues,*")))
                .contains("huiju.DLQ");

        String stop = jolokia(exec("file-drop-scjg", "stop()"));

        assertThat(stop).contains("\"status\":403");
        assertThat(camel.getRouteController().getRouteStatus("file-drop-scjg").isStarted())
                .isTrue();
        assertThat(jolokia(write("file-drop-scjg", "TracingPattern", "\"*\""))).contains("\"status\":403");
    }

    @Test
    void anOperatorStopsStartsAndSuspendsAFeedButCannotRewriteARoute() throws Exception {
        assertThat(login("ops", "ops-secret-1").statusCode()).isEqualTo(200);
        try {
            assertThat(jolokia(exec("file-drop-zf", "stop()"))).contains("\"status\":200");
            assertThat(camel.getRouteController().getRouteStatus("file-drop-zf").isStopped())
                    .isTrue();
        } finally {
            assertThat(jolokia(exec("file-drop-zf", "start()"))).contains("\"status\":200");
        }
        assertThat(camel.getRouteController().getRouteStatus("file-drop-zf").isStarted())
                .isTrue();
        try {
            assertThat(jolokia(exec("file-drop-zf", "suspend()"))).contains("\"status\":200");
            assertThat(camel.getRouteController().getRouteStatus("file-drop-zf").isSuspended())
                    .isTrue();
        } finally {
            assertThat(jolokia(exec("file-drop-zf", "resume()"))).contains("\"status\":200");
        }
        assertThat(camel.getRouteController().getRouteStatus("file-drop-zf").isStarted())
                .isTrue();

        String update = jolokia(exec("file-drop-zf", "updateRouteFromXml(java.lang.String)", "\"<route/>\""));

        assertThat(update).doesNotContain("\"status\":200").contains("not enabled");
    }

    @Test
    void anOperatorSeesTheBrokerQueuesWithTheirDepth() throws Exception {
        assertThat(login("ops", "ops-secret-1").statusCode()).isEqualTo(200);

        String depths = jolokia("{\"type\":\"read\",\"attribute\":\"MessageCount\",\"mbean\":"
                + "\"org.apache.activemq.artemis:component=addresses,subcomponent=queues,*\"}");

        assertThat(depths)
                .contains("\"status\":200")
                .contains("queue=\\\"huiju.DLQ\\\"")
                .contains("MessageCount");
    }

    @Test
    void aFeedAnOperatorStoppedLeavesTheHubHealthy() throws Exception {
        // Stopping a department's feed in Hawtio is an operator's decision, not the hub failing: a load balancer
        // reading /actuator/health must not take the whole hub out for it (Camel's route and consumer checks would
        // report DOWN for a stopped route).
        camel.getRouteController().stopRoute("file-drop-scjg");
        try {
            HttpResponse<String> health = get("/actuator/health");
            assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
            assertThat(health.body()).startsWith("{\"status\":\"UP\"");
        } finally {
            camel.getRouteController().startRoute("file-drop-scjg");
        }
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

    /** A Jolokia POST as Hawtio sends it; the answer's own status says whether the restrictor let it through. */
    private String jolokia(String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/actuator/jolokia"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The route's MBean in this test's Camel context (another test context in this JVM may hold "huiju"). */
    private String route(String id) {
        return "org.apache.camel:context=" + camel.getManagementName() + ",type=routes,name=\\\"" + id + "\\\"";
    }

    private String read(String routeId, String attribute) {
        return "{\"type\":\"read\",\"mbean\":\"" + route(routeId) + "\",\"attribute\":\"" + attribute + "\"}";
    }

    private String write(String routeId, String attribute, String value) {
        return "{\"type\":\"write\",\"mbean\":\"" + route(routeId) + "\",\"attribute\":\"" + attribute + "\",\"value\":"
                + value + "}";
    }

    private String exec(String routeId, String operation, String... arguments) {
        return "{\"type\":\"exec\",\"mbean\":\"" + route(routeId) + "\",\"operation\":\"" + operation
                + "\",\"arguments\":[" + String.join(",", arguments) + "]}";
    }

    private static String search(String pattern) {
        return "{\"type\":\"search\",\"mbean\":\"" + pattern + "\"}";
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
