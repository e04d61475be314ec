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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The SFTP pull channel against real SFTP servers (Apache MINA SSHD on 127.0.0.1): the hub checks the server's host
 * key against the known_hosts file in its home, logs in with a password, takes the file, stores it, moves it to .done/
 * and then uploads the feedback. A server whose key is not the one on file never sees the password.
 */
class SftpPullIT extends HubTest {

    static final String HOME = TestHome.create("sftp").toString();
    static final String PASSWORD = "sftp-secret-1";
    static TestSftpServer scjg;
    static TestSftpServer impostor;

    @LocalServerPort
    int httpPort;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("huiju.home", () -> HOME);
        registry.add("huiju.mappings", () -> TestHome.REPO.resolve("mappings").toString());
        registry.add("huiju.test.sftp-password", () -> PASSWORD);
    }

    @BeforeAll
    static void startSftpServers() throws Exception {
        scjg = new TestSftpServer(Path.of(HOME, "sftp-server/scjg"), "scjg", PASSWORD).start();
        impostor = new TestSftpServer(Path.of(HOME, "sftp-server/zf"), "zf", PASSWORD).start();
        // The operator's known_hosts, at the template's default place: scjg's key, and for zf's address a key that
        // is not the one zf's server shows (a server replaced, or someone in between).
        Path knownHosts = Files.createDirectories(Path.of(HOME, "config")).resolve("known_hosts");
        String zfEntry = scjg.knownHostsLine().replace("]:" + scjg.port + " ", "]:" + impostor.port + " ");
        Files.writeString(knownHosts, scjg.knownHostsLine() + "\n" + zfEntry + "\n");
    }

    @AfterAll
    static void stopSftpServers() throws IOException {
        if (scjg != null) {
            scjg.stop();
        }
        if (impostor != null) {
            impostor.stop();
        }
    }

    @Test
    void aFileOnTheDepartmentsSftpServerIsTakenStoredMovedAndAnsweredWithFeedback() throws Exception {
        addFeed("scjg", scjg.port);
        PenaltyFile file = new PenaltyFile().company(1).company(2, r -> r.put("行政相对人名称", ""));

        long before = System.currentTimeMillis();
        scjg.upload("penalties.csv", file.utf8());
        Receipt receipt = awaitReceipt("scjg", "penalties.csv", before);

        assertThat(receipt.channel()).isEqualTo("FTP");
        assertThat(receipt.stored()).isEqualTo(1);
        assertThat(receipt.rejected()).isEqualTo(1);
        assertThat(library("legal_person_record", file.documentNumber(1))).containsEntry("department", "scjg");
        String feedbackName = "penalties." + receipt.payloadId() + ".feedback.csv";
        await().atMost(Duration.ofSeconds(20)).until(() -> scjg.has("feedback", feedbackName));
        assertThat(scjg.root.resolve("outbox/penalties.csv")).doesNotExist();
        assertThat(scjg.has("outbox/.done", receipt.payloadId() + "-penalties.csv"))
                .isTrue();
        try (Stream<Path> feedback = Files.list(scjg.root.resolve("feedback"))) {
            Path answer = feedback.filter(p -> p.toString().contains(receipt.payloadId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(Files.readString(answer)).contains("REQUIRED").contains("行政相对人名称");
        }
    }

    @Test
    void aServerWhoseHostKeyIsNotTheOneOnFileIsNeverLoggedInto() throws Exception {
        addFeed("zf", impostor.port);
        impostor.upload("zf.csv", new PenaltyFile().company(1).utf8());

        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/actuator/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            JsonNode zf = json.readTree(health.body())
                    .path("components")
                    .path("remoteServers")
                    .path("details")
                    .path("sftp-pull-zf");
            assertThat(zf.path("state").asText()).isEqualTo("DOWN");
            assertThat(zf.path("error").asText()).as(zf.toString()).containsIgnoringCase("HostKey");
        });
        assertThat(impostor.passwordAttempts()).isZero();
        assertThat(impostor.root.resolve("outbox/zf.csv")).exists();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payload WHERE file_name = 'zf.csv'", Integer.class))
                .isZero();
    }

    /** The feed as an integration engineer adds it: no knownHostsFile given, so the one in the home is used. */
    private static void addFeed(String department, int port) throws IOException {
        Path file = Path.of(HOME, "routes/departments/sftp-" + department + ".camel.yaml");
        if (Files.exists(file)) {
            return;
        }
        Files.writeString(
                file,
                """
                - templatedRoute:
                    routeTemplateRef: sftp-pull
                    routeId: sftp-pull-%1$s
                    parameters:
                      - name: department
                        value: %1$s
                      - name: mapping
                        value: national-penalty
                      - name: host
                        value: 127.0.0.1
                      - name: port
                        value: "%2$d"
                      - name: username
                        value: %1$s
                      - name: password
                        value: "{{huiju.test.sftp-password}}"
                      - name: delay
                        value: "500"
                """
                        .formatted(department, port));
    }
}
