package io.huiju.tests;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The dashboard and the reminders on the first-run store, H2 (the behaviour is in {@link DashboardBehaviour}). */
class DashboardIT extends DashboardBehaviour {

    static final String HOME = TestHome.create("dashboard").toString();
    static final GreenMail MAIL = startMail();

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        registry.add("huiju.home", () -> HOME);
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @Override
    GreenMail mail() {
        return MAIL;
    }
}
