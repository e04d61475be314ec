package io.huiju.hub.console.monitor;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** The "newest time per department (and channel)" the dashboard and the reminders ask the store for. */
final class LatestTimes {

    private LatestTimes() {}

    /** Runs a query answering columns {@code k} (the key) and {@code last_at} (a timestamp), one row per key. */
    static Map<String, Instant> of(JdbcTemplate jdbc, String sql) {
        Map<String, Instant> latest = new HashMap<>();
        jdbc.query(sql, rs -> {
            latest.put(rs.getString("k"), rs.getTimestamp("last_at").toInstant());
        });
        return latest;
    }
}
