package io.huiju.hub.frontdb;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How far the hub has read each feed, in the hub's own store (V3__frontdb_watermark.sql). The watermark and the rows
 * taken inside the look-back window move together, in one transaction, and only after the payload holding those rows
 * is stored: a crash before that re-reads them, and the store recognises what it already holds.
 */
@Repository
class FrontDbWatermarks {

    /** A row as the channel tracks it: the exchange table's key and its update timestamp. */
    record Taken(String key, LocalDateTime timestamp) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    FrontDbWatermarks(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    Optional<LocalDateTime> watermark(String feed) {
        List<Timestamp> found =
                jdbc.queryForList("SELECT last_ts FROM frontdb_watermark WHERE feed = ?", Timestamp.class, feed);
        return found.stream().findFirst().map(Timestamp::toLocalDateTime);
    }

    /** The rows taken with a timestamp at or after {@code from}: the ones a poll reading from there must skip. */
    Set<Taken> takenSince(String feed, LocalDateTime from) {
        return new HashSet<>(jdbc.query(
                "SELECT source_key, row_ts FROM frontdb_taken WHERE feed = ? AND row_ts >= ?",
                (rs, i) -> new Taken(rs.getString(1), rs.getTimestamp(2).toLocalDateTime()),
                feed,
                Timestamp.valueOf(from)));
    }

    /** Records a stored batch: its rows taken, the watermark on the newest, and forgets rows out of the window. */
    void advance(String feed, List<Taken> rows, String payloadId, java.time.Duration lookBack) {
        Taken newest = rows.stream()
                .max(java.util.Comparator.comparing(Taken::timestamp))
                .orElseThrow();
        tx.executeWithoutResult(status -> {
            LocalDateTime mark =
                    watermark(feed).filter(w -> w.isAfter(newest.timestamp())).orElse(newest.timestamp());
            Timestamp now = Timestamp.from(Instant.now());
            int updated = jdbc.update(
                    "UPDATE frontdb_watermark SET last_ts = ?, last_key = ?, payload_id = ?, updated_at = ? WHERE feed = ?",
                    Timestamp.valueOf(mark),
                    newest.key(),
                    payloadId,
                    now,
                    feed);
            if (updated == 0) {
                jdbc.update(
                        "INSERT INTO frontdb_watermark (feed, last_ts, last_key, payload_id, updated_at)"
                                + " VALUES (?, ?, ?, ?, ?)",
                        feed,
                        Timestamp.valueOf(mark),
                        newest.key(),
                        payloadId,
                        now);
            }
            // distinct: a key that is not unique in the table (a feed keyed on a non-primary column) can repeat
            jdbc.batchUpdate(
                    "INSERT INTO frontdb_taken (feed, source_key, row_ts) VALUES (?, ?, ?)",
                    rows.stream().distinct().toList(),
                    500,
                    (ps, r) -> {
                        ps.setString(1, feed);
                        ps.setString(2, r.key());
                        ps.setTimestamp(3, Timestamp.valueOf(r.timestamp()));
                    });
            jdbc.update(
                    "DELETE FROM frontdb_taken WHERE feed = ? AND row_ts < ?",
                    feed,
                    Timestamp.valueOf(mark.minus(lookBack)));
        });
    }
}
