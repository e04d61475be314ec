package io.huiju.hub.console.monitor;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reminders as notices in the console ({@code console_notice}): the department's users see them as a banner on every
 * page until the department reports again (a processed payload after the notice).
 */
@Component
// first: it is local and cannot wait on a slow mail server
@Order(1)
class ConsoleNotices implements Notifier {

    private static final int SHOWN = 3;

    record Notice(Instant createdAt, String subject, String body) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ConsoleNotices(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return "CONSOLE";
    }

    @Override
    public Delivery send(Reminder reminder) {
        jdbc.update(
                "INSERT INTO console_notice (department, created_at, subject, body) VALUES (?, ?, ?, ?)",
                reminder.department(),
                Timestamp.from(clock.instant()),
                reminder.subject(),
                reminder.body());
        return Delivery.sent("console users of " + reminder.department());
    }

    /** The newest notices of a department issued after its last report (null: never reported). */
    List<Notice> open(String department, Instant lastReport) {
        return jdbc.query(
                "SELECT created_at, subject, body FROM console_notice WHERE department = ? AND created_at > ?"
                        + " ORDER BY created_at DESC, id DESC LIMIT ?",
                (rs, i) -> new Notice(
                        rs.getTimestamp("created_at").toInstant(), rs.getString("subject"), rs.getString("body")),
                department,
                Timestamp.from(lastReport == null ? Instant.EPOCH : lastReport),
                SHOWN);
    }
}
