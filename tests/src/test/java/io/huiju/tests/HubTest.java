package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huiju.adapter.file.SafeFileNames;
import io.huiju.hub.HuijuApplication;
import io.huiju.hub.store.PayloadStore;
import io.huiju.hub.store.Receipt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * A whole hub in a Spring test context, with helpers that act as a department would (drop a file into its inbox) and
 * read back what an operator would look at (receipts, libraries, rejects). Subclasses choose the store.
 */
@SpringBootTest(
        classes = HuijuApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "huiju.route-scan-interval=500ms",
            "huiju.departments[0].code=scjg",
            "huiju.departments[0].name=龙岩市市场监督管理局",
            "huiju.departments[0].uscc=11350800MB0281236E",
            "huiju.departments[0].region-code=350800",
            // bcrypt of "scjg-drop-1" (test only): the drop-box and upload API login
            "huiju.departments[0].password-hash=$2a$10$5GYTb0iTPVysdt9hxXiomuU6/obMRa6j4b4l.E5ZCTbMj4/W66jWK",
            "huiju.departments[0].mapping=national-penalty",
            "huiju.departments[1].code=zf",
            "huiju.departments[1].name=龙岩市城市管理综合执法局",
            "huiju.departments[1].uscc=11350800003614534G",
            "huiju.departments[1].region-code=350800",
            // bcrypt of "zf-drop-2" (test only)
            "huiju.departments[1].password-hash=$2a$10$RO1Fr902L4WuTbjcLWwy1O2M7a6wxw0zqQeq9C3CV1U.bMmww8ANa",
            "huiju.departments[2].code=nomap",
            "huiju.departments[2].name=映射缺失的部门",
            "huiju.departments[2].region-code=350800",
            "huiju.operators[0].username=ops",
            // bcrypt of "ops-secret-1" (test only)
            "huiju.operators[0].password-hash=$2a$10$YlR0xjALyqgGEpO7xj55xum927Q5rdTDTm989PnZlXp.ubc.OJ/ga",
            "huiju.operators[0].roles=operator",
            "huiju.operators[1].username=watcher",
            // bcrypt of "view-secret-1" (test only): sees Hawtio, changes nothing
            "huiju.operators[1].password-hash=$2a$10$TKRbQPXt19.bFdDt3N17muKTH1sGvuHs5zDKUmMhQIaT6PIpqX7Ci",
            "huiju.operators[1].roles=viewer",
            // web console accounts (test only): a submitter of each department and a platform operator
            "huiju.console.users[0].username=scjg-zhang",
            // bcrypt of "scjg-console-1"
            "huiju.console.users[0].password-hash=$2a$10$ZsOCxkBsSRivWN8y0bSw9Olgy/a2hkbjxdEDuXDmyweh86sMtqMBa",
            "huiju.console.users[0].department=scjg",
            "huiju.console.users[0].roles=submitter",
            "huiju.console.users[1].username=zf-li",
            // bcrypt of "zf-console-2"
            "huiju.console.users[1].password-hash=$2a$10$p54o.buuk4/A1ldev4fgnOaa47QDYhDsc3sKS5WjpTfI4diVjWrCi",
            "huiju.console.users[1].department=zf",
            "huiju.console.users[1].roles=submitter,approver",
            "huiju.console.users[2].username=platform-wang",
            // bcrypt of "platform-console-3"
            "huiju.console.users[2].password-hash=$2a$10$cwdRPcs53Y8ug0.c65Zlz.ukwIJpwi9LT4RrJZxydpZX4jlomtTEW",
            "huiju.console.users[2].roles=operator",
            // the drop-box servers on free ports, so test contexts (and other builds) never collide
            "huiju.dropbox.ftp.port=0",
            "huiju.dropbox.ftp.passive-ports=0",
            "huiju.dropbox.sftp.port=0",
        })
abstract class HubTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PayloadStore payloads;

    @Autowired
    JmsTemplate jms;

    @Value("${huiju.home}")
    Path home;

    // ---------------------------------------------------------------- helpers

    /** Moves a file into the department's inbox the way a careful sender does, and waits for its receipt. */
    Receipt drop(String department, String name, byte[] bytes) throws IOException {
        Path staging = Files.createDirectories(home.resolve("staging")).resolve(System.nanoTime() + ".tmp");
        Files.write(staging, bytes);
        Path inbox = Files.createDirectories(home.resolve("inbox").resolve(department));
        long before = System.currentTimeMillis();
        Files.move(staging, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        return awaitReceipt(department, name, before);
    }

    /** Waits until the payload of that name, received since then, is finished, and returns its receipt. */
    Receipt awaitReceipt(String department, String name, long since) {
        String id = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> finishedPayload(department, SafeFileNames.of(name), since), Objects::nonNull);
        return payloads.find(id).orElseThrow();
    }

    private String finishedPayload(String department, String fileName, long since) {
        List<String> ids = jdbc.queryForList(
                "SELECT payload_id FROM payload WHERE department = ? AND file_name = ? AND status <> 'RECEIVED'"
                        + " AND received_at >= ? ORDER BY received_at DESC",
                String.class,
                department,
                fileName,
                new Timestamp(since));
        return ids.isEmpty() ? null : ids.get(0);
    }

    Map<String, Object> library(String table, String documentNumber) {
        return jdbc.queryForMap("SELECT * FROM " + table + " WHERE document_number = ?", documentNumber);
    }

    int count(String table, String documentNumber) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM " + table + " WHERE document_number = ?", Integer.class, documentNumber);
    }

    List<String> rejectCodes(Receipt receipt) {
        return jdbc
                .queryForList("SELECT line, code FROM reject WHERE payload_id = ? ORDER BY line", receipt.payloadId())
                .stream()
                .map(r -> r.get("line") + ":" + r.get("code"))
                .toList();
    }

    void assertRejected(Receipt receipt, String code) throws IOException {
        assertThat(receipt.status()).isEqualTo("REJECTED");
        assertThat(receipt.errorCode()).isEqualTo(code);
        assertThat(Path.of(receipt.archivePath())).exists();
        assertThat(Files.readString(Path.of(receipt.feedbackPath()), StandardCharsets.UTF_8))
                .contains(code)
                .contains(receipt.error());
    }

    static boolean findUnder(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.anyMatch(p -> p.getFileName().toString().endsWith(suffix));
        }
    }

    static byte[] concat(byte[]... parts) {
        int size = 0;
        for (byte[] p : parts) {
            size += p.length;
        }
        byte[] all = new byte[size];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
