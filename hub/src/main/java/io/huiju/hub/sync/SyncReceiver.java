package io.huiju.hub.sync;

import io.huiju.hub.store.CreditLibraryStore;
import io.huiju.model.Channel;
import io.huiju.model.CreditRecord;
import io.huiju.model.Provenance;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores what the other hub sends, a batch of messages per database transaction, before the JMS transaction that
 * delivered them commits (the sync-receive route calls {@link #receiveBatch()} again and again). A version already
 * received from that origin — or an older one, overtaken by a redelivery — changes nothing, so redelivery is
 * harmless. The province keeps the city's provenance as it was; a city marks what the province returned as
 * {@link Channel#PROVINCE}, which its sync outbox never reports up.
 *
 * <p>A message no retry can store (unknown schema version, corrupt body, a city the province does not serve) goes to
 * huiju.DLQ with its reason in the batch's transaction. Anything else (the store down, a concurrent writer) rolls the
 * batch back; the broker redelivers it with back-off, and the next batch's worth of messages are then stored one per
 * transaction, so one message that keeps failing is dead-lettered by the broker alone, not with its neighbours.
 */
@Component("syncReceiver")
public class SyncReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(SyncReceiver.class);
    private static final Duration WAIT = Duration.ofSeconds(1);

    /** A message read and checked: who sent it, and the record to store. */
    private record Received(String origin, CreditRecord record) {
        String key() {
            return origin + "|" + record.identity().recordId();
        }
    }

    private final SyncProperties sync;
    private final SyncMessages messages;
    private final SyncInbox inbox;
    private final CreditLibraryStore libraries;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    /** After a failed batch: how many messages are still taken one per transaction. */
    private int oneByOne;

    SyncReceiver(
            SyncProperties sync,
            SyncMessages messages,
            SyncInbox inbox,
            CreditLibraryStore libraries,
            NamedParameterJdbcTemplate jdbc,
            TransactionTemplate transaction) {
        this.sync = sync;
        this.messages = messages;
        this.inbox = inbox;
        this.libraries = libraries;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Receives, stores and commits one batch; returns how many messages it took (0 when none came). */
    public int receiveBatch() throws JMSException, InterruptedException {
        List<Message> batch = inbox.next(oneByOne > 0 ? 1 : sync.getReceiveBatch(), WAIT);
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            List<Received> good = new ArrayList<>(batch.size());
            for (Message m : batch) {
                try {
                    good.add(read(m));
                } catch (SyncMessageRejected e) {
                    LOG.warn(
                            "Sync message {}:{} from {} dead-lettered: {}",
                            m.getStringProperty("HuijuRecordId"),
                            m.getStringProperty("HuijuVersion"),
                            m.getStringProperty(SyncMessages.ORIGIN_HEADER),
                            e.getMessage());
                    inbox.deadLetter(m, e.getMessage());
                }
            }
            transaction.executeWithoutResult(status -> store(good));
            inbox.commit();
            oneByOne = Math.max(0, oneByOne - 1);
            return batch.size();
        } catch (RuntimeException | JMSException e) {
            inbox.rollback();
            oneByOne = sync.getReceiveBatch();
            throw e;
        }
    }

    private Received read(Message m) throws JMSException {
        String schemaVersion = m.getStringProperty(SyncMessages.SCHEMA_VERSION_HEADER);
        String origin = m.getStringProperty(SyncMessages.ORIGIN_HEADER);
        if (!SyncMessages.SCHEMA_VERSION.equals(schemaVersion)) {
            throw new SyncMessageRejected("schema version " + schemaVersion + " unknown (this hub reads "
                    + SyncMessages.SCHEMA_VERSION + ")");
        }
        if (origin == null || origin.isBlank()) {
            throw new SyncMessageRejected("no origin region code (" + SyncMessages.ORIGIN_HEADER + ")");
        }
        if (sync.getRole() == SyncProperties.Role.PROVINCE && !sync.getCities().contains(origin)) {
            throw new SyncMessageRejected(
                    "region " + origin + " is not a city this province serves " + sync.getCities());
        }
        if (!(m instanceof TextMessage text)) {
            throw new SyncMessageRejected(
                    "corrupt body: not a text message but " + m.getClass().getSimpleName());
        }
        CreditRecord received = messages.read(text.getText());
        return new Received(
                origin, sync.getRole() == SyncProperties.Role.CITY ? returnedByProvince(received) : received);
    }

    private void store(List<Received> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Map<String, Integer> newest = newestReceived(batch);
        List<Received> fresh = new ArrayList<>(batch.size());
        for (Received r : batch) {
            int version = r.record().identity().version();
            Integer before = newest.get(r.key());
            if (before == null || before < version) {
                fresh.add(r);
                newest.put(r.key(), version);
            }
        }
        Map<CreditRecord, CreditLibraryStore.RowOutcome> outcomes = new IdentityHashMap<>();
        libraries.store(fresh.stream().map(Received::record).toList(), outcomes::put);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.getJdbcTemplate()
                .batchUpdate(
                        "INSERT INTO sync_received (origin, record_id, version, outcome, received_at)"
                                + " VALUES (?, ?, ?, ?, ?)",
                        fresh,
                        fresh.size(),
                        (ps, r) -> {
                            ps.setString(1, r.origin());
                            ps.setString(2, r.record().identity().recordId());
                            ps.setInt(3, r.record().identity().version());
                            ps.setString(4, outcomes.get(r.record()).name());
                            ps.setTimestamp(5, now);
                        });
    }

    /**
     * The newest version already received of each record in the batch, by origin and record id: one query per origin
     * in the batch (usually one), so it runs on the primary key's (origin, record_id) prefix, not over the table.
     */
    private Map<String, Integer> newestReceived(List<Received> batch) {
        Map<String, Integer> newest = new HashMap<>();
        Map<String, List<String>> idsByOrigin = batch.stream()
                .collect(Collectors.groupingBy(
                        Received::origin,
                        Collectors.mapping(r -> r.record().identity().recordId(), Collectors.toList())));
        idsByOrigin.forEach((origin, ids) -> jdbc.query(
                "SELECT record_id, MAX(version) FROM sync_received WHERE origin = :origin AND record_id IN (:ids)"
                        + " GROUP BY record_id",
                Map.of("origin", origin, "ids", ids.stream().distinct().toList()),
                rs -> {
                    newest.put(origin + "|" + rs.getString(1), rs.getInt(2));
                }));
        return newest;
    }

    private static CreditRecord returnedByProvince(CreditRecord r) {
        Provenance p = r.provenance();
        Provenance returned = new Provenance(
                p.department(), p.regionCode(), Channel.PROVINCE, p.payloadId(), p.line(), p.receivedAt());
        return new CreditRecord(r.identity(), r.category(), r.subject(), r.decision(), r.details(), returned);
    }
}
