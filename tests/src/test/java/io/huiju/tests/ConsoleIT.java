package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web console at the HTTP level, as a browser would speak to it: form login with the CSRF token of the login page,
 * a session cookie, the token of {@code /console/api/me} on every POST. What a department user may see is checked
 * against another department's payload; every action must leave its row in {@code audit_log}. The rest of the hub
 * keeps its own logins beside the console's Spring Security (also OperationsIT, PushChannelsIT).
 */
class ConsoleIT extends HubTest {

    static final String HOME = TestHome.create("console").toString();
    private static final Pattern HIDDEN_TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern PAYLOAD_ID = Pattern.compile("\"payloadId\":\"([^\"]+)\"");

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("huiju.home", () -> HOME);
        registry.add("huiju.mappings", () -> TestHome.REPO.resolve("mappings").toString());
    }

    @LocalServerPort
    int port;

    /** A browser of its own: a cookie jar, redirects not followed so the test sees where the hub sends it. */
    private final class Browser extends ConsoleSession {
        Browser() {
            super(port);
        }
    }

    @Test
    void everyConsolePageAndEndpointNeedsALogin() throws Exception {
        Browser anonymous = new Browser();

        HttpResponse<String> page = anonymous.get("/console/submissions.html");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/console/login");
        assertThat(anonymous.get("/console/api/payloads").statusCode()).isEqualTo(401);
        assertThat(anonymous.get("/console/api/me").statusCode()).isEqualTo(401);
        HttpResponse<String> login = anonymous.get("/console/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("用户名").contains("密码").contains("name=\"_csrf\"");
    }

    @Test
    void aWrongPasswordIsRefusedAndAudited() throws Exception {
        Browser browser = new Browser();

        HttpResponse<String> answer = browser.login("scjg-zhang", "wrong");

        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/console/login?error");
        assertThat(browser.get("/console/api/me").statusCode()).isEqualTo(401);
        assertThat(auditActions("scjg-zhang")).contains("LOGIN_FAILED");
        assertThat(browser.login("scjg", "scjg-drop-1")
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .as("a department's API password is not a console account")
                .endsWith("/console/login?error");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        Browser browser = new Browser();
        String page = browser.get("/console/login").body();
        assertThat(browser.form("/console/login", Map.of("username", "scjg-zhang", "password", "scjg-console-1"))
                        .statusCode())
                .as("a login form without the token of the login page")
                .isEqualTo(403);
        assertThat(find(HIDDEN_TOKEN, page)).isNotBlank();

        assertThat(browser.login("scjg-zhang", "scjg-console-1").statusCode()).isEqualTo(302);
        int before = payloadCount();
        HttpResponse<String> forged =
                browser.upload("forged.csv", new PenaltyFile().company(1).utf8(), null);
        HttpResponse<String> wrongToken =
                browser.upload("forged.csv", new PenaltyFile().company(1).utf8(), "x");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(payloadCount()).as("nothing was received").isEqualTo(before);
        assertThat(jdbc.queryForList(
                        "SELECT detail FROM audit_log WHERE username = 'scjg-zhang' AND action = 'DENIED'",
                        String.class))
                .anyMatch(d -> d.contains("POST /console/api/payloads"));
    }

    @Test
    void aDepartmentUserUploadsSeesItsReceiptAndRejectsButNotAnotherDepartmentsPayload() throws Exception {
        Browser scjg = new Browser();
        HttpResponse<String> login = scjg.login("scjg-zhang", "scjg-console-1");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/console/submissions.html");
        assertThat(scjg.get("/console/api/me").body())
                .contains("\"department\":\"scjg\"")
                .contains("龙岩市市场监督管理局");

        byte[] file = new PenaltyFile()
                .company(1)
                .company(2, row -> row.put("统一社会信用代码", "91350802MA2XY3K1XJ"))
                .utf8();
        HttpResponse<String> uploaded = scjg.upload("console-upload.csv", file, scjg.csrf());
        assertThat(uploaded.statusCode()).isIn(200, 202);
        String payloadId = find(PAYLOAD_ID, uploaded.body());
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RECEIVED"
                .equals(payloads.find(payloadId).orElseThrow().status()));
        assertThat(payloads.find(payloadId).orElseThrow().department()).isEqualTo("scjg");
        assertThat(payloads.find(payloadId).orElseThrow().channel()).isEqualTo("WEB");

        assertThat(scjg.get("/console/api/payloads").body()).contains(payloadId);
        HttpResponse<String> detail = scjg.get("/console/api/payloads/" + payloadId);
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body())
                .contains("\"stored\":1")
                .contains("\"rejected\":1")
                .contains("USCC_CHECK")
                .contains("校验位错误");
        assertThat(scjg.get("/console/payloads/" + payloadId).statusCode()).isEqualTo(200);
        HttpResponse<String> feedback = scjg.get("/console/api/payloads/" + payloadId + "/feedback");
        assertThat(feedback.statusCode()).isEqualTo(200);
        assertThat(feedback.body()).contains("USCC_CHECK");

        Browser zf = new Browser();
        assertThat(zf.login("zf-li", "zf-console-2").statusCode()).isEqualTo(302);
        assertThat(zf.get("/console/payloads/" + payloadId).statusCode()).isEqualTo(404);
        assertThat(zf.get("/console/api/payloads/" + payloadId).statusCode()).isEqualTo(404);
        assertThat(zf.get("/console/api/payloads/" + payloadId + "/feedback").statusCode())
                .isEqualTo(404);
        assertThat(zf.get("/console/api/payloads").body()).doesNotContain(payloadId);

        Browser platform = new Browser();
        assertThat(platform.login("platform-wang", "platform-console-3").statusCode())
                .isEqualTo(302);
        assertThat(platform.get("/console/api/payloads/" + payloadId).statusCode())
                .as("platform staff follow every department")
                .isEqualTo(200);
        assertThat(platform.upload("x.csv", file, platform.csrf()).statusCode())
                .as("only a department's submitter uploads")
                .isEqualTo(403);

        assertThat(auditRows(payloadId))
                .contains(
                        "scjg-zhang UPLOAD",
                        "scjg-zhang VIEW_PAYLOAD",
                        "scjg-zhang DOWNLOAD_FEEDBACK",
                        "zf-li DENIED",
                        "platform-wang VIEW_PAYLOAD");
        assertThat(auditActions("scjg-zhang")).contains("LOGIN");

        String token = scjg.csrf();
        HttpResponse<String> logout = scjg.form("/console/logout", Map.of("_csrf", token));
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("/console/login?logout");
        assertThat(scjg.get("/console/api/me").statusCode()).isEqualTo(401);
        assertThat(auditActions("scjg-zhang")).contains("LOGOUT");
    }

    @Test
    void theConsoleTemplatesAreTheApisAndTheApiKeepsItsOwnLogin() throws Exception {
        Browser scjg = new Browser();
        scjg.login("scjg-zhang", "scjg-console-1");
        HttpResponse<byte[]> template = scjg.http.send(
                HttpRequest.newBuilder(uri("/console/api/templates/national-penalty.xlsx"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.body()).startsWith('P', 'K');

        assertThat(scjg.get("/api/payloads/x").statusCode())
                .as("a console session is not an API login")
                .isEqualTo(401);
        // reachable with a console session and no other login; whether it is UP depends on what the suites sharing
        // this hub's context left running, which is not this test's business
        HttpResponse<String> health = scjg.get("/actuator/health");
        assertThat(health.statusCode()).isNotIn(401, 403);
        assertThat(health.body()).contains("\"status\"");
        assertThat(scjg.get("/services/credit?wsdl").statusCode()).isEqualTo(200);
    }

    @Test
    void staticPagesShowDatabaseTextOnlyAsText() throws Exception {
        for (String page : List.of("console.js", "submissions.html", "payload.html", "upload.html", "conflicts.html")) {
            String source = Files.readString(TestHome.REPO
                    .resolve("hub/src/main/resources/static/console")
                    .resolve(page));
            assertThat(source).as(page).doesNotContain("innerHTML").doesNotContain("outerHTML");
        }
    }

    private List<String> auditRows(String payloadId) {
        return jdbc
                .queryForList("SELECT username, action FROM audit_log WHERE payload_id = ? ORDER BY id", payloadId)
                .stream()
                .map(r -> r.get("username") + " " + r.get("action"))
                .toList();
    }

    private List<String> auditActions(String user) {
        return jdbc.queryForList("SELECT action FROM audit_log WHERE username = ? ORDER BY id", String.class, user);
    }

    private int payloadCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM payload", Integer.class);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String find(Pattern pattern, String text) {
        return ConsoleSession.find(pattern, text);
    }
}
