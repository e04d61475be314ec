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
 * The front-end database channel with the real PostgreSQL server on 127.0.0.1:5432 as the department's database (the
 * same for Kingbase, which follows it): a database and a login of the suite's own, dropped afterwards. The hub's store
 * stays H2, so this is PostgreSQL on the department's side only. It never skips: .ci/run makes sure a server runs.
 */
class FrontDbPostgresIT extends FrontDbBehaviour {

    static final String SERVER = System.getProperty("huiju.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String SUPERUSER = System.getProperty("huiju.it.pg.user", "postgres");
    static final String RANDOM = UUID.randomUUID().toString().substring(0, 8);
    static final String DATABASE = "huiju_frontdb_it_" + RANDOM;
    static final String LOGIN = "huiju_fdb_" + RANDOM;
    static final String PASSWORD = "fdb-" + RANDOM;
    static final String HOME = TestHome.create("frontdb-postgres").toString();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        execute(SERVER, "CREATE DATABASE " + DATABASE);
        execute(SERVER, "CREATE USER " + LOGIN + " PASSWORD '" + PASSWORD + "'");
        execute(database(), feedbackTableDdl("TIMESTAMP"));
        execute(database(), "CREATE INDEX huiju_feedback_key ON huiju_feedback (source_key)");
        execute(database(), "CREATE INDEX huiju_feedback_payload ON huiju_feedback (payload_id)");
        execute(database(), "GRANT SELECT, INSERT ON huiju_feedback TO " + LOGIN);
        registry.add("huiju.home", () -> HOME);
        registry.add("huiju.mappings", () -> TestHome.REPO.resolve("mappings").toString());
        registry.add("huiju.test.frontdb-password", () -> PASSWORD);
        registry.add("huiju.batch-size", () -> "20");
    }

    @AfterAll
    static void dropDatabase() {
        // FORCE: the hub's feed pools may still hold connections to it
        execute(SERVER, "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        execute(SERVER, "DROP USER IF EXISTS " + LOGIN);
    }

    @Override
    String feedUrl(int port) {
        return database().replaceFirst(":\\d+/", ":" + port + "/");
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
        return "TIMESTAMP(6)";
    }

    @Override
    Connection department() throws SQLException {
        return DriverManager.getConnection(database(), SUPERUSER, "");
    }

    @Override
    void grant(String privileges, String table) {
        admin("GRANT " + privileges + " ON " + table + " TO " + LOGIN);
    }

    @Override
    void revoke(String privileges, String table) {
        admin("REVOKE " + privileges + " ON " + table + " FROM " + LOGIN);
    }

    @Override
    void allowCreating(String table) {
        // since PostgreSQL 15 only the owner may create in public; the table the login creates is then its own
        admin("GRANT CREATE ON SCHEMA public TO " + LOGIN);
    }

    @Override
    AutoCloseable lock(String table) throws SQLException {
        Connection c = department();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
        }
        return () -> {
            try (c) {
                c.rollback();
            }
        };
    }

    private static String database() {
        return SERVER.replaceFirst("/[^/]*$", "/" + DATABASE);
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, SUPERUSER, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at " + SERVER + " is needed by this suite: " + e.getMessage(), e);
        }
    }
}
