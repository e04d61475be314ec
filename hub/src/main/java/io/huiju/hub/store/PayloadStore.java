package io.huiju.hub.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The payload table: one row per inbound payload, from archiving to its final receipt. */
@Repository
public class PayloadStore {

    private final JdbcTemplate jdbc;

    PayloadStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(
            String payloadId,
            String department,
            String channel,
            String fileName,
            String sha256,
            long size,
            String archivePath,
            String mapping,
            String status,
            String duplicateOf,
            Instant receivedAt) {
        jdbc.update(
                """
                INSERT INTO payload (payload_id, department, channel, file_name, sha256, size_bytes, archive_path,
                                     mapping, status, duplicate_of, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                payloadId,
                department,
                channel,
                fileName,
                sha256,
                size,
                archivePath,
                mapping,
                status,
                duplicateOf,
                Timestamp.from(receivedAt));
    }

    /** The earlier payload of the same department with the same bytes that was fully processed, if any. */
    public Optional<String> findDone(String department, String sha256) {
        List<String> ids = jdbc.queryForList(
                "SELECT payload_id FROM payload WHERE department = ? AND sha256 = ? AND status = 'DONE'"
                        + " ORDER BY received_at",
                String.class,
                department,
                sha256);
        return ids.stream().findFirst();
    }

    public void add(String payloadId, Tally t) {
        jdbc.update(
                """
                UPDATE payload SET received = received + ?, stored = stored + ?, unchanged = unchanged + ?,
                                   rejected = rejected + ?, conflicts = conflicts + ?
                WHERE payload_id = ?""",
                t.received(),
                t.stored(),
                t.unchanged(),
                t.rejected(),
                t.conflicts(),
                payloadId);
    }

    public void setWarnings(String payloadId, String warnings) {
        jdbc.update("UPDATE payload SET warnings = ? WHERE payload_id = ?", truncate(warnings), payloadId);
    }

    public void finish(String payloadId, String status, String errorCode, String error) {
        finish(payloadId, status, errorCode, error, null);
    }

    /**
     * The payload's outcome, and where its feedback file is (null: as it was), in one statement: one commit fewer per
     * payload, which a one-record SOAP call waits for.
     */
    public void finish(String payloadId, String status, String errorCode, String error, String feedbackPath) {
        jdbc.update(
                "UPDATE payload SET status = ?, error_code = ?, error = ?, completed_at = ?,"
                        + " feedback_path = COALESCE(?, feedback_path) WHERE payload_id = ?",
                status,
                errorCode,
                truncate(error),
                Timestamp.from(Instant.now()),
                feedbackPath,
                payloadId);
    }

    public Optional<Receipt> find(String payloadId) {
        return jdbc.query("SELECT * FROM payload WHERE payload_id = ?", PayloadStore::receipt, payloadId).stream()
                .findFirst();
    }

    /** The newest payloads of a department (null: of every department), newest first. */
    public List<Receipt> latest(String department, int limit) {
        if (department == null) {
            return jdbc.query(
                    "SELECT * FROM payload ORDER BY received_at DESC, payload_id DESC LIMIT ?",
                    PayloadStore::receipt,
                    limit);
        }
        return jdbc.query(
                "SELECT * FROM payload WHERE department = ? ORDER BY received_at DESC, payload_id DESC" + " LIMIT ?",
                PayloadStore::receipt,
                department,
                limit);
    }

    private static Receipt receipt(ResultSet rs, int row) throws SQLException {
        Timestamp completed = rs.getTimestamp("completed_at");
        return new Receipt(
                rs.getString("payload_id"),
                rs.getString("department"),
                rs.getString("channel"),
                rs.getString("file_name"),
                rs.getString("sha256"),
                rs.getString("status"),
                rs.getString("duplicate_of"),
                rs.getInt("received"),
                rs.getInt("stored"),
                rs.getInt("unchanged"),
                rs.getInt("rejected"),
                rs.getInt("conflicts"),
                rs.getString("warnings"),
                rs.getString("error_code"),
                rs.getString("error"),
                rs.getString("archive_path"),
                rs.getString("feedback_path"),
                rs.getTimestamp("received_at").toInstant(),
                completed == null ? null : completed.toInstant());
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 4000 ? text : text.substring(0, 3990) + "…";
    }
}
