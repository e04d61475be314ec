package io.huiju.tests;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The hub on its first-run defaults: an H2 file database and the embedded Artemis broker. */
class H2HubIT extends HubBehaviour {

    static final String HOME = TestHome.create("h2").toString();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("huiju.home", () -> HOME);
        registry.add("huiju.mappings", () -> TestHome.REPO.resolve("mappings").toString());
    }
}
