package io.huiju.hub.pipeline;

import io.huiju.hub.store.RejectStore;
import io.huiju.model.CreditRecord;
import java.util.List;

/**
 * A batch after mapping and validation: the records to store, and every violation by row (errors of rejected rows and
 * warnings of accepted ones).
 */
public record CheckedBatch(
        PayloadContext payload,
        int received,
        List<CreditRecord> accepted,
        int rejected,
        List<RejectStore.Line> lines) {}
