package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huiju.hub.store.Receipt;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The FTP pull channel against a real FTP server (Apache MINA FtpServer on 127.0.0.1): the hub logs in as the
 * department, takes the file from its outbox, stores it, moves it to .done/ there and then uploads the feedback.
 */
@ExtendWith(OutputCaptureExtension.class)
class FtpPullIT extends HubTest {

    static final String HOME = TestHome.create("ftp").toString();
    static final String PASSWORD = "ftp-secret-1";
    static TestFtpServer server;

    @LocalServerPort
    int httpPort;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("huiju.home", () -> HOME);
        registry.add("huiju.mappings", () -> TestHome.REPO.resolve("mappings").toString());
        // The route file names the property, never the secret.
        registry.add("huiju.test.scjg-ftp-password", () -> PASSWORD);
    }

    @BeforeAll
    static void startFtpServer() throws Exception {
        server = new TestFtpServer(Path.of(HOME, "ftp-server/scjg"), "scjg", PASSWORD).start();
    }

    @AfterAll
    static void stopFtpServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aFileOnTheDepartmentsServerIsTakenStoredMovedAndAnsweredWithFeedback() throws Exception {
        addFeed("ftp-scjg", "scjg", server.port);
        PenaltyFile file = new PenaltyFile().company(1).company(2, r -> r.put("行政相对人名称", ""));

        long before = System.currentTimeMillis();
        server.upload("penalties.csv", file.utf8());
        Receipt receipt = awaitReceipt("scjg", "penalties.csv", before);

        assertThat(receipt.channel()).isEqualTo("FTP");
        assertThat(receipt.stored()).isEqualTo(1);
        assertThat(receipt.rejected()).isEqualTo(1);
        assertThat(library("legal_person_record", file.documentNumber(1))).containsEntry("department", "scjg");
        String feedbackName = "penalties." + receipt.payloadId() + ".feedback.csv";
        await().atMost(Duration.ofSeconds(20)).until(() -> server.has("feedback", feedbackName));
        // The feedback is the department's sign that the hub is done with the file: by then it has left the outbox.
        assertThat(server.root.resolve("outbox/penalties.csv")).doesNotExist();
        assertThat(server.has("outbox/.done", receipt.payloadId() + "-penalties.csv"))
                .isTrue();
        try (Stream<Path> feedback = Files.list(server.root.resolve("feedback"))) {
            Path answer = feedback.filter(p -> p.toString().contains(receipt.payloadId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(Files.readString(answer)).contains("REQUIRED").contains("行政相对人名称");
        }
    }

    @Test
    void aCorrectionSentAsSoonAsTheFeedbackArrivesIsTakenAgain() throws Exception {
        addFeed("ftp-scjg", "scjg", server.port);
        PenaltyFile original = new PenaltyFile().company(1);
        long first = System.currentTimeMillis();
        server.upload("monthly.csv", original.utf8());
        Receipt taken = awaitReceipt("scjg", "monthly.csv", first);
        assertThat(taken.stored()).isEqualTo(1);

        // A department system that answers its feedback at once, with a file of the same name.
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> server.has("feedback", "monthly." + taken.payloadId() + ".feedback.csv"));
        long second = System.currentTimeMillis();
        server.upload(
                "monthly.csv",
                original.sameNumbers()
                        .company(1, r -> r.put("罚款金额（万元）", "0.25"))
                        .utf8());
        Receipt corrected = awaitReceipt("scjg", "monthly.csv", second);

        assertThat(corrected.stored()).isEqualTo(1);
        assertThat(library("legal_person_record", original.documentNumber(1))).containsEntry("version", 2);
    }

    @Test
    void anUnreachableServerShowsInHealthWhileTheHubAndTheOtherFeedsWork() throws Exception {
        int nobodyListens = TestFtpServer.freePorts(1).get(0);
        addFeed("ftp-zf", "zf", nobodyListens);
        addFeed("ftp-scjg", "scjg", server.port);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode remote = health("/actuator/health").path("components").path("remoteServers");
            assertThat(remote.path("status").asText()).isEqualTo("DEGRADED");
            assertThat(remote.path("details").path("ftp-pull-zf").path("state").asText())
                    .isEqualTo("DOWN");
        });
        JsonNode remote = health("/actuator/health").path("components").path("remoteServers");
        assertThat(remote.path("details").path("ftp-pull-zf").path("error").asText())
                .contains("Connection refused");
        assertThat(remote.path("details").path("ftp-pull-zf").path("server").asText())
                .isEqualTo("ftp://127.0.0.1:" + nobodyListens + "/outbox");
        assertThat(remote.path("details").path("ftp-pull-scjg").path("state").asText())
                .isEqualTo("UP");
        assertThat(remote.path("details").path("unreachable").asInt()).isEqualTo(1);

        // The hub stays UP for a load balancer; monitoring sees the department server on its own group.
        HttpResponse<String> root = get("/actuator/health");
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(json.readTree(root.body()).path("status").asText()).isEqualTo("UP");
        assertThat(get("/actuator/health/remote-servers").statusCode()).isEqualTo(503);

        // ... and the other feeds keep working.
        long before = System.currentTimeMillis();
        server.upload("while-zf-is-down.csv", new PenaltyFile().company(1).utf8());
        assertThat(awaitReceipt("scjg", "while-zf-is-down.csv", before).stored())
                .isEqualTo(1);
        assertThat(drop(
                                "zf",
                                "zf-by-file-drop.csv",
                                new PenaltyFile().company(1).utf8())
                        .stored())
                .isEqualTo(1);

        Files.delete(Path.of(HOME, "routes/departments/ftp-zf.camel.yaml"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        get("/actuator/health/remote-servers").statusCode())
                .isEqualTo(200));
    }

    @Test
    void aServerThatDiesMidDownloadLosesNothingAndTheFileIsStoredOnceWhenItIsBack() throws Exception {
        // zf's server sends at 256 KB/s, so a 2 MB file is still on its way when the server goes.
        TestFtpServer slow = new TestFtpServer(Path.of(HOME, "ftp-server/zf"), "zf", PASSWORD)
                .downloadRate(256 * 1024)
                .start();
        try {
            addFeed("ftp-zf-slow", "ftp-pull-zf-slow", "zf", slow.port);
            PenaltyFile file = new PenaltyFile();
            int rows = 6000;
            for (int i = 1; i <= rows; i++) {
                file.company(i);
            }
            byte[] bytes = file.utf8();
            assertThat(bytes.length).isGreaterThan(2_000_000);
            Path downloading = Path.of(HOME, "data/work/zf/big.csv.inprogress");

            long before = System.currentTimeMillis();
            slow.upload("big.csv", bytes);
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> Files.exists(downloading) && Files.size(downloading) > 100_000);
            slow.stop();
            await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(downloading));
            assertThat(payloadStatuses("zf", "big.csv")).isEmpty();
            assertThat(slow.root.resolve("outbox/big.csv")).exists();

            slow.start();
            Receipt receipt = awaitReceipt("zf", "big.csv", before);

            assertThat(receipt.stored()).isEqualTo(rows);
            assertThat(payloadStatuses("zf", "big.csv")).containsExactly("DONE");
            String prefix =
                    file.documentNumber(0).substring(0, file.documentNumber(0).length() - 2);
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM legal_person_record WHERE document_number LIKE ?",
                            Integer.class,
                            prefix + "%"))
                    .isEqualTo(rows);
            assertThat(jdbc.queryForObject(
                            "SELECT MAX(version) FROM legal_person_record WHERE document_number LIKE ?",
                            Integer.class,
                            prefix + "%"))
                    .isEqualTo(1);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> slow.has("feedback", "big." + receipt.payloadId() + ".feedback.csv"));
            assertThat(slow.has("outbox/.done", receipt.payloadId() + "-big.csv"))
                    .isTrue();
        } finally {
            slow.stop();
            Files.deleteIfExists(Path.of(HOME, "routes/departments/ftp-zf-slow.camel.yaml"));
        }
    }

    @Test
    void aFeedbackThatCannotBeUploadedIsLoggedAndTheFileStaysDone(CapturedOutput output) throws Exception {
        // zf's server has a file where the feedback folder should be: every feedback upload fails.
        TestFtpServer noFeedback = new TestFtpServer(Path.of(HOME, "ftp-server/zf-no-feedback"), "zf", PASSWORD);
        Files.delete(noFeedback.root.resolve("feedback"));
        Files.writeString(noFeedback.root.resolve("feedback"), "not a folder");
        noFeedback.start();
        try {
            addFeed("ftp-zf-no-feedback", "ftp-pull-zf-no-feedback", "zf", noFeedback.port);
            long before = System.currentTimeMillis();
            noFeedback.upload("unanswered.csv", new PenaltyFile().company(1).utf8());
            Receipt receipt = awaitReceipt("zf", "unanswered.csv", before);

            assertThat(receipt.status()).isEqualTo("DONE");
            assertThat(receipt.stored()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(20)).until(() -> output.getOut()
                    .contains("Feedback of payload " + receipt.payloadId() + " not uploaded"));
            assertThat(noFeedback.has("outbox/.done", receipt.payloadId() + "-unanswered.csv"))
                    .isTrue();
            assertThat(Path.of(receipt.feedbackPath())).exists();
            Thread.sleep(3000); // a few more polls: the file is not taken again
            assertThat(payloadStatuses("zf", "unanswered.csv")).containsExactly("DONE");
        } finally {
            noFeedback.stop();
            Files.deleteIfExists(Path.of(HOME, "routes/departments/ftp-zf-no-feedback.camel.yaml"));
        }
    }

    private List<String> payloadStatuses(String department, String fileName) {
        return jdbc.queryForList(
                "SELECT status FROM payload WHERE department = ? AND file_name = ?",
                String.class,
                department,
                fileName);
    }

    private JsonNode health(String path) throws IOException, InterruptedException {
        return json.readTree(get(path).body());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The feed, as an integration engineer would add it: one route file, the password by reference. */
    private void addFeed(String fileName, String department, int port) throws IOException {
        addFeed(fileName, "ftp-pull-" + department, department, port);
    }

    private void addFeed(String fileName, String routeId, String department, int port) throws IOException {
        Path file = Path.of(HOME, "routes/departments/" + fileName + ".camel.yaml");
        if (Files.exists(file)) {
            return;
        }
        Files.writeString(
                file,
                """
                - templatedRoute:
                    routeTemplateRef: ftp-pull
                    routeId: %1$s
                    parameters:
                      - name: department
                        value: %2$s
                      - name: mapping
                        value: national-penalty
                      - name: host
                        value: 127.0.0.1
                      - name: port
                        value: "%3$d"
                      - name: username
                        value: %2$s
                      - name: password
                        value: "{{huiju.test.scjg-ftp-password}}"
                      - name: delay
                        value: "500"
                """
                        .formatted(routeId, department, port));
    }
}
