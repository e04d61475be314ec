package io.huiju.hub.console.monitor;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What the dashboard reads from the store, aggregated in SQL both stores accept (H2 and PostgreSQL): {@code CAST(… AS
 * DATE)} takes a timestamp's day in the hub's time zone, {@code LIMIT ?} and {@code UNION ALL} are common to both.
 * Duplicate payloads (the same bytes again) are left out of every count: they add nothing.
 */
@Repository
class MonitorQueries {

    /** Codes of violations that mean a required value was missing (the completeness rate). */
    static final List<String> MISSING_VALUE_CODES = List.of("REQUIRED", "FINE_REQUIRED");

    record PayloadDay(
            String department,
            LocalDate day,
            int payloads,
            long received,
            long stored,
            long unchanged,
            long rejected,
            long conflicts) {}

    record DepartmentDayCount(String department, LocalDate day, long count) {}

    record DecisionLag(String department, LocalDate received, LocalDate decided, long count) {}

    record CategoryDay(LocalDate day, String category, long count) {}

    record CodeCount(String code, long count) {}

    private final JdbcTemplate jdbc;

    MonitorQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest processed payload (status DONE) of each department that ever reported. */
    Map<String, Instant> lastReports() {
        return LatestTimes.of(
                jdbc,
                "SELECT department AS k, MAX(received_at) AS last_at FROM payload WHERE status = 'DONE'"
                        + " GROUP BY department");
    }

    /** The newest processed payload of one department, null if it never reported. */
    Instant lastReport(String department) {
        Timestamp last = jdbc.queryForObject(
                "SELECT MAX(received_at) FROM payload WHERE department = ? AND status = 'DONE'",
                Timestamp.class,
                department);
        return last == null ? null : last.toInstant();
    }

    List<PayloadDay> payloadDays(Instant since) {
        return jdbc.query(
                """
                SELECT department, CAST(received_at AS DATE) AS on_day, COUNT(*) AS payloads, SUM(received) AS received,
                       SUM(stored) AS stored, SUM(unchanged) AS unchanged, SUM(rejected) AS rejected,
                       SUM(conflicts) AS conflicts
                FROM payload
                WHERE received_at >= ? AND status <> 'DUPLICATE'
                GROUP BY department, CAST(received_at AS DATE)""",
                (rs, i) -> new PayloadDay(
                        rs.getString("department"),
                        rs.getObject("on_day", LocalDate.class),
                        rs.getInt("payloads"),
                        rs.getLong("received"),
                        rs.getLong("stored"),
                        rs.getLong("unchanged"),
                        rs.getLong("rejected"),
                        rs.getLong("conflicts")),
                Timestamp.from(since));
    }

    /** Rows rejected for a missing required value, by department and day received (a row counts once). */
    List<DepartmentDayCount> rowsMissingValues(Instant since) {
        return jdbc.query(
                """
                SELECT p.department, CAST(p.received_at AS DATE) AS on_day, COUNT(*) AS n
                FROM (SELECT DISTINCT payload_id, line FROM reject WHERE severity = 'ERROR' AND code IN (?, ?)) r
                JOIN payload p ON p.payload_id = r.payload_id
                WHERE p.received_at >= ? AND p.status <> 'DUPLICATE'
                GROUP BY p.department, CAST(p.received_at AS DATE)""",
                (rs, i) -> new DepartmentDayCount(
                        rs.getString("department"), rs.getObject("on_day", LocalDate.class), rs.getLong("n")),
                MISSING_VALUE_CODES.get(0),
                MISSING_VALUE_CODES.get(1),
                Timestamp.from(since));
    }

    /**
     * Records in both libraries whose current version came with a payload of the window, by decision date and the
     * day that payload arrived: few groups, however many records.
     */
    List<DecisionLag> decisionLags(Instant since) {
        String library =
                """
                SELECT p.department, CAST(p.received_at AS DATE) AS received_day, r.decision_date, COUNT(*) AS n
                FROM %s r JOIN payload p ON p.payload_id = r.payload_id
                WHERE p.received_at >= ? AND r.decision_date IS NOT NULL
                GROUP BY p.department, CAST(p.received_at AS DATE), r.decision_date""";
        return jdbc.query(
                library.formatted("legal_person_record") + "\nUNION ALL\n" + library.formatted("natural_person_record"),
                (rs, i) -> new DecisionLag(
                        rs.getString("department"),
                        rs.getObject("received_day", LocalDate.class),
                        rs.getObject("decision_date", LocalDate.class),
                        rs.getLong("n")),
                Timestamp.from(since),
                Timestamp.from(since));
    }

    /** Current record versions by the day they were written and their category (LICENSE, PENALTY, …). */
    List<CategoryDay> recordsPerDay(Instant since) {
        String library =
                "SELECT CAST(updated_at AS DATE) AS on_day, category, COUNT(*) AS n FROM %s WHERE updated_at >= ?"
                        + " GROUP BY CAST(updated_at AS DATE), category";
        return jdbc.query(
                library.formatted("legal_person_record") + "\nUNION ALL\n" + library.formatted("natural_person_record"),
                (rs, i) -> new CategoryDay(
                        rs.getObject("on_day", LocalDate.class), rs.getString("category"), rs.getLong("n")),
                Timestamp.from(since),
                Timestamp.from(since));
    }

    /** The most frequent violation codes of rejected rows (errors only) in the window. */
    List<CodeCount> rejectReasons(Instant since, int limit) {
        return jdbc.query(
                """
                SELECT r.code, COUNT(*) AS n
                FROM reject r JOIN payload p ON p.payload_id = r.payload_id
                WHERE p.received_at >= ? AND r.severity = 'ERROR'
                GROUP BY r.code
                ORDER BY COUNT(*) DESC, r.code
                LIMIT ?""",
                (rs, i) -> new CodeCount(rs.getString("code"), rs.getLong("n")),
                Timestamp.from(since),
                limit);
    }

    /** Conflicts still waiting for an operator, by the department whose record could not be stored. */
    Map<String, Long> openConflicts() {
        Map<String, Long> open = new HashMap<>();
        jdbc.query(
                "SELECT incoming_department, COUNT(*) AS n FROM conflict WHERE status = 'OPEN'"
                        + " GROUP BY incoming_department",
                rs -> {
                    open.put(rs.getString("incoming_department"), rs.getLong("n"));
                });
        return open;
    }
}
