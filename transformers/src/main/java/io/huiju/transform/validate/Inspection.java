package io.huiju.transform.validate;

import io.huiju.model.SubjectKind;
import io.huiju.model.Violation;
import io.huiju.model.code.ResidentId;
import io.huiju.transform.CanonicalField;
import io.huiju.transform.IsoDate;
import io.huiju.transform.MappedRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row under validation: its values read as the types the record needs, and the violations found so far (starting
 * with the mapping's). Reading is pure, so every rule sees the same values whatever ran before it. Not shared between
 * threads: the validator makes one per row.
 */
final class Inspection {

    static final String ID_CARD = "身份证";

    private static final Map<CanonicalField, CanonicalField> ID_TYPE_OF = Map.of(
            CanonicalField.SUBJECT_ID_NUMBER, CanonicalField.SUBJECT_ID_TYPE,
            CanonicalField.SUBJECT_LEGAL_REP_ID_NUMBER, CanonicalField.SUBJECT_LEGAL_REP_ID_TYPE);

    private final MappedRow row;
    private final LocalDate today;
    private final List<Violation> violations;
    private PenaltyKinds.Parsed penaltyKinds;

    Inspection(MappedRow row, LocalDate today) {
        this.row = row;
        this.today = today;
        this.violations = new ArrayList<>(row.violations());
    }

    MappedRow row() {
        return row;
    }

    LocalDate today() {
        return today;
    }

    /** The value, or null when blank or when the field does not belong to the row's category. */
    String text(CanonicalField field) {
        return field.appliesTo(row.category()) ? row.get(field) : null;
    }

    String label(CanonicalField field) {
        return row.label(field);
    }

    Optional<SubjectKind> kind() {
        return SubjectKind.parse(text(CanonicalField.SUBJECT_KIND));
    }

    /** The date, or null when absent or not an ISO date. */
    LocalDate date(CanonicalField field) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        return IsoDate.parse(text);
    }

    /** Digits before, or after, the point beyond which a number is not an amount (the libraries keep 18 + 6). */
    static final int MAX_AMOUNT_DIGITS = 24;

    /** The amount, or null when absent, not a number, or a number of absurd size. */
    BigDecimal amount(CanonicalField field) {
        String text = text(field);
        if (text == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text);
            // 1E+2147483647 is a BigDecimal too, and one that throws when written out in full: a number no
            // department means is unreadable, like any other text that is not an amount
            return (long) amount.precision() - amount.scale() > MAX_AMOUNT_DIGITS || amount.scale() > MAX_AMOUNT_DIGITS
                    ? null
                    : amount;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Present but not readable as its type. */
    boolean unreadable(CanonicalField field) {
        if (text(field) == null) {
            return false;
        }
        return switch (field.type()) {
            case DATE -> date(field) == null;
            case AMOUNT -> amount(field) == null;
            case TEXT, CODE -> false;
        };
    }

    PenaltyKinds.Parsed penaltyKinds() {
        if (penaltyKinds == null) {
            String content = text(CanonicalField.DECISION_CONTENT);
            String suspended = text(CanonicalField.PENALTY_SUSPENDED_LICENSE);
            String hint = (content == null ? "" : content) + " " + (suspended == null ? "" : suspended);
            penaltyKinds = PenaltyKinds.parse(text(CanonicalField.PENALTY_KINDS), hint);
        }
        return penaltyKinds;
    }

    /**
     * Whether an ID number field holds a resident ID: its type says 身份证, or says nothing (the national layout's
     * older variants have a 身份证号 column and no type). 外国人永久居留身份证 has its own number format.
     */
    boolean isResidentId(CanonicalField numberField) {
        String type = text(ID_TYPE_OF.get(numberField));
        return type == null || (type.contains(ID_CARD) && !type.contains("外国") && !type.contains("居留"));
    }

    /** The ID number as the record keeps it: a 15-digit resident ID number converted to 18. */
    String idNumber(CanonicalField numberField) {
        String number = text(numberField);
        return number != null && isResidentId(numberField) && ResidentId.isOld(number)
                ? ResidentId.from15(number)
                : number;
    }

    void error(CanonicalField field, String code, String reason) {
        violations.add(Violation.error(field.path(), code, reason));
    }

    void warning(CanonicalField field, String code, String reason) {
        violations.add(Violation.warning(field.path(), code, reason));
    }

    /** Whether the mapping already reported this field (by path or by source column). */
    boolean reportedByMapping(CanonicalField field) {
        String label = label(field);
        return row.violations().stream().anyMatch(v -> field.path().equals(v.field()) || label.equals(v.field()));
    }

    boolean hasErrors() {
        return violations.stream().anyMatch(Violation::isError);
    }

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    /** {@code label“value”}, the way every reason names what is wrong. */
    String quoted(CanonicalField field, String value) {
        return label(field) + "“" + value + "”";
    }
}
