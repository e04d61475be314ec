package io.huiju.tests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub on its production store: the PostgreSQL server on 127.0.0.1:5432, in a database of its own that the suite
 * creates and drops. It never skips: a missing server fails the suite, and .ci/run makes sure one is running.
 */
@ActiveProfiles("postgres")
class PostgresHubIT extends HubBehaviour {

    static final String SERVER = System.getProperty("huiju.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String USER = System.getProperty("huiju.it.pg.user", "postgres");
    static final String DATABASE = "huiju_it_" + UUID.randomUUID().toString().substring(0, 8);

    static final String HOME = TestHome.create("postgres").toString();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        execute("CREATE DATABASE " + DATABASE);
        registry.add("huiju.home", () -> HOME);
        registry.add("huiju.mappings", () -> TestHome.REPO.resolve("mappings").toString());
        registry.add("spring.datasource.url", () -> SERVER.replaceFirst("/[^/]*$", "/" + DATABASE));
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void dropDatabase() {
        // FORCE: the cached Spring context still holds pooled connections to it.
        execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(SERVER, USER, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL at " + SERVER + " is needed by this suite: " + e.getMessage(), e);
        }
    }
}
