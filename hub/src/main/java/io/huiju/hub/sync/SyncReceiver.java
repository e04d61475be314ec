package io.huiju.hub.sync;

import io.huiju.hub.store.CreditLibraryStore;
import io.huiju.model.Channel;
import io.huiju.model.CreditRecord;
import io.huiju.model.Provenance;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Header;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores one version received from the other hub, in one database transaction, before the JMS transaction that
 * delivered it commits. A version already received from that origin — or an older one, overtaken by a redelivery —
 * changes nothing and counts as UNCHANGED, so redelivery is harmless. The province keeps the city's provenance as it
 * was; a city marks what the province returned as {@link Channel#PROVINCE}, which its sync outbox never reports up.
 */
@Component("syncReceiver")
public class SyncReceiver {

    private final SyncProperties sync;
    private final SyncMessages messages;
    private final CreditLibraryStore libraries;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    SyncReceiver(
            SyncProperties sync,
            SyncMessages messages,
            CreditLibraryStore libraries,
            JdbcTemplate jdbc,
            TransactionTemplate transaction) {
        this.sync = sync;
        this.messages = messages;
        this.libraries = libraries;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Returns what the version did here: STORED, UNCHANGED or CONFLICT. */
    public String receive(
            String body, @Header("HuijuOrigin") String origin, @Header("HuijuSchemaVersion") String schemaVersion) {
        if (!SyncMessages.SCHEMA_VERSION.equals(schemaVersion)) {
            throw new SyncMessageRejected("schema version " + schemaVersion + " unknown (this hub reads "
                    + SyncMessages.SCHEMA_VERSION + ")");
        }
        if (origin == null || origin.isBlank()) {
            throw new SyncMessageRejected("no origin region code (HuijuOrigin)");
        }
        if (sync.getRole() == SyncProperties.Role.PROVINCE && !sync.getCities().contains(origin)) {
            throw new SyncMessageRejected(
                    "region " + origin + " is not a city this province serves " + sync.getCities());
        }
        CreditRecord received = messages.read(body);
        CreditRecord record = sync.getRole() == SyncProperties.Role.CITY ? returnedByProvince(received) : received;
        return transaction.execute(status -> store(origin, record));
    }

    private String store(String origin, CreditRecord r) {
        Integer newest = jdbc.queryForObject(
                "SELECT MAX(version) FROM sync_received WHERE origin = ? AND record_id = ?",
                Integer.class,
                origin,
                r.identity().recordId());
        if (newest != null && newest >= r.identity().version()) {
            return "UNCHANGED";
        }
        CreditLibraryStore.Outcome outcome = libraries.store(List.of(r));
        String result = outcome.stored() > 0 ? "STORED" : outcome.conflicts() > 0 ? "CONFLICT" : "UNCHANGED";
        jdbc.update(
                "INSERT INTO sync_received (origin, record_id, version, outcome, received_at) VALUES (?, ?, ?, ?, ?)",
                origin,
                r.identity().recordId(),
                r.identity().version(),
                result,
                Timestamp.from(Instant.now()));
        return result;
    }

    private static CreditRecord returnedByProvince(CreditRecord r) {
        Provenance p = r.provenance();
        Provenance returned = new Provenance(
                p.department(), p.regionCode(), Channel.PROVINCE, p.payloadId(), p.line(), p.receivedAt());
        return new CreditRecord(r.identity(), r.category(), r.subject(), r.decision(), r.details(), returned);
    }
}
