package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huiju.hub.store.Receipt;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.engine.DefaultShutdownStrategy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The front-end database channel (前置库) against the real MariaDB server on 127.0.0.1:3306 as the department's
 * database: the suite creates its own database and a department login with table grants only, and drops both. The hub
 * runs on H2. Each test has an exchange table and a feed of its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FrontDbIT extends HubTest {

    static final String SERVER = System.getProperty("huiju.it.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");
    static final String ROOT = System.getProperty("huiju.it.mariadb.user", "root");
    static final String RANDOM = UUID.randomUUID().toString().substring(0, 8);
    static final String DATABASE = "huiju_frontdb_it_" + RANDOM;
    static final String LOGIN = "huiju_fdb_" + RANDOM;
    static final String PASSWORD = "fdb-" + RANDOM;
    static final String HOME = TestHome.create("frontdb").toString();

    @Autowired
    CamelContext camel;

    @Autowired
    HealthContributorRegistry health;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        root("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4");
        root("CREATE USER '" + LOGIN + "'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "'");
        // The feedback table as the department creates it (docs/INTEGRATION.md); the hub may only read and add rows.
        root("CREATE TABLE " + DATABASE + ".huiju_feedback (source_key VARCHAR(500) NOT NULL, payload_id VARCHAR(64)"
                + " NOT NULL, status VARCHAR(16) NOT NULL, code VARCHAR(200), reason VARCHAR(2000),"
                + " created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, KEY (source_key), KEY (payload_id))");
        root("GRANT SELECT, INSERT ON " + DATABASE + ".huiju_feedback TO '" + LOGIN + "'@'127.0.0.1'");
        registry.add("huiju.home", () -> HOME);
        registry.add("huiju.mappings", () -> TestHome.REPO.resolve("mappings").toString());
        // The route files name the property, never the secret.
        registry.add("huiju.test.frontdb-password", () -> PASSWORD);
        // small store batches, so a payload is stored in many steps and a stop can fall between two
        registry.add("huiju.batch-size", () -> "20");
    }

    @AfterAll
    static void dropDatabase() {
        root("DROP DATABASE IF EXISTS " + DATABASE);
        root("DROP USER IF EXISTS '" + LOGIN + "'@'127.0.0.1'");
    }

    // ------------------------------------------------------------------------------------------------- tests

    @Test
    @Order(1)
    void rowsAreStoredNewVersionsAndLateRowsTakenAndEachOutcomeWrittenBack() {
        String table = exchangeTable("penalty_a");
        String prefix = prefix();
        LocalDateTime t0 = now().minusMinutes(1);
        insert(table, 1, t0, penalty(prefix + 1, r -> {}));
        insert(table, 2, t0, penalty(prefix + 2, r -> r.put("CF_XDR_MC", null)));
        insert(table, 3, t0.plusSeconds(1), penalty(null, r -> {})); // NULL in the record's key column
        insert(table, 4, t0.plusSeconds(2), penalty(prefix + 4, r -> r.put("CF_XDR_SHXYM", "91350802MA2XY3K1XH00")));
        long since = System.currentTimeMillis();
        feed(table, "600");

        Receipt first = awaitPayload(table, since);
        assertThat(first.status()).isEqualTo("DONE");
        assertThat(first.channel()).isEqualTo("FRONTDB");
        assertThat(first.received()).isEqualTo(4);
        assertThat(first.stored()).isEqualTo(1);
        assertThat(first.rejected()).isEqualTo(3);
        assertThat(library("legal_person_record", prefix + 1))
                .containsEntry("department", "scjg")
                .containsEntry("version", 1);
        awaitFeedback("1");
        assertThat(feedback("1")).containsExactly("ACCEPTED:null:" + first.payloadId());
        assertThat(feedback("2")).singleElement().asString().startsWith("REJECTED:REQUIRED");
        assertThat(feedback("3")).singleElement().asString().startsWith("REJECTED:REQUIRED");
        assertThat(feedback("4")).singleElement().asString().startsWith("REJECTED:USCC_LENGTH");
        assertThat(watermarkKey(table)).isEqualTo("4");

        // The department corrects row 1: a new timestamp makes it a new version.
        since = System.currentTimeMillis();
        update(table, 1, now(), "CF_NR_FK", "0.35");
        Receipt second = awaitPayload(table, since);
        assertThat(second.stored()).isEqualTo(1);
        assertThat(library("legal_person_record", prefix + 1)).containsEntry("version", 2);

        // A row that commits late, with a timestamp older than the watermark: inside the look-back window, still taken.
        since = System.currentTimeMillis();
        insert(table, 5, t0.minusSeconds(30), penalty(prefix + 5, r -> {}));
        Receipt late = awaitPayload(table, since);
        assertThat(late.received()).isEqualTo(1);
        assertThat(late.stored()).isEqualTo(1);
        assertThat(count("legal_person_record", prefix + 5)).isEqualTo(1);
        awaitFeedback("5");
        assertThat(feedback("5")).singleElement().asString().startsWith("ACCEPTED");
        // …and nothing else was taken again: each row has exactly one outcome per version taken
        assertThat(feedback("1")).hasSize(2);
        assertThat(feedback("2")).hasSize(1);
    }

    @Test
    @Order(2)
    void aValueLongerThanTheLibraryHoldsIsAnsweredNotStuck() {
        String table = exchangeTable("penalty_long");
        String prefix = prefix();
        insert(table, 101, now().minusSeconds(5), penalty(prefix + 101, r -> r.put("CF_XDR_MC", "龙".repeat(600))));
        insert(table, 102, now().minusSeconds(5), penalty(prefix + 102, r -> {}));
        long since = System.currentTimeMillis();
        feed(table, "600");

        Receipt receipt = awaitPayload(table, since);
        assertThat(receipt.status()).isEqualTo("DONE");
        assertThat(count("legal_person_record", prefix + 102)).isEqualTo(1);
        awaitFeedback("102");
        assertThat(feedback("101")).singleElement().asString().startsWith("REJECTED");
    }

    @Test
    @Order(3)
    void aRenamedColumnIsRefusedWithItsNameBacksOffAndIsTakenOnceFixed() {
        String table = "penalty_renamed";
        root("CREATE TABLE " + DATABASE + "." + table + " (" + COLUMNS.replace("CF_WSH ", "CF_WSH_NO ") + ")");
        root("GRANT SELECT ON " + DATABASE + "." + table + " TO '" + LOGIN + "'@'127.0.0.1'");
        String prefix = prefix();
        insertRaw(
                table, 201, now().minusSeconds(5), penalty(prefix + 201, r -> r.put("CF_WSH_NO", r.remove("CF_WSH"))));
        long since = System.currentTimeMillis();
        feed(table, "600");

        Receipt refused = awaitPayload(table, since);
        assertThat(refused.status()).isEqualTo("REJECTED");
        assertThat(refused.errorCode()).isEqualTo("MISSING_COLUMN");
        assertThat(refused.error()).contains("行政处罚决定书文号");
        awaitFeedback("201");
        assertThat(feedback("201")).singleElement().asString().startsWith("REJECTED:MISSING_COLUMN");
        assertThat(feedHealth(table)).containsEntry("failures", 1);
        assertThat(String.valueOf(feedHealth(table).get("lastError"))).contains("MISSING_COLUMN");

        // no crash loop: polls every 500 ms, but after a refusal the waits double (1 s, 2 s, 4 s…)
        sleep(Duration.ofSeconds(4));
        assertThat(payloadsOf(table)).isBetween(2, 3);

        // The department renames the column back: the row is taken, nothing was skipped.
        root("ALTER TABLE " + DATABASE + "." + table + " RENAME COLUMN CF_WSH_NO TO CF_WSH");
        await().atMost(Duration.ofSeconds(60)).until(() -> count("legal_person_record", prefix + 201) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "201".equals(watermarkKey(table)));
        assertThat(feedHealth(table)).containsEntry("failures", 0);
    }

    @Test
    @Order(4)
    void aDatabaseThatRefusesTheHubIsRetriedWithBackOffWhileOtherFeedsGoOn() throws Exception {
        String table = exchangeTable("penalty_down");
        String prefix = prefix();
        feed(table, "600");
        root("REVOKE SELECT ON " + DATABASE + "." + table + " FROM '" + LOGIN + "'@'127.0.0.1'");
        await().atMost(Duration.ofSeconds(30)).until(() -> failures(table) >= 3);
        assertThat(String.valueOf(feedHealth(table).get("lastError"))).contains("SELECT");
        int before = failures(table);
        sleep(Duration.ofSeconds(2));
        // the waits double from 500 ms: the third failure was followed by a 4 s wait, so 2 s later at most one more
        assertThat(failures(table)).isLessThanOrEqualTo(before + 1);

        // meanwhile the other channels work
        PenaltyFile file = new PenaltyFile().company(1);
        assertThat(drop("scjg", "while-frontdb-down.csv", file.utf8()).stored()).isEqualTo(1);

        // access is given back: the rows written meanwhile are taken
        insert(table, 301, now().minusSeconds(5), penalty(prefix + 301, r -> {}));
        root("GRANT SELECT ON " + DATABASE + "." + table + " TO '" + LOGIN + "'@'127.0.0.1'");
        await().atMost(Duration.ofSeconds(60)).until(() -> count("legal_person_record", prefix + 301) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> failures(table) == 0);
    }

    @Test
    @Order(5)
    void aWrongPortFailsFastAndBacksOffWithoutPayloads() {
        String table = exchangeTable("penalty_wrong_port");
        insert(table, 401, now().minusSeconds(5), penalty(prefix() + 401, r -> {}));
        feed(table, "600", "url", "jdbc:mariadb://127.0.0.1:1/" + DATABASE);

        await().atMost(Duration.ofSeconds(30)).until(() -> failures(table) >= 2);
        assertThat(String.valueOf(feedHealth(table).get("lastError"))).containsIgnoringCase("connect");
        assertThat(payloadsOf(table)).isZero();
    }

    @Test
    @Order(6)
    void theHubCreatesItsFeedbackTableWhenAllowed() {
        String table = exchangeTable("penalty_own_feedback");
        root("GRANT CREATE, SELECT, INSERT ON " + DATABASE + ".huiju_feedback_auto TO '" + LOGIN + "'@'127.0.0.1'");
        String prefix = prefix();
        insert(table, 501, now().minusSeconds(5), penalty(prefix + 501, r -> {}));
        long since = System.currentTimeMillis();
        feed(table, "600", "feedbackTable", "huiju_feedback_auto", "createFeedbackTable", "true");

        assertThat(awaitPayload(table, since).stored()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> frontDb("SELECT COUNT(*) FROM huiju_feedback_auto WHERE source_key = ?", "501") == 1);
    }

    @Test
    @Order(100)
    void aContextStoppedAbruptlyMidBatchLosesNothingAndStoresNothingTwice() throws Exception {
        String table = exchangeTable("penalty_crash");
        String prefix = prefix();
        int rows = 2000;
        LocalDateTime t0 = now().minusMinutes(2);
        try (Connection c = DriverManager.getConnection(SERVER + DATABASE, ROOT, "")) {
            c.setAutoCommit(false);
            for (int i = 1; i <= rows; i++) {
                insert(c, table, 10000 + i, t0.plusSeconds(i / 10), penalty(prefix + i, r -> {}));
            }
            c.commit();
        }
        feed(table, "600", "batchSize", "1500");
        // wait until the first payload is being stored, batch by batch (20 records each)…
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> countLike(prefix) > 0);
        // …and stop the whole Camel context, giving the payload in flight 100 ms (a quiet machine stores the whole
        // payload in about a second): then Camel refuses its next step, as a hub killed mid-batch would never take it
        camel.getShutdownStrategy().setTimeUnit(TimeUnit.MILLISECONDS);
        camel.getShutdownStrategy().setTimeout(100);
        camel.getShutdownStrategy().setShutdownNowOnTimeout(true);
        camel.stop();
        int storedAtStop = countLike(prefix);
        // a stopped context keeps its strategy in "forcing" mode: a restarted hub starts with a fresh one
        camel.setShutdownStrategy(new DefaultShutdownStrategy(camel));
        camel.start();

        await().atMost(Duration.ofSeconds(120))
                .until(() -> String.valueOf(10000 + rows).equals(watermarkKey(table)));
        assertThat(storedAtStop).as("stored when the context stopped").isBetween(1, 1499);
        assertThat(countLike(prefix)).isEqualTo(rows);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(DISTINCT document_number) FROM legal_person_record WHERE document_number LIKE ?",
                        Integer.class,
                        prefix + "%"))
                .isEqualTo(rows);
        assertThat(jdbc.queryForObject(
                        "SELECT MAX(version) FROM legal_person_record WHERE document_number LIKE ?",
                        Integer.class,
                        prefix + "%"))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM legal_person_record_history h JOIN legal_person_record r"
                                + " ON r.record_id = h.record_id WHERE r.document_number LIKE ?",
                        Integer.class,
                        prefix + "%"))
                .isZero();
        // every row has its outcome in the department's feedback table
        assertThat(frontDb(
                        "SELECT COUNT(DISTINCT source_key) FROM huiju_feedback WHERE CHAR_LENGTH(source_key) = 5"
                                + " AND source_key BETWEEN ? AND ?",
                        "10001",
                        "12000"))
                .isEqualTo(rows);
    }

    // ----------------------------------------------------------------------------------------------- helpers

    static final String COLUMNS = "id BIGINT NOT NULL PRIMARY KEY, update_time DATETIME(6) NOT NULL,"
            + " CF_XDR_MC VARCHAR(1000), CF_XDR_LB VARCHAR(50), CF_XDR_SHXYM VARCHAR(64), CF_FRDB VARCHAR(50),"
            + " CF_WSH VARCHAR(128), CF_WFXW VARCHAR(200), CF_SY VARCHAR(2000), CF_YJ VARCHAR(500),"
            + " CF_CFLB VARCHAR(50), CF_NR VARCHAR(500), CF_NR_FK DECIMAL(18,6), CF_JDRQ DATE, CF_GSJZQ DATE,"
            + " CF_CFJG VARCHAR(200), CF_CFJGDM VARCHAR(18), KEY (update_time, id)";

    private static String exchangeTable(String table) {
        root("CREATE TABLE " + DATABASE + "." + table + " (" + COLUMNS + ")");
        root("GRANT SELECT ON " + DATABASE + "." + table + " TO '" + LOGIN + "'@'127.0.0.1'");
        return table;
    }

    /** The feed, as an integration engineer adds it: one route file, the password by reference. */
    private void feed(String table, String lookBackSeconds, String... more) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("department", "scjg");
        parameters.put("mapping", "national-penalty");
        parameters.put("url", SERVER + DATABASE);
        parameters.put("username", LOGIN);
        parameters.put("password", "{{huiju.test.frontdb-password}}");
        parameters.put("table", table);
        parameters.put("lookBackSeconds", lookBackSeconds);
        parameters.put("delay", "500");
        for (int i = 0; i < more.length; i += 2) {
            parameters.put(more[i], more[i + 1]);
        }
        StringBuilder yaml = new StringBuilder(
                """
                - templatedRoute:
                    routeTemplateRef: frontdb-poll
                    routeId: frontdb-scjg-%s
                    parameters:
                """
                        .formatted(table));
        parameters.forEach((name, value) -> yaml.append("      - name: ")
                .append(name)
                .append("\n        value: \"")
                .append(value)
                .append("\"\n"));
        try {
            java.nio.file.Files.writeString(
                    home.resolve("routes/departments/frontdb-" + table + ".camel.yaml"), yaml.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Object> penalty(String documentNumber, Consumer<Map<String, Object>> change) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("CF_XDR_MC", "龙岩市新罗区恒达贸易有限公司");
        row.put("CF_XDR_LB", "法人及非法人组织");
        row.put("CF_XDR_SHXYM", PenaltyFile.COMPANY_CODE);
        row.put("CF_FRDB", "王建国");
        row.put("CF_WSH", documentNumber);
        row.put("CF_WFXW", "销售不合格产品");
        row.put("CF_SY", "销售不合格电线，货值2000元");
        row.put("CF_YJ", "《中华人民共和国产品质量法》第四十九条");
        row.put("CF_CFLB", "罚款");
        row.put("CF_NR", "罚款2000元");
        row.put("CF_NR_FK", new java.math.BigDecimal("0.2"));
        row.put("CF_JDRQ", java.sql.Date.valueOf("2024-03-05"));
        row.put("CF_GSJZQ", java.sql.Date.valueOf("2025-03-05"));
        row.put("CF_CFJG", PenaltyFile.AUTHORITY);
        row.put("CF_CFJGDM", PenaltyFile.AUTHORITY_CODE);
        change.accept(row);
        return row;
    }

    private static void insert(String table, long id, LocalDateTime at, Map<String, Object> row) {
        insertRaw(table, id, at, row);
    }

    private static void insertRaw(String table, long id, LocalDateTime at, Map<String, Object> row) {
        try (Connection c = DriverManager.getConnection(SERVER + DATABASE, ROOT, "")) {
            insert(c, table, id, at, row);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void insert(Connection c, String table, long id, LocalDateTime at, Map<String, Object> row)
            throws SQLException {
        List<String> names = new ArrayList<>(List.of("id", "update_time"));
        names.addAll(row.keySet());
        String sql = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.setTimestamp(2, Timestamp.valueOf(at));
            int i = 3;
            for (Object value : row.values()) {
                ps.setObject(i++, value);
            }
            ps.executeUpdate();
        }
    }

    private static void update(String table, long id, LocalDateTime at, String column, Object value) {
        try (Connection c = DriverManager.getConnection(SERVER + DATABASE, ROOT, "");
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE " + table + " SET update_time = ?, " + column + " = ? WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.valueOf(at));
            ps.setObject(2, value);
            ps.setLong(3, id);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The newest finished payload of this feed received since then. */
    private Receipt awaitPayload(String table, long since) {
        String id = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> jdbc
                                .queryForList(
                                        "SELECT payload_id FROM payload WHERE channel = 'FRONTDB' AND file_name LIKE ?"
                                                + " AND status <> 'RECEIVED' AND received_at >= ?"
                                                + " ORDER BY received_at DESC",
                                        String.class,
                                        table + "-%",
                                        new Timestamp(since))
                                .stream()
                                .findFirst()
                                .orElse(null),
                        Objects::nonNull);
        return payloads.find(id).orElseThrow();
    }

    private int payloadsOf(String table) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM payload WHERE channel = 'FRONTDB' AND file_name LIKE ?",
                Integer.class,
                table + "-%");
    }

    private String watermarkKey(String table) {
        return jdbc
                .queryForList("SELECT last_key FROM frontdb_watermark WHERE feed = ?", String.class, "scjg/" + table)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private int countLike(String prefix) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM legal_person_record WHERE document_number LIKE ?", Integer.class, prefix + "%");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> feedHealth(String table) {
        HealthIndicator indicator = (HealthIndicator) health.getContributor("frontDb");
        Object detail = indicator.health().getDetails().get("scjg/" + table);
        return detail == null ? Map.of() : (Map<String, Object>) detail;
    }

    private int failures(String table) {
        Object n = feedHealth(table).get("failures");
        return n == null ? 0 : (Integer) n;
    }

    private static void awaitFeedback(String key) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !feedback(key).isEmpty());
    }

    /** The department's view: status:code:payload of each outcome the hub wrote back for this row. */
    private static List<String> feedback(String key) {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(SERVER + DATABASE, ROOT, "");
                PreparedStatement ps = c.prepareStatement(
                        "SELECT status, code, payload_id FROM huiju_feedback WHERE source_key = ? ORDER BY created_at, payload_id")) {
            ps.setString(1, key);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static long frontDb(String sql, String... args) {
        try (Connection c = DriverManager.getConnection(SERVER + DATABASE, ROOT, "");
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String prefix() {
        return "岩市监罚〔2024〕" + UUID.randomUUID().toString().substring(0, 6) + "-";
    }

    private static LocalDateTime now() {
        return LocalDateTime.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void root(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER, ROOT, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB at " + SERVER + " is needed by this suite: " + e.getMessage(), e);
        }
    }
}
