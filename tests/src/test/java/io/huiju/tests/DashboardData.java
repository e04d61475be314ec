package io.huiju.tests;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The two departments of the dashboard tests and what they reported: scjg (daily) reports during the test, zf
 * (weekly) reported 40 days ago, so it is 32 days overdue (40 − 7 − 1 day of grace).
 */
final class DashboardData {

    static final String ZF_NAME = "龙岩市城市管理综合执法局";
    static final String ZF_MAIL = "zf-credit@example.gov.cn";

    private DashboardData() {}

    /** The whole department list (a list is taken from one property source only), with e-mail addresses. */
    static void departments(DynamicPropertyRegistry registry) {
        registry.add("huiju.departments[0].code", () -> "scjg");
        registry.add("huiju.departments[0].name", () -> "龙岩市市场监督管理局");
        registry.add("huiju.departments[0].region-code", () -> "350800");
        registry.add("huiju.departments[0].frequency", () -> "DAILY");
        registry.add("huiju.departments[0].email", () -> "scjg-credit@example.gov.cn");
        registry.add("huiju.departments[1].code", () -> "zf");
        registry.add("huiju.departments[1].name", () -> ZF_NAME);
        registry.add("huiju.departments[1].region-code", () -> "350800");
        registry.add("huiju.departments[1].frequency", () -> "P7D");
        registry.add("huiju.departments[1].email", () -> ZF_MAIL);
    }

    /**
     * Four rows, one per rate: completeness 3/4 (one name missing), validity 2/4 (that row and a wrong check digit),
     * timeliness 1/2 (of the two stored, one decided today, one in 2024), consistency 2/2.
     */
    static byte[] scjgFile() {
        return new PenaltyFile()
                .company(1, r -> {
                    r.put("处罚决定日期", LocalDate.now().toString());
                    r.put("公示截止期", LocalDate.now().plusYears(1).toString());
                })
                .company(2)
                .company(3, r -> r.put("行政相对人名称", ""))
                .company(4, r -> r.put("统一社会信用代码", "91350802MA2XY3K1XJ"))
                .utf8();
    }

    /**
     * zf's payload of 40 days ago, written into the payload table as the file-drop route writes it: a department
     * cannot be made to have reported in the past any other way. Microseconds, as both stores keep a timestamp.
     */
    static Instant zfReportedLongAgo(JdbcTemplate jdbc) {
        Instant at = Instant.now().minus(Duration.ofDays(40)).truncatedTo(ChronoUnit.MICROS);
        jdbc.update(
                "INSERT INTO payload (payload_id, department, channel, file_name, sha256, size_bytes, archive_path,"
                        + " status, received_at, completed_at) VALUES ('dashboard-zf-old', 'zf', 'FILE', 'old.csv', ?,"
                        + " 0, 'archive/zf/old.csv', 'DONE', ?, ?)",
                "0".repeat(64),
                Timestamp.from(at),
                Timestamp.from(at));
        return at;
    }
}
