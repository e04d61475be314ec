package io.huiju.hub.store;

import io.huiju.model.CreditRecord;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The outbound topic's transactional outbox: {@link CreditLibraryStore} adds every version it writes in the batch's
 * transaction, the outbox-relay route publishes them in order and marks each one published. Publishing is therefore
 * at least once (a crash between send and mark sends that version again; consumers recognise it by record id and
 * version). Off, and nothing written, when no Kafka brokers are configured. Published versions are kept for a
 * retention period (an operator can still see what went out, and when), then purged by the outbox-purge route.
 */
@Repository("outbox")
public class Outbox {

    /** One version waiting to be published. */
    public record Entry(long id, String recordId, String version, String subjectCode, String body) {}

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final JdbcTemplate jdbc;
    private final boolean enabled;
    private final Duration retention;

    Outbox(
            JdbcTemplate jdbc,
            @Value("${huiju.kafka.brokers:}") String brokers,
            @Value("${huiju.kafka.outbound.retention:7d}") Duration retention) {
        this.jdbc = jdbc;
        this.enabled = !brokers.isBlank();
        this.retention = retention;
    }

    void add(List<CreditRecord> versions, Function<CreditRecord, String> bodies) {
        if (!enabled || versions.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate(
                "INSERT INTO outbox (record_id, version, subject_code, body, created_at) VALUES (?, ?, ?, ?, ?)",
                versions,
                versions.size(),
                (ps, r) -> {
                    ps.setString(1, r.identity().recordId());
                    ps.setInt(2, r.identity().version());
                    ps.setString(3, r.subject().code());
                    ps.setString(4, bodies.apply(r));
                    ps.setTimestamp(5, now);
                });
    }

    /**
     * The oldest unpublished versions, in the order they were stored. Ordered by (published_at, id), the index's
     * order, which is the order of id here (published_at is null in every row): ordered by id alone, PostgreSQL walked
     * the primary key past every published row first, a scan that grew with the outbox (4 s per round at 100,000).
     */
    public List<Entry> pending(int limit) {
        return jdbc.query(
                "SELECT id, record_id, version, subject_code, body FROM outbox WHERE published_at IS NULL"
                        + " ORDER BY published_at, id FETCH FIRST " + limit + " ROWS ONLY",
                (rs, i) -> new Entry(
                        rs.getLong("id"),
                        rs.getString("record_id"),
                        String.valueOf(rs.getInt("version")),
                        rs.getString("subject_code"),
                        rs.getString("body")));
    }

    public void published(List<Long> ids) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("UPDATE outbox SET published_at = ? WHERE id = ?", ids, ids.size(), (ps, id) -> {
            ps.setTimestamp(1, now);
            ps.setLong(2, id);
        });
    }

    /** Deletes the versions published longer ago than the retention; unpublished ones stay whatever their age. */
    public int purge() {
        int purged = jdbc.update(
                "DELETE FROM outbox WHERE published_at < ?",
                Timestamp.from(Instant.now().minus(retention)));
        if (purged > 0) {
            LOG.info("Outbox: {} versions published more than {} ago purged", purged, retention);
        }
        return purged;
    }
}
