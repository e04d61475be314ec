package io.huiju.transform.validate;

import io.huiju.model.CreditRecord;
import io.huiju.model.Violation;
import java.util.List;

/**
 * The outcome for one row: the record when accepted (possibly with warnings), null when rejected; in both cases every
 * violation found, the mapping's first.
 */
public record ValidationResult(CreditRecord record, List<Violation> violations) {

    public ValidationResult {
        violations = List.copyOf(violations);
        if (record != null && violations.stream().anyMatch(Violation::isError)) {
            throw new IllegalArgumentException("a record with errors cannot be accepted: " + violations);
        }
    }

    public boolean accepted() {
        return record != null;
    }

    public List<Violation> errors() {
        return violations.stream().filter(Violation::isError).toList();
    }

    public List<Violation> warnings() {
        return violations.stream().filter(v -> !v.isError()).toList();
    }
}
