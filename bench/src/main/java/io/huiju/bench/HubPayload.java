package io.huiju.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The hub's own account of the bench file: its row in {@code payload}, read the way an operator would. */
record HubPayload(
        String status,
        long received,
        long stored,
        long unchanged,
        long rejected,
        long conflicts,
        Instant receivedAt,
        Instant completedAt) {

    private static final String QUERY = "SELECT status, received, stored, unchanged, rejected, conflicts, received_at,"
            + " completed_at FROM payload WHERE department = 'bench' ORDER BY received_at DESC LIMIT 1";
    private static final String UNDEFINED_TABLE = "42P01";

    boolean finished() {
        return "DONE".equals(status) || "FAILED".equals(status);
    }

    /** completed_at − received_at, the hub's own measure of the payload. */
    Optional<Duration> hubMeasured() {
        return receivedAt == null || completedAt == null
                ? Optional.empty()
                : Optional.of(Duration.between(receivedAt, completedAt));
    }

    /** Empty until the hub has registered the file (or created its schema). */
    static Optional<HubPayload> read(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(QUERY);
                ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new HubPayload(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getLong(6),
                    instant(rs.getTimestamp(7)),
                    instant(rs.getTimestamp(8))));
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
