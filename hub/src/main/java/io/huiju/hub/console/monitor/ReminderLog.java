package io.huiju.hub.console.monitor;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Every reminder attempt, one row per channel, in {@code reminder_log}; the dashboard lists the latest. */
@Repository
class ReminderLog {

    record Entry(
            Instant at,
            String department,
            String channel,
            String recipient,
            String outcome,
            String detail,
            String triggeredBy) {}

    private final JdbcTemplate jdbc;

    ReminderLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void record(Entry e) {
        jdbc.update(
                "INSERT INTO reminder_log (at, department, channel, recipient, outcome, detail, triggered_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(e.at()),
                e.department(),
                e.channel(),
                cut(e.recipient(), 320),
                e.outcome(),
                cut(e.detail(), 1000),
                cut(e.triggeredBy(), 100));
    }

    List<Entry> latest(int limit) {
        return jdbc.query(
                "SELECT * FROM reminder_log ORDER BY at DESC, id DESC LIMIT ?",
                (rs, i) -> new Entry(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("department"),
                        rs.getString("channel"),
                        rs.getString("recipient"),
                        rs.getString("outcome"),
                        rs.getString("detail"),
                        rs.getString("triggered_by")),
                limit);
    }

    /** When each department was last reminded through any channel that reached it (outcome SENT). */
    Map<String, Instant> lastSent() {
        return LatestTimes.of(
                jdbc,
                "SELECT department AS k, MAX(at) AS last_at FROM reminder_log WHERE outcome = 'SENT' GROUP BY department");
    }

    /**
     * When each channel last dealt with each department for good, keyed {@code department/channel}: SENT, or SKIPPED
     * (nothing to send to: trying again changes nothing until the configuration does). FAILED is not in it.
     */
    Map<String, Instant> lastSettled() {
        return LatestTimes.of(
                jdbc,
                "SELECT department || '/' || channel AS k, MAX(at) AS last_at FROM reminder_log"
                        + " WHERE outcome IN ('SENT', 'SKIPPED') GROUP BY department, channel");
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
