package io.huiju.hub.store;

import io.huiju.model.Violation;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Violations of rejected rows (and warnings of accepted ones), for the department's feedback and the console. */
@Repository
public class RejectStore {

    /** One violation on one row of a payload. */
    public record Line(long line, Violation violation) {}

    private final JdbcTemplate jdbc;

    RejectStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String payloadId, List<Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "INSERT INTO reject (payload_id, line, field, code, reason, severity) VALUES (?, ?, ?, ?, ?, ?)",
                lines,
                lines.size(),
                (ps, l) -> {
                    ps.setString(1, payloadId);
                    ps.setLong(2, l.line());
                    ps.setString(3, cut(l.violation().field(), 200));
                    ps.setString(4, l.violation().code());
                    ps.setString(5, cut(l.violation().reason(), 2000));
                    ps.setString(6, l.violation().severity().name());
                });
    }

    public List<Line> find(String payloadId) {
        return jdbc.query(
                "SELECT line, field, code, reason, severity FROM reject WHERE payload_id = ? ORDER BY line, id",
                (rs, i) -> new Line(
                        rs.getLong("line"),
                        new Violation(
                                rs.getString("field"),
                                rs.getString("code"),
                                rs.getString("reason"),
                                Violation.Severity.valueOf(rs.getString("severity")))),
                payloadId);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
