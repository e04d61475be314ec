package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huiju.hub.store.Receipt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ftp-pull channel over explicit TLS (FTPS, AUTH TLS) against MINA FtpServer with a self-signed certificate: the
 * hub trusts it through the trust store the feed names, and every login and every transfer, the feedback upload
 * included, goes under TLS.
 */
class FtpsPullIT extends HubTest {

    static final String HOME = TestHome.create("ftps").toString();
    static final String PASSWORD = "ftps-secret-1";
    static final String STORE_PASSWORD = "store-secret-1";
    static TestFtpServer server;
    static Path trustStore;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("huiju.home", () -> HOME);
        registry.add("huiju.mappings", () -> TestHome.REPO.resolve("mappings").toString());
        registry.add("huiju.test.ftps-password", () -> PASSWORD);
        registry.add("huiju.test.trust-store-password", () -> STORE_PASSWORD);
    }

    @BeforeAll
    static void startFtpsServer() throws Exception {
        Path keys = Files.createDirectories(Path.of(HOME, "keys"));
        Path keystore = TestFtpServer.selfSignedKeystore(keys.resolve("server.p12"), STORE_PASSWORD);
        trustStore = TestFtpServer.trustStoreFor(keystore, STORE_PASSWORD, keys.resolve("trust.p12"));
        server = new TestFtpServer(Path.of(HOME, "ftps-server/scjg"), "scjg", PASSWORD)
                .tls(keystore, STORE_PASSWORD)
                .start();
    }

    @AfterAll
    static void stopFtpsServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aFileIsTakenAndAnsweredOverTls() throws Exception {
        Files.writeString(
                Path.of(HOME, "routes/departments/ftps-scjg.camel.yaml"),
                """
                - templatedRoute:
                    routeTemplateRef: ftp-pull
                    routeId: ftp-pull-scjg
                    parameters:
                      - name: department
                        value: scjg
                      - name: mapping
                        value: national-penalty
                      - name: protocol
                        value: ftps
                      - name: host
                        value: 127.0.0.1
                      - name: port
                        value: "%d"
                      - name: username
                        value: scjg
                      - name: password
                        value: "{{huiju.test.ftps-password}}"
                      - name: trustStore
                        value: "%s"
                      - name: trustStorePassword
                        value: "{{huiju.test.trust-store-password}}"
                      - name: delay
                        value: "500"
                """
                        .formatted(server.port, trustStore));
        PenaltyFile file = new PenaltyFile().company(1);

        long before = System.currentTimeMillis();
        server.upload("penalties.csv", file.utf8());
        Receipt receipt = awaitReceipt("scjg", "penalties.csv", before);

        assertThat(receipt.stored()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> server.has("feedback", "penalties." + receipt.payloadId() + ".feedback.csv"));
        assertThat(server.has("outbox/.done", receipt.payloadId() + "-penalties.csv"))
                .isTrue();
        assertThat(server.sessions).contains("login", "download", "upload").noneMatch(s -> s.endsWith("in the clear"));
    }
}
