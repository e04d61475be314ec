package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hub killed (SIGKILL, no shutdown of any kind) while it is taking a file from a department's FTP server, twice:
 * once half-way through the download, once half-way through storing. The hub runs as a process of its own, as in
 * production: one home, its production store (a database of its own on the PostgreSQL server on 127.0.0.1:5432, which
 * the test also reads while the hub runs), so the kill is a real one. After the last restart the file must have been
 * stored exactly once, moved to .done/ and answered with feedback; nothing may be lost or stored twice.
 */
class FtpPullHubKilledIT {

    static final Path HOME = TestHome.create("ftp-killed");
    static final String PASSWORD = "ftp-secret-2";
    static final int ROWS = 6000;
    static final String SERVER = System.getProperty("huiju.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String USER = System.getProperty("huiju.it.pg.user", "postgres");
    static final String DATABASE =
            "huiju_killed_" + UUID.randomUUID().toString().substring(0, 8);
    static final String URL = SERVER.replaceFirst("/[^/]*$", "/" + DATABASE);

    private final List<Process> hubs = new ArrayList<>();

    @BeforeAll
    static void createDatabase() throws SQLException {
        execute("CREATE DATABASE " + DATABASE);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    @AfterEach
    void stopHubs() throws InterruptedException {
        for (Process hub : hubs) {
            hub.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aHubKilledMidDownloadAndMidStoreTakesTheFileAgainAndStoresItOnce() throws Exception {
        // 256 KB/s: the 2 MB file takes several seconds to come down, and the kill lands inside that time.
        TestFtpServer server = new TestFtpServer(HOME.resolve("ftp-server/zf"), "zf", PASSWORD)
                .downloadRate(256 * 1024)
                .start();
        try {
            feed(server.port);
            PenaltyFile file = new PenaltyFile();
            for (int i = 1; i <= ROWS; i++) {
                file.company(i);
            }
            server.upload("big.csv", file.utf8());
            Path downloading = HOME.resolve("data/work/zf/big.csv.inprogress");

            Process first = start(1);
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> Files.exists(downloading) && Files.size(downloading) > 100_000);
            kill(first);
            assertThat(server.root.resolve("outbox/big.csv")).exists();

            Process second = start(2);
            String prefix =
                    file.documentNumber(0).substring(0, file.documentNumber(0).length() - 2) + "%";
            String stored = "SELECT COUNT(*) FROM legal_person_record WHERE document_number LIKE ?";
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> number(stored, prefix) > 0);
            kill(second);
            long storedBeforeTheKill = number(stored, prefix);
            assertThat(storedBeforeTheKill).isBetween(1L, ROWS - 1L);
            assertThat(server.root.resolve("outbox/big.csv")).exists();
            assertThat(server.has("feedback", ".feedback.csv")).isFalse();

            start(3);
            await().atMost(Duration.ofMinutes(3)).until(() -> server.has("feedback", ".feedback.csv"));

            assertThat(server.root.resolve("outbox/big.csv")).doesNotExist();
            assertThat(server.has("outbox/.done", "-big.csv")).isTrue();
            // The second hub archived the file and was killed while storing it: its payload stays RECEIVED (its
            // original is in the archive); the third took the file again, found what the second had stored
            // unchanged and stored the rest.
            assertThat(strings("SELECT status FROM payload WHERE file_name = ? ORDER BY received_at", "big.csv"))
                    .containsExactly("RECEIVED", "DONE");
            assertThat(number("SELECT unchanged FROM payload WHERE status = 'DONE' AND file_name = ?", "big.csv"))
                    .isEqualTo(storedBeforeTheKill);
            assertThat(number("SELECT stored FROM payload WHERE status = 'DONE' AND file_name = ?", "big.csv"))
                    .isEqualTo(ROWS - storedBeforeTheKill);
            assertThat(number(stored, prefix)).isEqualTo(ROWS);
            assertThat(number(stored + " AND version > 1", prefix)).isZero();
            assertThat(number("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE messageId LIKE ?", "zf/big.csv-%"))
                    .isEqualTo(1);
        } finally {
            server.stop();
        }
    }

    /** The department's feed, its password from the environment as in production. */
    private static void feed(int port) throws IOException {
        Files.writeString(
                HOME.resolve("routes/departments/ftp-zf.camel.yaml"),
                """
                - templatedRoute:
                    routeTemplateRef: ftp-pull
                    routeId: ftp-pull-zf
                    parameters:
                      - name: department
                        value: zf
                      - name: mapping
                        value: national-penalty
                      - name: host
                        value: 127.0.0.1
                      - name: port
                        value: "%d"
                      - name: username
                        value: zf
                      - name: password
                        value: "{{env:HUIJU_FTP_ZF_PASSWORD}}"
                      - name: delay
                        value: "500"
                """
                        .formatted(port));
    }

    private Process start(int run) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "io.huiju.hub.HuijuApplication",
                "--huiju.home=" + HOME,
                "--huiju.mappings=" + TestHome.REPO.resolve("mappings"),
                "--huiju.route-scan-interval=500ms",
                "--server.port=0",
                // the drop-box servers on free ports: a hub left on the default ones must not stop this one starting
                "--huiju.dropbox.ftp.port=0",
                "--huiju.dropbox.ftp.passive-ports=0",
                "--huiju.dropbox.sftp.port=0",
                "--spring.profiles.active=postgres",
                "--huiju.departments[0].code=zf",
                "--huiju.departments[0].name=龙岩市城市管理综合执法局",
                "--huiju.departments[0].uscc=11350800003614534G",
                "--huiju.departments[0].region-code=350800"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(HOME.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log(run).toFile());
        builder.environment().put("HUIJU_FTP_ZF_PASSWORD", PASSWORD);
        builder.environment().put("HUIJU_DB_URL", URL);
        builder.environment().put("HUIJU_DB_USER", USER);
        builder.environment().put("HUIJU_DB_PASSWORD", "");
        Process hub = builder.start();
        hubs.add(hub);
        return hub;
    }

    private static void kill(Process hub) throws InterruptedException {
        hub.destroyForcibly();
        assertThat(hub.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    private static Path log(int run) {
        return HOME.resolve("hub-" + run + ".log");
    }

    private static List<String> strings(String sql, String parameter) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(URL, USER, "");
                PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    private static long number(String sql, String parameter) throws SQLException {
        List<String> values = strings(sql, parameter);
        return values.isEmpty() || values.get(0) == null ? 0 : Long.parseLong(values.get(0));
    }

    private static void execute(String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(SERVER, USER, "");
                Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }
}
