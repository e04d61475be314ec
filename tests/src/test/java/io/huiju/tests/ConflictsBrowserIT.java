package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiju.hub.store.Receipt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An operator resolves a conflict in a real browser (tests/browser/conflicts.mjs), and the console's English: the
 * script checks what the pages show (the differing field marked, the conflict closed, the menus); this test makes the
 * conflict and checks the library and the audit log. Screenshots in target/console-conflicts*.png.
 */
class ConflictsBrowserIT extends HubTest {

    static final String HOME = TestHome.create("conflicts-browser").toString();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("huiju.home", () -> HOME);
        registry.add("huiju.mappings", () -> TestHome.REPO.resolve("mappings").toString());
        registry.add("huiju.console.upload.max-size", () -> "1MB");
    }

    @LocalServerPort
    int port;

    @BeforeAll
    static void browserInstalled() throws Exception {
        BrowserScripts.installed();
    }

    @Test
    void anOperatorResolvesAConflictSeeingTheDifferenceAndTheConsoleSpeaksEnglish() throws Exception {
        PenaltyFile mine = new PenaltyFile().company(1);
        drop("scjg", "mine.csv", mine.utf8());
        Receipt theirs = drop(
                "zf",
                "theirs.csv",
                mine.sameNumbers().company(1, r -> r.put("罚款金额（万元）", "5")).utf8());
        long id = jdbc.queryForObject(
                "SELECT id FROM conflict WHERE incoming_payload_id = ?", Long.class, theirs.payloadId());
        Path big = Files.write(
                Path.of("target/console-too-large.csv").toAbsolutePath(),
                ("a".repeat(1023) + "\n").repeat(1536).getBytes(StandardCharsets.UTF_8));
        String smallName = "double-click-" + System.nanoTime() + ".csv";
        Path small = Files.write(
                Path.of("target", smallName).toAbsolutePath(),
                new PenaltyFile().company(1).utf8());

        int exit = BrowserScripts.run(
                List.of("node", "conflicts.mjs"),
                Map.of(
                        "CONSOLE_URL", "http://127.0.0.1:" + port + "/console",
                        "OPERATOR", "platform-wang:platform-console-3",
                        "DEPARTMENT_USER", "zf-li:zf-console-2",
                        "CONFLICT_ID", String.valueOf(id),
                        "INCOMING_PAYLOAD", theirs.payloadId(),
                        "BIG_FILE", big.toString(),
                        "SMALL_FILE", small.toString(),
                        "CHROMIUM", BrowserScripts.CHROMIUM.toString(),
                        "OUT_DIR", Path.of("target").toAbsolutePath().toString()),
                "conflicts-browser");

        String log = Files.readString(Path.of("target/conflicts-browser.log"));
        assertThat(exit).as("tests/browser/conflicts.mjs: %s", log).isZero();
        assertThat(jdbc.queryForMap(
                        "SELECT status, resolution, resolution_reason, resolved_by FROM conflict WHERE id = ?", id))
                .containsEntry("status", "RESOLVED")
                .containsEntry("resolution", "KEEP_INCOMING")
                .containsEntry("resolution_reason", "执法局的罚款金额以决定书原件为准 <img src=x onerror=\"window.__xss=1\">")
                .containsEntry("resolved_by", "platform-wang");
        assertThat(library("legal_person_record", mine.documentNumber(1)))
                .containsEntry("version", 2)
                .containsEntry("department", "zf");
        assertThat(jdbc.queryForList(
                        "SELECT username FROM audit_log WHERE action = 'RESOLVE_CONFLICT' AND payload_id = ?",
                        String.class,
                        theirs.payloadId()))
                .containsExactly("platform-wang");
        assertThat(jdbc.queryForList(
                        "SELECT detail FROM audit_log WHERE username = 'zf-li' AND action = 'DENIED'", String.class))
                .anyMatch(d -> d.startsWith("GET /console/conflicts.html"));
        assertThat(Path.of("target/console-conflicts.png")).isNotEmptyFile();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM payload WHERE file_name = 'console-too-large.csv'", Integer.class))
                .as("the oversized file never reached the hub")
                .isZero();
        assertThat(jdbc.queryForList("SELECT payload_id FROM payload WHERE file_name = ?", String.class, smallName))
                .as("a double click is one payload")
                .containsExactly(log.lines()
                        .filter(l -> l.startsWith("UPLOADED "))
                        .map(l -> l.substring(9).trim())
                        .findFirst()
                        .orElseThrow());
    }
}
