package io.huiju.hub.sync;

import io.huiju.model.Channel;
import io.huiju.model.CreditRecord;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The sync outbox: the library store adds every version it writes, in the batch's transaction, and this decides where
 * it must travel. A city reports every version up, except those the province returned (a record never loops back
 * up). The province returns a version to the city its subject concerns ({@link CityOfSubject}), unless that city is
 * where it came from. The sync-relay route sends the rows in order, a round at a time, and marks each round sent: at least once, with the
 * broker's duplicate detection and the receiver's version check taking out the repeats. Nothing is written when the
 * hub has no sync role.
 */
@Repository("syncOutbox")
public class SyncOutbox {

    /** One version waiting to be sent. */
    public record Entry(long id, String destination, String recordId, int version, String subjectCode, String body) {

        /** The broker's duplicate-detection id: the same version sent twice is dropped by the broker. */
        public String duplicateId() {
            return recordId + ":" + version;
        }
    }

    private record Row(String destination, CreditRecord record) {}

    private final NamedParameterJdbcTemplate jdbc;
    private final SyncProperties sync;
    private final CityOfSubject cityOf;

    SyncOutbox(NamedParameterJdbcTemplate jdbc, SyncProperties sync) {
        this.jdbc = jdbc;
        this.sync = sync;
        this.cityOf = new CityOfSubject(sync.getCities(), sync.getRules());
    }

    public void add(List<CreditRecord> versions, Function<CreditRecord, String> bodies) {
        if (sync.getRole() == SyncProperties.Role.NONE || versions.isEmpty()) {
            return;
        }
        List<Row> rows = new ArrayList<>();
        for (CreditRecord r : versions) {
            String destination = destination(r);
            if (destination != null) {
                rows.add(new Row(destination, r));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.getJdbcTemplate()
                .batchUpdate(
                        "INSERT INTO sync_outbox (destination, record_id, version, subject_code, body, created_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?)",
                        rows,
                        rows.size(),
                        (ps, row) -> {
                            CreditRecord r = row.record();
                            ps.setString(1, row.destination());
                            ps.setString(2, r.identity().recordId());
                            ps.setInt(3, r.identity().version());
                            ps.setString(4, r.subject().code());
                            ps.setString(5, bodies.apply(r));
                            ps.setTimestamp(6, now);
                        });
    }

    /** Where a stored version goes, or null when it stays here. */
    String destination(CreditRecord r) {
        if (sync.getRole() == SyncProperties.Role.CITY) {
            return r.provenance().channel() == Channel.PROVINCE ? null : sync.getUpAddress();
        }
        String from = cityOfRegion(r.provenance().regionCode());
        return cityOf.of(r.subject())
                .filter(city -> !city.equals(from))
                .map(sync::downAddress)
                .orElse(null);
    }

    private static String cityOfRegion(String region) {
        return region == null || region.length() < 4 ? null : region.substring(0, 4) + "00";
    }

    /** The oldest unsent versions, in the order they were stored. */
    public List<Entry> pending(int limit) {
        List<Entry> pending = jdbc.getJdbcTemplate()
                .query(
                        "SELECT id, destination, record_id, version, subject_code, body FROM sync_outbox WHERE sent_at IS NULL"
                                + " ORDER BY id FETCH FIRST " + limit + " ROWS ONLY",
                        (rs, i) -> new Entry(
                                rs.getLong("id"),
                                rs.getString("destination"),
                                rs.getString("record_id"),
                                rs.getInt("version"),
                                rs.getString("subject_code"),
                                rs.getString("body")));
        if (pending.isEmpty()) {
            // nothing waits: whatever failed before (the store, the broker) holds nothing back now
            lastFailure = null;
        }
        return pending;
    }

    /** Marks a round sent, in one statement (the ids of one round are a few hundred at most). */
    public void sent(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.update(
                "UPDATE sync_outbox SET sent_at = :now WHERE id IN (:ids)",
                Map.of("now", Timestamp.from(Instant.now()), "ids", ids));
        lastFailure = null;
    }

    /** What the relay's last look failed with, and since when it fails; null while it hands versions over. */
    public record Failure(String cause, Instant since) {}

    private volatile Failure lastFailure;

    /**
     * The relay could not hand versions to its broker (the broker away, or refusing this hub's login): kept for the
     * sync-link health, the earliest moment of the current run of failures with the latest cause.
     */
    public void failed(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String cause = root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
        Failure previous = lastFailure;
        lastFailure = new Failure(cause, previous == null ? Instant.now() : previous.since());
    }

    public Failure lastFailure() {
        return lastFailure;
    }
}
