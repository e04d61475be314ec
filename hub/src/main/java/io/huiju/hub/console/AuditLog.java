package io.huiju.hub.console;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Who did what in the console, when, on which payload: one row per action in {@code audit_log}. */
@Component
public class AuditLog {

    /** What was done; the names are what the audit_log.action column holds. */
    public enum Action {
        LOGIN,
        LOGIN_FAILED,
        LOGOUT,
        UPLOAD,
        ENTRY,
        VIEW_PAYLOAD,
        DOWNLOAD_FEEDBACK,
        DENIED,
        /** an operator reminded a department to report (催报) by hand ({@code detail}: the department, outcomes) */
        REMIND,
        /** an operator resolved a conflict, keeping one side ({@code detail}: the conflict, the side, the reason) */
        RESOLVE_CONFLICT
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String username, String department, Action action, String payloadId, String detail) {
        jdbc.update(
                "INSERT INTO audit_log (at, username, department, action, payload_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()),
                cut(username, 100),
                department,
                action.name(),
                cut(payloadId, 40),
                cut(detail, 1000));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
