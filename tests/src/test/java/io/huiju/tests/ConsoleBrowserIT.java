package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiju.hub.store.Receipt;
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
 * The web console as a department user works in it, in a real browser (tests/browser/console.mjs): login, upload of a
 * workbook filled in LibreOffice, its receipt, its rejected rows, script in a file's text shown as text, and another
 * department's payload refused. The script
 * checks what the pages show; this test checks the store and the audit log. Screenshots in target/console-*.png.
 */
class ConsoleBrowserIT extends HubTest {

    static final String HOME = TestHome.create("console-browser").toString();
    static final Path WORKBOOK = Path.of("src/test/resources/workbooks/penalty-template-filled-libreoffice.xlsx")
            .toAbsolutePath();

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
    void aDepartmentUserUploadsAWorkbookSeesItsReceiptAndRejectsButNotAnotherDepartmentsPayload() throws Exception {
        Receipt other =
                drop("zf", "zf-penalties.csv", new PenaltyFile().company(1).utf8());
        Path script = Path.of("target/console-script.csv").toAbsolutePath();
        Files.write(
                script,
                new PenaltyFile()
                        .company(1, row -> row.put("统一社会信用代码", "<img src=x onerror=\"window.__xss=1\">"))
                        .utf8());

        int exit = BrowserScripts.run(
                List.of("node", "console.mjs"),
                Map.of(
                        "CONSOLE_URL", "http://127.0.0.1:" + port + "/console",
                        "DEPARTMENT_USER", "scjg-zhang:scjg-console-1",
                        "WORKBOOK", WORKBOOK.toString(),
                        "OTHER_PAYLOAD", other.payloadId(),
                        "SCRIPT_FILE", script.toString(),
                        "CHROMIUM", BrowserScripts.CHROMIUM.toString(),
                        "OUT_DIR", Path.of("target").toAbsolutePath().toString()),
                "console-browser");

        String log = Files.readString(Path.of("target/console-browser.log"));
        assertThat(exit).as("tests/browser/console.mjs: %s", log).isZero();
        String uploaded = log.lines()
                .filter(l -> l.startsWith("PAYLOAD "))
                .map(l -> l.substring(8).trim())
                .findFirst()
                .orElseThrow();
        Receipt receipt = payloads.find(uploaded).orElseThrow();
        assertThat(receipt.department()).isEqualTo("scjg");
        assertThat(receipt.channel()).isEqualTo("WEB");
        assertThat(receipt.fileName()).isEqualTo("penalty-template-filled-libreoffice.xlsx");
        assertThat(receipt.status()).isEqualTo("DONE");
        assertThat(receipt.stored()).isEqualTo(3);
        assertThat(receipt.rejected()).isEqualTo(1);
        assertThat(jdbc.queryForList(
                        "SELECT action FROM audit_log WHERE username = 'scjg-zhang' AND payload_id = ? ORDER BY id",
                        String.class,
                        uploaded))
                .contains("UPLOAD", "VIEW_PAYLOAD");
        assertThat(jdbc.queryForList(
                        "SELECT action FROM audit_log WHERE username = 'scjg-zhang' AND payload_id = ?",
                        String.class,
                        other.payloadId()))
                .containsExactly("DENIED");
        assertThat(jdbc.queryForList(
                        "SELECT action FROM audit_log WHERE username = 'scjg-zhang' AND payload_id IS NULL",
                        String.class))
                .contains("LOGIN", "LOGOUT");
        assertThat(Path.of("target/console-upload-receipt.png")).isNotEmptyFile();
        assertThat(Path.of("target/console-payload.png")).isNotEmptyFile();
    }
}
