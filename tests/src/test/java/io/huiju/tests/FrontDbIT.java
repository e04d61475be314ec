package io.huiju.tests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The front-end database channel with the real MariaDB server on 127.0.0.1:3306 as the department's database (the
 * same for MySQL): a database and a login of the suite's own, dropped afterwards. It never skips: a missing server
 * fails the suite, and .ci/run makes sure one is running.
 */
class FrontDbIT extends FrontDbBehaviour {

    static final String SERVER = System.getProperty("huiju.it.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");
    static final String ROOT = System.getProperty("huiju.it.mariadb.user", "root");
    static final String RANDOM = UUID.randomUUID().toString().substring(0, 8);
    static final String DATABASE = "huiju_frontdb_it_" + RANDOM;
    static final String LOGIN = "huiju_fdb_" + RANDOM;
    static final String PASSWORD = "fdb-" + RANDOM;
    static final String HOME = TestHome.create("frontdb").toString();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        root("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4");
        root("CREATE USER '" + LOGIN + "'@'127.0.0.1' IDENTIFIED BY '" + PASSWORD + "'");
        root(feedbackTableDdl("TIMESTAMP").replace("TABLE huiju_feedback", "TABLE " + DATABASE + ".huiju_feedback"));
        root("CREATE INDEX huiju_feedback_key ON " + DATABASE + ".huiju_feedback (source_key)");
        root("CREATE INDEX huiju_feedback_payload ON " + DATABASE + ".huiju_feedback (payload_id)");
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

    @Override
    String feedUrl(int port) {
        return SERVER.replaceFirst(":\\d+/", ":" + port + "/") + DATABASE;
    }

    @Override
    int port() {
        return Integer.parseInt(SERVER.replaceFirst(".*:(\\d+)/.*", "$1"));
    }

    @Override
    String login() {
        return LOGIN;
    }

    @Override
    String timestampType() {
        return "DATETIME(6)";
    }

    @Override
    Connection department() throws SQLException {
        return DriverManager.getConnection(SERVER + DATABASE, ROOT, "");
    }

    @Override
    void grant(String privileges, String table) {
        root("GRANT " + privileges + " ON " + DATABASE + "." + table + " TO '" + LOGIN + "'@'127.0.0.1'");
    }

    @Override
    void revoke(String privileges, String table) {
        root("REVOKE " + privileges + " ON " + DATABASE + "." + table + " FROM '" + LOGIN + "'@'127.0.0.1'");
    }

    @Override
    void allowCreating(String table) {
        grant("CREATE, SELECT, INSERT", table);
    }

    @Override
    AutoCloseable lock(String table) throws SQLException {
        Connection c = department();
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLES " + table + " WRITE");
        }
        return () -> {
            try (c;
                    Statement s = c.createStatement()) {
                s.execute("UNLOCK TABLES");
            }
        };
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
