package io.huiju.tests;

import com.icegreen.greenmail.util.GreenMail;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard and the reminders on the production store: the PostgreSQL on 127.0.0.1:5432, in a database of its own
 * that the suite creates and drops (as {@link PostgresHubIT}).
 */
@ActiveProfiles("postgres")
class DashboardPostgresIT extends DashboardBehaviour {

    static final String DATABASE = "huiju_dash_" + UUID.randomUUID().toString().substring(0, 8);
    static final String HOME = TestHome.create("dashboard-postgres").toString();
    static final GreenMail MAIL = startMail();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        PostgresHubIT.execute("CREATE DATABASE " + DATABASE);
        registry.add("huiju.home", () -> HOME);
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("spring.datasource.url", () -> PostgresHubIT.SERVER.replaceFirst("/[^/]*$", "/" + DATABASE));
        registry.add("spring.datasource.username", () -> PostgresHubIT.USER);
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void dropDatabaseAndStopMail() {
        MAIL.stop();
        // FORCE: the cached Spring context still holds pooled connections to it.
        PostgresHubIT.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    @Override
    GreenMail mail() {
        return MAIL;
    }
}
