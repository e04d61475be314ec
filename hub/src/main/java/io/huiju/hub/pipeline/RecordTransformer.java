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

    public CheckedBatch transform(RowBatch batch) {
        List<CreditRecord> accepted = new ArrayList<>(batch.rows().size());
        List<RejectStore.Line> lines = new ArrayList<>();
        int rejected = 0;
        for (RawRecord raw : batch.rows()) {
            MappedRow row = batch.mapping().map(raw, batch.payload().provenance(raw.line()));
            ValidationResult result = validator.validate(row);
            if (result.accepted()) {
                accepted.add(result.record());
            } else {
                rejected++;
            }
            for (Violation v : result.violations()) {
                lines.add(new RejectStore.Line(raw.line(), inDepartmentTerms(v, row)));
            }
        }
        return new CheckedBatch(batch.payload(), batch.rows().size(), accepted, rejected, lines);
    }

    /** Feedback names the department's own column (统一社会信用代码), not the canonical path (subject.uscc). */
    private static Violation inDepartmentTerms(Violation v, MappedRow row) {
        return CanonicalField.byPath(v.field())
                .map(f -> new Violation(row.label(f), v.code(), v.reason(), v.severity()))
                .orElse(v);
    }
}
