package io.huiju.hub.frontdb;

import io.huiju.hub.frontdb.FrontDbReader.Batch;
import io.huiju.hub.frontdb.FrontDbReader.Row;
import io.huiju.hub.pipeline.Headers;
import io.huiju.hub.store.PayloadStore;
import io.huiju.hub.store.Receipt;
import io.huiju.hub.store.RejectStore;
import jakarta.annotation.PreDestroy;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The work of the {@code frontdb-poll} route: {@link #poll} reads at most one batch of new rows as a CSV payload, the
 * route sends it to the pipeline, and {@link #acknowledge} then writes each row's outcome back to the department and
 * only after that advances the watermark (timestamp mode; in flag mode the flags are set in the same transaction of the
 * department's database as the outcomes, and the hub keeps no position of its own). A poll that fails (database down,
 * payload refused) keeps the watermark where it is and waits longer before the next one: twice as long each time, up
 * to {@link #MAX_BACK_OFF}.
 */
@Component("frontDbPoller")
public class FrontDbPoller {

    static final Duration MAX_BACK_OFF = Duration.ofMinutes(10);
    private static final String BATCH = "HuijuFrontDbBatch";
    private static final Logger LOG = LoggerFactory.getLogger(FrontDbPoller.class);

    /** What the health endpoint shows of a feed. */
    record State(
            int failures,
            Instant nextAttempt,
            String lastError,
            String lastPayload,
            Instant lastSuccess,
            long rowsWithoutKey) {
        static final State NEW = new State(0, Instant.MIN, null, null, null, 0);

        State withoutKey(long rows) {
            return new State(failures, nextAttempt, lastError, lastPayload, lastSuccess, rows);
        }
    }

    private final FrontDbSources sources;
    private final FrontDbWatermarks watermarks;
    private final PayloadStore payloads;
    private final RejectStore rejects;
    private final Map<String, State> states = new ConcurrentSkipListMap<>();
    /**
     * Timestamp mode reads the batch after the one in the pipeline while the pipeline works, so the department's
     * database and the hub's pipeline work at the same time instead of taking turns (on a busy feed they cost about
     * the same). The read-ahead is used only when the batch before it was acknowledged, by the same feed settings;
     * anything else throws it away and reads afresh, so it changes nothing of what is taken, only when it is read.
     */
    private final Map<String, ReadAhead> readAheads = new ConcurrentHashMap<>();

    private final ExecutorService readAheadThreads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "huiju-frontdb-read-ahead");
        t.setDaemon(true);
        return t;
    });

    /** The batch each feed last acknowledged: a read-ahead started after it may be taken. */
    private final Map<String, Batch> acknowledged = new ConcurrentHashMap<>();

    /** The next batch being read for {@code feed}, to be taken once {@code after} has been acknowledged. */
    private record ReadAhead(FrontDbFeed feed, Batch after, Future<Batch> next) {}

    private final Set<String> feedbackTablesMade = ConcurrentHashMap.newKeySet();

    FrontDbPoller(FrontDbSources sources, FrontDbWatermarks watermarks, PayloadStore payloads, RejectStore rejects) {
        this.sources = sources;
        this.watermarks = watermarks;
        this.payloads = payloads;
        this.rejects = rejects;
    }

    /** The next batch as the body (bytes of a CSV file, with its file name), or a null body when there is none. */
    public void poll(Exchange exchange) {
        FrontDbFeed feed = FrontDbFeed.of(exchange);
        exchange.getIn().setBody(null);
        State state = states.getOrDefault(feed.name(), State.NEW);
        if (Instant.now().isBefore(state.nextAttempt())) {
            return;
        }
        try {
            DataSource source = sources.get(feed);
            if (feed.createFeedbackTable() && feedbackTablesMade.add(feed.name())) {
                FrontDbFeedback.createTable(source, feed);
            }
            Batch batch = readAheadOrRead(source, feed, state);
            if (batch.withoutKey() > 0) {
                LOG.warn(
                        "Front-end database {}: {} new rows have a NULL in {} and are left where they are",
                        feed.name(),
                        batch.withoutKey(),
                        feed.keyColumns());
            }
            if (batch.rows().isEmpty()) {
                succeeded(feed, state.lastPayload(), batch.withoutKey());
                return;
            }
            LOG.info(
                    "Front-end database {}: {} new rows",
                    feed.name(),
                    batch.rows().size());
            readAhead(source, feed, batch);
            exchange.setProperty(BATCH, batch);
            exchange.getIn().setHeader(Exchange.FILE_NAME, batch.fileName());
            exchange.getIn().setBody(batch.csv());
            states.put(feed.name(), state.withoutKey(batch.withoutKey()));
            // not a step after direct:ingest: ingest stops the exchange on a re-send of a stored payload (exactly what
            // a batch taken again after a crash is), and a stopped exchange runs no further step, not even a doFinally
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    acknowledge(done);
                }
            });
        } catch (SQLException e) {
            failed(feed, state, "front-end database unreachable or table unreadable: " + describe(e, feed));
        } catch (RuntimeException e) {
            failed(feed, state, "front-end database unreachable or table unreadable: " + e.getMessage());
        }
    }

    /**
     * After the pipeline, however it ended: the rows' outcomes go back to the department (in flag mode with the flags),
     * then the watermark moves past them. A payload the pipeline refused as a whole, or could not finish, leaves the
     * watermark (or the flags) where it is (nothing is lost) and backs off, so a broken table costs one refused payload
     * per back-off period, not one per poll.
     */
    void acknowledge(Exchange exchange) {
        FrontDbFeed feed = FrontDbFeed.of(exchange);
        Batch batch = exchange.getProperty(BATCH, Batch.class);
        String payloadId = exchange.getIn().getHeader(Headers.PAYLOAD_ID, String.class);
        State state = states.getOrDefault(feed.name(), State.NEW);
        Receipt receipt = payloadId == null ? null : payloads.find(payloadId).orElse(null);
        if (receipt == null) {
            failed(feed, state, "payload not archived");
            return;
        }
        try {
            DataSource source = sources.get(feed);
            switch (receipt.status()) {
                case "DONE" ->
                    FrontDbFeedback.write(source, feed, payloadId, batch.rows(), rejects.find(payloadId), null);
                case "DUPLICATE" ->
                    FrontDbFeedback.write(
                            source,
                            feed,
                            receipt.duplicateOf(),
                            batch.rows(),
                            rejects.find(receipt.duplicateOf()),
                            null);
                case "REJECTED" -> {
                    FrontDbFeedback.write(source, feed, payloadId, batch.rows(), List.of(), new String[] {
                        receipt.errorCode(), receipt.error()
                    });
                    failed(
                            feed,
                            state,
                            "payload " + payloadId + " refused: " + receipt.errorCode() + " " + receipt.error());
                    return;
                }
                default -> {
                    failed(feed, state, "payload " + payloadId + " " + receipt.status() + ": " + receipt.error());
                    return;
                }
            }
        } catch (SQLException e) {
            // The rows are stored; the watermark stays, so the batch is re-read, recognised, and its outcome written.
            failed(feed, state, "feedback for payload " + payloadId + " not written: " + describe(e, feed));
            return;
        }
        if (feed.mode() == FrontDbFeed.Mode.TIMESTAMP) {
            List<FrontDbWatermarks.Taken> taken =
                    batch.rows().stream().map(Row::taken).toList();
            try {
                watermarks.advance(feed.name(), taken, payloadId, feed.lookBack());
            } catch (RuntimeException e) {
                // the outcomes are written: the batch is re-read, recognised as stored and answered, and the mark moves
                failed(feed, state, "watermark not moved after payload " + payloadId + ": " + e.getMessage());
                return;
            }
        }
        acknowledged.put(feed.name(), batch);
        succeeded(feed, payloadId, state.rowsWithoutKey());
    }

    /**
     * The batch read ahead, if it follows the batch this feed last acknowledged; otherwise (first poll, a failure since,
     * other settings) it is dropped and the table read now.
     */
    private Batch readAheadOrRead(DataSource source, FrontDbFeed feed, State state) throws SQLException {
        ReadAhead ahead = readAheads.remove(feed.name());
        if (ahead != null) {
            boolean follows = ahead.feed().equals(feed)
                    && state.failures() == 0
                    && state.lastSuccess() != null
                    && acknowledged.remove(feed.name(), ahead.after());
            if (follows) {
                try {
                    return ahead.next().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading ahead", e);
                } catch (ExecutionException e) {
                    // the table failed to answer the read-ahead: the same failure a read now would meet
                    if (e.getCause() instanceof SQLException sql) {
                        throw sql;
                    }
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } else {
                ahead.next().cancel(true);
            }
        }
        acknowledged.remove(feed.name());
        return read(source, feed);
    }

    /** Starts reading the rows after {@code batch}: the same window, with the batch's rows counted as taken. */
    private void readAhead(DataSource source, FrontDbFeed feed, Batch batch) {
        if (feed.mode() != FrontDbFeed.Mode.TIMESTAMP || batch.rows().size() < feed.batchSize()) {
            return; // a batch that was not full means the table is drained: the next poll comes after the delay anyway
        }
        Optional<LocalDateTime> mark = watermarks.watermark(feed.name());
        LocalDateTime from = mark.map(m -> m.minus(feed.lookBack())).orElse(null);
        Set<FrontDbWatermarks.Taken> taken =
                new HashSet<>(from == null ? Set.of() : watermarks.takenSince(feed.name(), from));
        batch.rows().forEach(r -> taken.add(r.taken()));
        Future<Batch> next = readAheadThreads.submit(() -> FrontDbReader.read(source, feed, from, taken));
        readAheads.put(feed.name(), new ReadAhead(feed, batch, next));
    }

    private Batch read(DataSource source, FrontDbFeed feed) throws SQLException {
        if (feed.mode() == FrontDbFeed.Mode.FLAG) {
            return FrontDbReader.readFlagged(source, feed);
        }
        Optional<LocalDateTime> mark = watermarks.watermark(feed.name());
        LocalDateTime from = mark.map(m -> m.minus(feed.lookBack())).orElse(null);
        Set<FrontDbWatermarks.Taken> taken = from == null ? Set.of() : watermarks.takenSince(feed.name(), from);
        return FrontDbReader.read(source, feed, from, taken);
    }

    /**
     * A statement cut off by the query timeout, said in the same words on every database: the drivers report it each
     * their own way (MariaDB: SQLTimeoutException, state 70100; PostgreSQL: a cancelled statement, state 57014).
     */
    private static String describe(SQLException e, FrontDbFeed feed) {
        SQLException first =
                e instanceof java.sql.BatchUpdateException && e.getNextException() != null ? e.getNextException() : e;
        String state = first.getSQLState() == null ? "" : first.getSQLState();
        if (first instanceof java.sql.SQLTimeoutException || state.equals("57014") || state.equals("70100")) {
            return "no answer within " + feed.queryTimeout().toSeconds()
                    + " s (the table locked, or the database overloaded?): " + first.getMessage();
        }
        return e.getMessage();
    }

    @PreDestroy
    void stop() {
        readAheadThreads.shutdownNow();
    }

    /** Every feed polled since start, by name. */
    Map<String, State> states() {
        return Map.copyOf(states);
    }

    private void succeeded(FrontDbFeed feed, String payloadId, long rowsWithoutKey) {
        State before = states.get(feed.name());
        if (before != null && before.failures() > 0) {
            LOG.info("Front-end database {} works again after {} failed polls", feed.name(), before.failures());
        }
        states.put(feed.name(), new State(0, Instant.MIN, null, payloadId, Instant.now(), rowsWithoutKey));
    }

    private void failed(FrontDbFeed feed, State before, String reason) {
        int failures = before.failures() + 1;
        long factor = 1L << Math.min(failures, 20);
        Duration wait = feed.interval().multipliedBy(factor);
        if (wait.compareTo(MAX_BACK_OFF) > 0) {
            wait = MAX_BACK_OFF;
        }
        LOG.warn(
                "Front-end database {}: poll {} failed, next try in {} s: {}",
                feed.name(),
                failures,
                wait.toSeconds(),
                reason);
        states.put(
                feed.name(),
                new State(
                        failures,
                        Instant.now().plus(wait),
                        reason,
                        before.lastPayload(),
                        before.lastSuccess(),
                        before.rowsWithoutKey()));
    }
}
