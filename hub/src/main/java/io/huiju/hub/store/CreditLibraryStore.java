package io.huiju.hub.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huiju.hub.sync.SyncOutbox;
import io.huiju.model.CreditRecord;
import io.huiju.model.Library;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The two credit libraries. Each batch is compared with what is stored by natural key, in one round trip per library:
 * the same content is left alone, changed content from the same department becomes a new version (the version it
 * replaces moves to history), and changed content from another department is kept as a conflict for review instead
 * of overwriting. The current table holds the latest version of each record, the history table every earlier one, so
 * a new record is written once.
 * Must run inside a transaction; a concurrent writer of the same key makes it throw, and the caller retries.
 */
@Repository
public class CreditLibraryStore {

    /** What one batch did to the libraries: new versions written, rows that changed nothing, conflicts. */
    public record Outcome(int stored, int unchanged, int conflicts) {}

    /** What the batch did with one of its rows. */
    public enum RowOutcome {
        STORED,
        UNCHANGED,
        CONFLICT
    }

    private record Current(String recordId, int version, String contentHash, String department) {}

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ObjectMapper json;
    /** Every version written here is also published to the outbound topic, through the outbox. */
    private final Outbox outbox;
    /** ...and to the other hub (city up, province down), through the sync outbox. */
    private final SyncOutbox syncOutbox;
    /** PostgreSQL's bulk path for new rows, or null on other stores. */
    private final PostgresCopy copy;

    CreditLibraryStore(JdbcTemplate jdbc, ObjectMapper json, Outbox outbox, SyncOutbox syncOutbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.syncOutbox = syncOutbox;
        this.copy = PostgresCopy.supports(jdbc.getDataSource()) ? new PostgresCopy(jdbc.getDataSource()) : null;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        // Absent fields are left out rather than written as null: the body is most of what a library stores.
        this.json = json.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    public Outcome store(List<CreditRecord> records) {
        return store(records, false, (r, outcome) -> {});
    }

    /** Stores the batch and tells each row's outcome to {@code each}, in the batch's order within a library. */
    public Outcome store(List<CreditRecord> records, BiConsumer<CreditRecord, RowOutcome> each) {
        return store(records, false, each);
    }

    /**
     * Stores versions an operator chose over the department that owns the record (the incoming side of a conflict):
     * decided and written exactly as {@link #store} does, history and outboxes included, except that another
     * department's content becomes the new version instead of a conflict.
     */
    public Outcome storeChosen(List<CreditRecord> records) {
        return store(records, true, (r, outcome) -> {});
    }

    private Outcome store(List<CreditRecord> records, boolean chosen, BiConsumer<CreditRecord, RowOutcome> each) {
        Map<Library, List<CreditRecord>> byLibrary = new EnumMap<>(Library.class);
        for (CreditRecord r : records) {
            byLibrary.computeIfAbsent(r.library(), l -> new ArrayList<>()).add(r);
        }
        Outcome total = new Outcome(0, 0, 0);
        for (Map.Entry<Library, List<CreditRecord>> e : byLibrary.entrySet()) {
            Outcome o = storeInto(e.getKey(), e.getValue(), chosen, each);
            total = new Outcome(
                    total.stored() + o.stored(), total.unchanged() + o.unchanged(), total.conflicts() + o.conflicts());
        }
        return total;
    }

    private Outcome storeInto(
            Library library, List<CreditRecord> records, boolean chosen, BiConsumer<CreditRecord, RowOutcome> each) {
        String table = table(library);
        Map<String, Current> stored = loadCurrent(table, records);
        Set<String> knownConflicts = loadConflicts(records);
        // Rows are decided in file order against a running view, so a key corrected twice in one file versions twice.
        Map<String, Pending> pending = new LinkedHashMap<>();
        List<CreditRecord> supersededInBatch = new ArrayList<>();
        List<CreditRecord> conflicts = new ArrayList<>();
        Map<CreditRecord, Current> conflictWith = new IdentityHashMap<>();
        int versions = 0;
        int unchanged = 0;
        int conflicted = 0;
        for (CreditRecord r : records) {
            String key = r.identity().naturalKey();
            Pending p = pending.get(key);
            Current now = p != null ? p.now() : stored.get(key);
            String department = r.provenance().department();
            if (now != null && now.contentHash().equals(r.identity().contentHash())) {
                unchanged++;
                each.accept(r, RowOutcome.UNCHANGED);
            } else if (now != null && !now.department().equals(department) && !chosen) {
                conflicted++;
                each.accept(r, RowOutcome.CONFLICT);
                if (knownConflicts.add(key + "|" + r.identity().contentHash())) {
                    conflicts.add(r);
                    conflictWith.put(r, now);
                }
            } else {
                CreditRecord next = r.withVersion(now == null ? 1 : now.version() + 1);
                if (p != null) {
                    supersededInBatch.add(p.latest());
                }
                Current before = p != null ? p.before() : now;
                pending.put(key, new Pending(before, next));
                versions++;
                each.accept(r, RowOutcome.STORED);
            }
        }
        List<Pending> inserts =
                pending.values().stream().filter(p -> p.before() == null).toList();
        List<Pending> updates =
                pending.values().stream().filter(p -> p.before() != null).toList();
        List<CreditRecord> toWrite = new ArrayList<>(pending.size() + supersededInBatch.size() + conflicts.size());
        pending.values().forEach(p -> toWrite.add(p.latest()));
        toWrite.addAll(supersededInBatch);
        toWrite.addAll(conflicts);
        // Serialising is most of the store's own work and needs nothing but the record: both cores share it.
        List<byte[]> json = toWrite.parallelStream().map(this::toJson).toList();
        Map<CreditRecord, byte[]> bodies = new IdentityHashMap<>(toWrite.size() * 2);
        for (int i = 0; i < toWrite.size(); i++) {
            bodies.put(toWrite.get(i), json.get(i));
        }
        moveToHistory(table, updates);
        updateCurrent(table, updates, bodies);
        insertCurrent(table, inserts.stream().map(Pending::latest).toList(), bodies);
        insertHistory(table + "_history", supersededInBatch, bodies);
        insertConflicts(library, conflicts, conflictWith, bodies);
        List<CreditRecord> written = new ArrayList<>(supersededInBatch);
        pending.values().forEach(p -> written.add(p.latest()));
        outbox.add(written, r -> text(bodies.get(r)));
        syncOutbox.add(written, r -> text(bodies.get(r)));
        return new Outcome(versions, unchanged, conflicted);
    }

    /** A key this batch writes: what was stored before the batch (null: new key) and its latest version. */
    private record Pending(Current before, CreditRecord latest) {
        Current now() {
            return new Current(
                    latest.identity().recordId(),
                    latest.identity().version(),
                    latest.identity().contentHash(),
                    latest.provenance().department());
        }
    }

    private Map<String, Current> loadCurrent(String table, List<CreditRecord> records) {
        Map<String, Current> current = new HashMap<>();
        named.query(
                "SELECT natural_key, record_id, version, content_hash, department FROM " + table
                        + " WHERE natural_key IN (:keys)",
                Map.of("keys", keys(records)),
                rs -> {
                    current.put(
                            rs.getString(1),
                            new Current(rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5)));
                });
        return current;
    }

    private Set<String> loadConflicts(List<CreditRecord> records) {
        Set<String> known = new HashSet<>();
        named.query(
                "SELECT natural_key, incoming_hash FROM conflict WHERE natural_key IN (:keys)",
                Map.of("keys", keys(records)),
                rs -> {
                    known.add(rs.getString(1) + "|" + rs.getString(2));
                });
        return known;
    }

    private static Set<String> keys(List<CreditRecord> records) {
        Set<String> keys = new LinkedHashSet<>();
        records.forEach(r -> keys.add(r.identity().naturalKey()));
        return keys;
    }

    private static final List<String> CURRENT_COLUMNS = List.of(
            "record_id",
            "natural_key",
            "category",
            "version",
            "content_hash",
            "subject_kind",
            "subject_name",
            "subject_code",
            "document_number",
            "authority_code",
            "decision_date",
            "department",
            "region_code",
            "payload_id",
            "line",
            "updated_at",
            "body");

    private void insertCurrent(String table, List<CreditRecord> rows, Map<CreditRecord, byte[]> bodies) {
        if (rows.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (copy != null) {
            // COPY takes the body as the UTF-8 bytes Jackson wrote
            copy.insert(
                    table,
                    CURRENT_COLUMNS,
                    rows.stream().map(r -> currentRow(r, bodies.get(r), now)).toList());
            return;
        }
        List<Object[]> values =
                rows.stream().map(r -> currentRow(r, text(bodies.get(r)), now)).toList();
        jdbc.batchUpdate(
                "INSERT INTO " + table + " (" + String.join(", ", CURRENT_COLUMNS) + ") VALUES ("
                        + "?, ".repeat(CURRENT_COLUMNS.size() - 1) + "?)",
                values);
    }

    private static Object[] currentRow(CreditRecord r, Object body, OffsetDateTime now) {
        return new Object[] {
            r.identity().recordId(),
            r.identity().naturalKey(),
            r.category().name(),
            r.identity().version(),
            r.identity().contentHash(),
            r.subject().kind().name(),
            r.subject().name(),
            r.subject().code(),
            r.decision().documentNumber(),
            r.decision().authorityCode(),
            r.decision().date(),
            r.provenance().department(),
            r.provenance().regionCode(),
            r.provenance().payloadId(),
            r.provenance().line(),
            now,
            body
        };
    }

    /** The stored version a batch supersedes is kept: copied into history before the current row changes. */
    private void moveToHistory(String table, List<Pending> updates) {
        if (updates.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "INSERT INTO " + table + "_history (record_id, version, content_hash, department, payload_id, line,"
                        + " recorded_at, body) SELECT record_id, version, content_hash, department, payload_id, line,"
                        + " updated_at, body FROM " + table + " WHERE record_id = ? AND version = ?",
                updates,
                updates.size(),
                (ps, p) -> {
                    ps.setString(1, p.before().recordId());
                    ps.setInt(2, p.before().version());
                });
    }

    private void updateCurrent(String table, List<Pending> updates, Map<CreditRecord, byte[]> bodies) {
        if (updates.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        int[][] counts = jdbc.batchUpdate(
                "UPDATE " + table + " SET version = ?, content_hash = ?, subject_name = ?, decision_date = ?,"
                        + " department = ?, region_code = ?, payload_id = ?, line = ?, updated_at = ?, body = ?"
                        + " WHERE record_id = ? AND version = ?",
                updates,
                updates.size(),
                (ps, p) -> {
                    CreditRecord r = p.latest();
                    ps.setInt(1, r.identity().version());
                    ps.setString(2, r.identity().contentHash());
                    ps.setString(3, r.subject().name());
                    ps.setDate(
                            4,
                            r.decision().date() == null
                                    ? null
                                    : Date.valueOf(r.decision().date()));
                    ps.setString(5, r.provenance().department());
                    ps.setString(6, r.provenance().regionCode());
                    ps.setString(7, r.provenance().payloadId());
                    ps.setLong(8, r.provenance().line());
                    ps.setTimestamp(9, now);
                    ps.setString(10, text(bodies.get(r)));
                    ps.setString(11, p.before().recordId());
                    ps.setInt(12, p.before().version());
                });
        for (int[] batch : counts) {
            for (int c : batch) {
                // 0 rows: another writer moved the version on since we read it; the caller retries the batch.
                if (c == 0) {
                    throw new OptimisticLockingFailureException("a record changed while this batch was stored");
                }
            }
        }
    }

    private void insertHistory(String table, List<CreditRecord> rows, Map<CreditRecord, byte[]> bodies) {
        if (rows.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate(
                "INSERT INTO " + table + " (record_id, version, content_hash, department, payload_id, line,"
                        + " recorded_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
                rows.size(),
                (ps, r) -> {
                    ps.setString(1, r.identity().recordId());
                    ps.setInt(2, r.identity().version());
                    ps.setString(3, r.identity().contentHash());
                    ps.setString(4, r.provenance().department());
                    ps.setString(5, r.provenance().payloadId());
                    ps.setLong(6, r.provenance().line());
                    ps.setTimestamp(7, now);
                    ps.setString(8, text(bodies.get(r)));
                });
    }

    private void insertConflicts(
            Library library,
            List<CreditRecord> rows,
            Map<CreditRecord, Current> with,
            Map<CreditRecord, byte[]> bodies) {
        if (rows.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate(
                "INSERT INTO conflict (natural_key, record_id, library, current_version, current_department,"
                        + " incoming_department, incoming_payload_id, incoming_line, incoming_hash, incoming_body,"
                        + " status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)",
                rows,
                rows.size(),
                (ps, r) -> {
                    Current c = with.get(r);
                    ps.setString(1, r.identity().naturalKey());
                    ps.setString(2, c.recordId());
                    ps.setString(3, library.name());
                    ps.setInt(4, c.version());
                    ps.setString(5, c.department());
                    ps.setString(6, r.provenance().department());
                    ps.setString(7, r.provenance().payloadId());
                    ps.setLong(8, r.provenance().line());
                    ps.setString(9, r.identity().contentHash());
                    ps.setString(10, text(bodies.get(r)));
                    ps.setTimestamp(11, now);
                });
    }

    public static String table(Library library) {
        return switch (library) {
            case LEGAL_PERSON -> "legal_person_record";
            case NATURAL_PERSON -> "natural_person_record";
        };
    }

    /** The body as UTF-8 bytes: Jackson writes them directly, and COPY sends them as they are. */
    private byte[] toJson(CreditRecord r) {
        try {
            return json.writeValueAsBytes(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("canonical record not serialisable: " + r.identity(), e);
        }
    }

    private static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
