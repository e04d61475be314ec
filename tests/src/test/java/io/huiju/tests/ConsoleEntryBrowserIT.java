package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiju.hub.store.Receipt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 新增记录 as a department user works in it, in a real browser (tests/browser/entry.mjs): a wrong credit code shown
 * on its field, fixed, submitted with a double click, its receipt. The script checks what the page shows; this test
 * checks the library, the payload and the audit log. Screenshots in target/console-entry*.png.
 */
class ConsoleEntryBrowserIT extends HubTest {

    static final String HOME = TestHome.create("console-entry-browser").toString();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("huiju.home", () -> HOME);
        registry.add("huiju.mappings", () -> TestHome.REPO.resolve("mappings").toString());
    }

    @LocalServerPort
    int port;

    @BeforeAll
    static void browserInstalled() throws Exception {
        BrowserScripts.installed();
    }

    @Test
    void aDepartmentUserEntersAPenaltySeesTheWrongCodeOnItsFieldFixesItAndSubmitsOnce() throws Exception {
        String documentNumber = "岩市监罚〔2024〕录" + UUID.randomUUID().toString().substring(0, 8);
        Receipt rejected = drop(
                "scjg",
                "entry-browser-rejected.csv",
                new PenaltyFile()
                        .company(1, row -> row.put("统一社会信用代码", ConsoleEntryIT.WRONG_CHECK))
                        .utf8());
        long line = jdbc.queryForObject(
                "SELECT MIN(line) FROM reject WHERE payload_id = ?", Long.class, rejected.payloadId());

        int exit = BrowserScripts.run(
                List.of("node", "entry.mjs"),
                Map.of(
                        "CONSOLE_URL",
                        "http://127.0.0.1:" + port + "/console",
                        "DEPARTMENT_USER",
                        "scjg-zhang:scjg-console-1",
                        "DOCUMENT_NUMBER",
                        documentNumber,
                        "GOOD_USCC",
                        PenaltyFile.COMPANY_CODE,
                        "WRONG_USCC",
                        ConsoleEntryIT.WRONG_CHECK,
                        "CORRECTION",
                        "from=" + rejected.payloadId() + "&row=" + line,
                        "CHROMIUM",
                        BrowserScripts.CHROMIUM.toString(),
                        "OUT_DIR",
                        Path.of("target").toAbsolutePath().toString()),
                "console-entry-browser");

        String log = Files.readString(Path.of("target/console-entry-browser.log"));
        assertThat(exit).as("tests/browser/entry.mjs: %s", log).isZero();
        String payloadId = log.lines()
                .filter(l -> l.startsWith("PAYLOAD "))
                .map(l -> l.substring(8).trim())
                .findFirst()
                .orElseThrow();
        Receipt receipt = payloads.find(payloadId).orElseThrow();
        assertThat(receipt.department()).isEqualTo("scjg");
        assertThat(receipt.channel()).isEqualTo("WEB");
        assertThat(receipt.status()).isEqualTo("DONE");
        assertThat(receipt.stored()).isEqualTo(1);

        assertThat(count("legal_person_record", documentNumber))
                .as("stored once, double click and all")
                .isEqualTo(1);
        Map<String, Object> record = library("legal_person_record", documentNumber);
        assertThat(record.get("payload_id")).isEqualTo(payloadId);
        assertThat(record.get("subject_code")).isEqualTo(PenaltyFile.COMPANY_CODE);
        assertThat((String) record.get("body"))
                .as("script typed in a field is kept as text")
                .contains("<img src=x onerror=");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM payload WHERE department = 'scjg' AND file_name LIKE 'entry-penalty-%'",
                        Integer.class))
                .as("one payload from the form")
                .isEqualTo(1);
        assertThat(jdbc.queryForList(
                        "SELECT action FROM audit_log WHERE username = 'scjg-zhang' AND payload_id = ?",
                        String.class,
                        payloadId))
                .containsExactly("ENTRY");
        assertThat(Path.of("target/console-entry.png")).isNotEmptyFile();
        assertThat(Path.of("target/console-entry-receipt.png")).isNotEmptyFile();
    }
}
