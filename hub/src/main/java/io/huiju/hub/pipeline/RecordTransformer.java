package io.huiju.hub.pipeline;

import io.huiju.hub.store.RejectStore;
import io.huiju.model.CreditRecord;
import io.huiju.model.Violation;
import io.huiju.transform.CanonicalField;
import io.huiju.transform.MappedRow;
import io.huiju.transform.RawRecord;
import io.huiju.transform.validate.RecordValidator;
import io.huiju.transform.validate.ValidationResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Maps and validates a batch: raw rows in, canonical records and the reasons for every rejected row out. */
@Component("recordTransformer")
public class RecordTransformer {

    private final RecordValidator validator;

    RecordTransformer(Clock clock) {
        this.validator = new RecordValidator(clock);
    }

    /**
     * Rows are mapped and validated in parallel (pure, thread-safe functions) and collected in file order, so the
     * store still decides them in the order the department wrote them.
     */
    public CheckedBatch transform(RowBatch batch) {
        List<Checked> checked =
                batch.rows().parallelStream().map(raw -> check(raw, batch)).toList();
        List<CreditRecord> accepted = new ArrayList<>(checked.size());
        List<RejectStore.Line> lines = new ArrayList<>();
        int rejected = 0;
        for (Checked c : checked) {
            if (c.result().accepted()) {
                accepted.add(c.result().record());
            } else {
                rejected++;
            }
            for (Violation v : c.result().violations()) {
                lines.add(new RejectStore.Line(c.line(), inDepartmentTerms(v, c.row())));
            }
        }
        return new CheckedBatch(batch.payload(), batch.rows().size(), accepted, rejected, lines);
    }

    private record Checked(long line, MappedRow row, ValidationResult result) {}

    private Checked check(RawRecord raw, RowBatch batch) {
        MappedRow row = batch.mapping().map(raw, batch.payload().provenance(raw.line()));
        return new Checked(raw.line(), row, validator.validate(row));
    }

    /** Feedback names the department's own column (统一社会信用代码), not the canonical path (subject.uscc). */
    private static Violation inDepartmentTerms(Violation v, MappedRow row) {
        return CanonicalField.byPath(v.field())
                .map(f -> new Violation(row.label(f), v.code(), v.reason(), v.severity()))
                .orElse(v);
    }
}
