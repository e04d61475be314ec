package io.huiju.hub.pipeline;

import io.huiju.hub.store.CreditLibraryStore;
import io.huiju.hub.store.PayloadStore;
import io.huiju.hub.store.RejectStore;
import io.huiju.hub.store.Tally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores one checked batch in one transaction: the records into the libraries, the violations, and the batch's counts
 * into the payload's receipt, so the receipt never disagrees with the libraries. A concurrent writer of the same key
 * (another department's feed, another hub node) rolls the batch back; it is then decided again against the new state.
 */
@Component("batchWriter")
public class BatchWriter {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);
    private static final int ATTEMPTS = 3;

    private final CreditLibraryStore libraries;
    private final RejectStore rejects;
    private final PayloadStore payloads;
    private final TransactionTemplate transaction;

    BatchWriter(
            CreditLibraryStore libraries, RejectStore rejects, PayloadStore payloads, TransactionTemplate transaction) {
        this.libraries = libraries;
        this.rejects = rejects;
        this.payloads = payloads;
        this.transaction = transaction;
    }

    public CheckedBatch write(CheckedBatch batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status -> writeOnce(batch));
                return batch;
            } catch (DuplicateKeyException | ConcurrencyFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.warn(
                        "Batch of payload {} met a concurrent write ({}); deciding it again",
                        batch.payload().payloadId(),
                        e.getMessage());
            }
        }
    }

    private void writeOnce(CheckedBatch batch) {
        CreditLibraryStore.Outcome outcome = libraries.store(batch.accepted());
        rejects.insert(batch.payload().payloadId(), batch.lines());
        payloads.add(
                batch.payload().payloadId(),
                new Tally(
                        batch.received(),
                        outcome.stored(),
                        outcome.unchanged(),
                        batch.rejected(),
                        outcome.conflicts()));
    }
}
