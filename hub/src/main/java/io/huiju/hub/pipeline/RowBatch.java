package io.huiju.hub.pipeline;

import io.huiju.transform.RawRecord;
import io.huiju.transform.map.BoundMapping;
import java.util.List;

/** Up to {@code huiju.batch-size} raw rows of one payload: the unit of transformation, storing and feedback. */
public record RowBatch(PayloadContext payload, BoundMapping mapping, List<RawRecord> rows) {}
