package io.huiju.tests;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Conflict resolution and the console's bad input on the first-run store, an H2 file database. */
class ConflictsIT extends ConflictsBehaviour {

    static final String HOME = TestHome.create("conflicts").toString();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("huiju.home", () -> HOME);
    }
}
