package io.huiju.hub.console.conflict;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the conflict table and writes an operator's decision into it; the libraries are the store's business. */
@Repository
public class ConflictStore {

    private static final String COLUMNS = "id, natural_key, record_id, library, current_version, current_department,"
            + " incoming_department, incoming_payload_id, incoming_line, incoming_body, status, created_at,"
            + " resolution, resolution_reason, resolved_by, resolved_at, resolved_version";

    private final JdbcTemplate jdbc;

    ConflictStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Conflict> open(int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM conflict WHERE status = 'OPEN' ORDER BY created_at, id LIMIT ?",
                ConflictStore::conflict,
                limit);
    }

    List<Conflict> resolved(int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM conflict WHERE status = 'RESOLVED' ORDER BY resolved_at DESC, id DESC"
                        + " LIMIT ?",
                ConflictStore::conflict,
                limit);
    }

    Optional<Conflict> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM conflict WHERE id = ?", ConflictStore::conflict, id).stream()
                .findFirst();
    }

    /** The conflicts a payload's rows became, in line order: what its department may know of them. */
    public List<Conflict> ofPayload(String payloadId) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM conflict WHERE incoming_payload_id = ? ORDER BY incoming_line, id",
                ConflictStore::conflict,
                payloadId);
    }

    /**
     * Closes an open conflict with the decision. False when it was no longer open: the condition on the status makes
     * a second resolution (a double submit, two operators at once) change nothing, because the second UPDATE waits for
     * the first one's row lock and then finds the status RESOLVED.
     */
    boolean close(long id, Side side, String reason, String by, Instant at) {
        return jdbc.update(
                        "UPDATE conflict SET status = 'RESOLVED', resolution = ?, resolution_reason = ?,"
                                + " resolved_by = ?, resolved_at = ? WHERE id = ? AND status = 'OPEN'",
                        side.name(),
                        reason,
                        by,
                        Timestamp.from(at),
                        id)
                == 1;
    }

    void wroteVersion(long id, int version) {
        jdbc.update("UPDATE conflict SET resolved_version = ? WHERE id = ?", version, id);
    }

    private static Conflict conflict(ResultSet rs, int row) throws SQLException {
        Timestamp resolvedAt = rs.getTimestamp("resolved_at");
        int version = rs.getInt("resolved_version");
        boolean noVersion = rs.wasNull();
        return new Conflict(
                rs.getLong("id"),
                rs.getString("natural_key"),
                rs.getString("record_id"),
                rs.getString("library"),
                rs.getInt("current_version"),
                rs.getString("current_department"),
                rs.getString("incoming_department"),
                rs.getString("incoming_payload_id"),
                rs.getLong("incoming_line"),
                rs.getString("incoming_body"),
                rs.getString("status"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("resolution"),
                rs.getString("resolution_reason"),
                rs.getString("resolved_by"),
                resolvedAt == null ? null : resolvedAt.toInstant(),
                noVersion ? null : version);
    }
}
