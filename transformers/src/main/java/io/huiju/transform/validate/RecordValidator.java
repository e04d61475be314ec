package io.huiju.transform.validate;

import io.huiju.model.CreditRecord;
import io.huiju.transform.MappedRow;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Checks a mapped row against the national credit-data rules and builds its canonical record. A row with any error is
 * rejected (no record) with all its violations, never just the first, so a department can fix a row in one go;
 * warnings do not reject. Thread-safe: it holds nothing but the clock.
 */
public final class RecordValidator {

    // Independent of each other: every rule reads the row, none depends on what another reported.
    private static final List<Rule> RULES = List.of(
            new ControlCharacterRule(),
            new LengthRule(),
            new RequiredFieldRule(),
            new ValueFormatRule(),
            new SubjectKindRule(),
            new CreditCodeRule(),
            new IdNumberRule(),
            new PenaltyKindRule(),
            new DateOrderRule(),
            new AmountRule());

    private final Clock clock;

    /** @param clock decides "today" for the future-date rules, in its own zone (the hub runs on Asia/Shanghai) */
    public RecordValidator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ValidationResult validate(MappedRow row) {
        Inspection in = new Inspection(row, LocalDate.now(clock));
        RULES.forEach(rule -> rule.check(in));
        CreditRecord record = in.hasErrors() ? null : RecordBuilder.build(in);
        return new ValidationResult(record, in.violations());
    }
}
