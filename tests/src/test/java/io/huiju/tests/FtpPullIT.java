package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huiju.hub.store.Receipt;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The FTP pull channel against a real FTP server (Apache MINA FtpServer on 127.0.0.1): the hub logs in as the
 * department, takes the file from its outbox, stores it, moves it to .done/ there and uploads the feedback.
 */
class FtpPullIT extends HubTest {

    static final String HOME = TestHome.create("ftp").toString();
    static final String PASSWORD = "ftp-secret-1";
    static Path ftpRoot;
    static FtpServer server;
    static int port;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("huiju.home", () -> HOME);
        registry.add("huiju.mappings", () -> TestHome.REPO.resolve("mappings").toString());
        // The route file names the property, never the secret.
        registry.add("huiju.test.scjg-ftp-password", () -> PASSWORD);
    }

    @BeforeAll
    static void startFtpServer() throws Exception {
        ftpRoot = Files.createDirectories(Path.of(HOME, "ftp-server/scjg"));
        Files.createDirectories(ftpRoot.resolve("outbox"));
        Files.createDirectories(ftpRoot.resolve("feedback"));
        port = freePort();
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(port);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassiveAddress("127.0.0.1");
        // A set of its own: MINA's "any port" passive mode hands out ports it then fails to reserve under load.
        data.setPassivePorts(String.join(",", freePorts(8)));
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        factory.addListener("default", listener.createListener());
        // The hub holds a polling session and an upload session at once; MINA's small default pool can starve one.
        ConnectionConfigFactory connections = new ConnectionConfigFactory();
        connections.setMaxThreads(16);
        connections.setMaxLogins(20);
        factory.setConnectionConfig(connections.createConnectionConfig());
        UserManager users = new PropertiesUserManagerFactory().createUserManager();
        BaseUser user = new BaseUser();
        user.setName("scjg");
        user.setPassword(PASSWORD);
        user.setHomeDirectory(ftpRoot.toString());
        user.setAuthorities(List.of(new WritePermission()));
        users.save(user);
        factory.setUserManager(users);
        server = factory.createServer();
        server.start();
    }

    @AfterAll
    static void stopFtpServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aFileOnTheDepartmentsServerIsTakenStoredMovedAndAnsweredWithFeedback() throws Exception {
        addFeed();
        PenaltyFile file = new PenaltyFile().company(1).company(2, r -> r.put("行政相对人名称", ""));

        long before = System.currentTimeMillis();
        upload("penalties.csv", file.utf8());
        Receipt receipt = awaitReceipt("scjg", "penalties.csv", before);

        assertThat(receipt.channel()).isEqualTo("FTP");
        assertThat(receipt.stored()).isEqualTo(1);
        assertThat(receipt.rejected()).isEqualTo(1);
        assertThat(library("legal_person_record", file.documentNumber(1))).containsEntry("department", "scjg");
        await().atMost(Duration.ofSeconds(20)).until(() -> remote("outbox/.done", "penalties.csv"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> remote("feedback", "penalties." + receipt.payloadId() + ".feedback.csv"));
        try (Stream<Path> feedback = Files.list(ftpRoot.resolve("feedback"))) {
            Path answer = feedback.filter(p -> p.toString().contains(receipt.payloadId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(Files.readString(answer)).contains("REQUIRED").contains("行政相对人名称");
        }
    }

    @Test
    void aCorrectedFileWithTheSameNameIsTakenAgain() throws Exception {
        addFeed();
        PenaltyFile original = new PenaltyFile().company(1);
        long first = System.currentTimeMillis();
        upload("monthly.csv", original.utf8());
        assertThat(awaitReceipt("scjg", "monthly.csv", first).stored()).isEqualTo(1);

        long second = System.currentTimeMillis();
        upload(
                "monthly.csv",
                original.sameNumbers()
                        .company(1, r -> r.put("罚款金额（万元）", "0.25"))
                        .utf8());
        Receipt corrected = awaitReceipt("scjg", "monthly.csv", second);

        assertThat(corrected.stored()).isEqualTo(1);
        assertThat(library("legal_person_record", original.documentNumber(1))).containsEntry("version", 2);
    }

    /** The feed, as an integration engineer would add it: one route file, the password by reference. */
    private void addFeed() throws IOException {
        Path file = Path.of(HOME, "routes/departments/ftp-scjg.camel.yaml");
        if (Files.exists(file)) {
            return;
        }
        Files.writeString(
                file,
                """
                - templatedRoute:
                    routeTemplateRef: ftp-pull
                    routeId: ftp-pull-scjg
                    parameters:
                      - name: department
                        value: scjg
                      - name: mapping
                        value: national-penalty
                      - name: host
                        value: 127.0.0.1
                      - name: port
                        value: "%d"
                      - name: username
                        value: scjg
                      - name: password
                        value: "{{huiju.test.scjg-ftp-password}}"
                      - name: delay
                        value: "500"
                """
                        .formatted(port));
    }

    /** Writes under a temporary name and renames, as a careful department system does. */
    private static void upload(String name, byte[] bytes) throws IOException {
        Path partial = ftpRoot.resolve("outbox").resolve("." + name + ".part");
        Files.write(partial, bytes);
        Files.move(partial, ftpRoot.resolve("outbox").resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean remote(String folder, String suffix) throws IOException {
        return findUnder(ftpRoot.resolve(folder), suffix);
    }

    private static List<String> freePorts(int count) throws IOException {
        List<ServerSocket> held = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                held.add(new ServerSocket(0));
            }
            return held.stream().map(s -> String.valueOf(s.getLocalPort())).toList();
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
