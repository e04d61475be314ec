package io.huiju.tests;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Conflict resolution on the production store, the PostgreSQL at 127.0.0.1:5432, in a database of its own that the
 * suite creates and drops: two resolutions at once meet on the conflict row's lock there.
 */
@ActiveProfiles("postgres")
class ConflictsPostgresIT extends ConflictsBehaviour {

    static final String DATABASE =
            "huiju_conflicts_" + UUID.randomUUID().toString().substring(0, 8);
    static final String HOME = TestHome.create("conflicts-postgres").toString();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        PostgresHubIT.execute("CREATE DATABASE " + DATABASE);
        registry.add("huiju.home", () -> HOME);
        registry.add("spring.datasource.url", () -> PostgresHubIT.SERVER.replaceFirst("/[^/]*$", "/" + DATABASE));
        registry.add("spring.datasource.username", () -> PostgresHubIT.USER);
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void dropDatabase() {
        // FORCE: the cached Spring context still holds pooled connections to it.
        PostgresHubIT.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }
}
