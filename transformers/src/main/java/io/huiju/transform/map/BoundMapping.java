package io.huiju.transform.map;

import static io.huiju.transform.CanonicalField.DECISION_AUTHORITY;
import static io.huiju.transform.CanonicalField.DECISION_AUTHORITY_CODE;
import static io.huiju.transform.CanonicalField.DECISION_DATE;
import static io.huiju.transform.CanonicalField.DECISION_DOCUMENT_NUMBER;
import static io.huiju.transform.CanonicalField.SUBJECT_ID_NUMBER;
import static io.huiju.transform.CanonicalField.SUBJECT_KIND;
import static io.huiju.transform.CanonicalField.SUBJECT_NAME;
import static io.huiju.transform.CanonicalField.SUBJECT_USCC;

import io.huiju.model.Provenance;
import io.huiju.model.SubjectKind;
import io.huiju.model.Violation;
import io.huiju.transform.CanonicalField;
import io.huiju.transform.IsoDate;
import io.huiju.transform.Normalizer;
import io.huiju.transform.RawRecord;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A mapping bound to one payload's header: each canonical field knows the source column it reads. Binding happens once
 * per payload, so mapping a row is a few map look-ups. Immutable and thread-safe.
 */
public final class BoundMapping {

    /** Without these no record can be named or identified, so a header lacking one rejects the whole payload. */
    static final List<CanonicalField> IDENTIFYING =
            List.of(SUBJECT_NAME, DECISION_DOCUMENT_NUMBER, DECISION_DATE, DECISION_AUTHORITY, DECISION_AUTHORITY_CODE);

    private static final char FULL_WIDTH_FIRST = '\uFF01';
    private static final char FULL_WIDTH_LAST = '\uFF5E';
    private static final int FULL_WIDTH_OFFSET = 0xFEE0;

    private final Mapping mapping;
    private final Map<CanonicalField, String> sourceColumn;
    private final Map<CanonicalField, String> defaults;
    private final List<String> unknownColumns;

    private BoundMapping(
            Mapping mapping,
            Map<CanonicalField, String> sourceColumn,
            Map<CanonicalField, String> defaults,
            List<String> unknownColumns) {
        this.mapping = mapping;
        // Immutable once, so every MappedRow can share it instead of copying it.
        this.sourceColumn = Map.copyOf(sourceColumn);
        this.defaults = defaults;
        this.unknownColumns = List.copyOf(unknownColumns);
    }

    static BoundMapping bind(Mapping mapping, List<String> header, Map<String, String> department) {
        Map<String, String> headerByKey = new LinkedHashMap<>();
        for (String column : header) {
            headerByKey.putIfAbsent(matchKey(column), column);
        }
        Map<CanonicalField, String> sourceColumn = new EnumMap<>(CanonicalField.class);
        List<String> used = new ArrayList<>();
        mapping.columns().forEach((field, aliases) -> {
            for (String alias : aliases) {
                String column = headerByKey.get(matchKey(alias));
                if (column != null) {
                    sourceColumn.put(field, column);
                    used.add(column);
                    break;
                }
            }
        });
        Map<CanonicalField, String> defaults = new EnumMap<>(CanonicalField.class);
        mapping.defaults().forEach((field, value) -> defaults.put(field, substitute(value, department)));
        List<String> unknown =
                header.stream().filter(c -> !c.isBlank() && !used.contains(c)).toList();
        return new BoundMapping(mapping, sourceColumn, defaults, unknown);
    }

    /** Throws when a column every record needs is neither in the header nor defaulted. */
    public BoundMapping requireIdentifyingColumns() throws MissingColumnsException {
        List<String> missing = IDENTIFYING.stream()
                .filter(f -> !sourceColumn.containsKey(f) && !defaults.containsKey(f))
                .map(f -> mapping.columns().getOrDefault(f, List.of(f.path())).get(0))
                .toList();
        if (!missing.isEmpty()) {
            throw new MissingColumnsException(mapping.name(), missing);
        }
        return this;
    }

    /** Header columns the mapping does not read: ignored, and reported as a warning in the receipt. */
    public List<String> unknownColumns() {
        return unknownColumns;
    }

    public Mapping mapping() {
        return mapping;
    }

    /** Maps one raw row. Problems the mapping can see (unparsable dates) become violations on the row. */
    public io.huiju.transform.MappedRow map(RawRecord raw, Provenance provenance) {
        Map<CanonicalField, String> values = new EnumMap<>(CanonicalField.class);
        List<Violation> violations = new ArrayList<>();
        sourceColumn.forEach((field, column) -> {
            String value = normalise(field, raw.fields().get(column), violations, column);
            if (value != null) {
                values.put(field, value);
            }
        });
        defaults.forEach(values::putIfAbsent);
        if (mapping.inferSubjectKind() && !values.containsKey(SUBJECT_KIND)) {
            values.put(SUBJECT_KIND, inferKind(values).label());
        }
        if (raw.isDefective()) {
            violations.add(Violation.error("第" + raw.line() + "行", raw.defectCode(), raw.defect()));
        }
        return new io.huiju.transform.MappedRow(mapping.category(), values, sourceColumn, provenance, violations);
    }

    private String normalise(CanonicalField field, String raw, List<Violation> violations, String column) {
        String text = field.type() == CanonicalField.Type.CODE ? Normalizer.code(raw) : Normalizer.text(raw);
        if (text == null) {
            return null;
        }
        Map<String, String> table = mapping.codeTables().get(field);
        if (table != null) {
            text = table.getOrDefault(text, text);
        }
        return switch (field.type()) {
            case DATE -> parseDate(text, column, violations);
            case AMOUNT -> text.replace(",", "").replaceFirst("万元$", "").trim();
            default -> text;
        };
    }

    private String parseDate(String text, String column, List<Violation> violations) {
        // ISO, the standard's own format, is always accepted; the mapping's formats add what a department writes.
        if (IsoDate.parse(text) != null) {
            return text;
        }
        for (DateTimeFormatter format : mapping.dateFormats()) {
            try {
                return LocalDate.parse(text, format).toString();
            } catch (DateTimeParseException e) {
                // try the next format the department is known to use
            }
        }
        violations.add(Violation.error(
                column, "DATE_FORMAT", column + "“" + text + "”不是有效日期，请使用 yyyy-MM-dd 格式（如 2024-03-05）"));
        return null;
    }

    private static SubjectKind inferKind(Map<CanonicalField, String> values) {
        String uscc = values.get(SUBJECT_USCC);
        if (uscc == null && values.containsKey(SUBJECT_ID_NUMBER)) {
            return SubjectKind.NATURAL_PERSON;
        }
        if (uscc != null && uscc.startsWith("92")) {
            return SubjectKind.INDIVIDUAL_BUSINESS;
        }
        return SubjectKind.LEGAL_PERSON;
    }

    private static String substitute(String value, Map<String, String> department) {
        String result = value;
        for (Map.Entry<String, String> e : department.entrySet()) {
            result = result.replace("{department." + e.getKey() + "}", e.getValue() == null ? "" : e.getValue());
        }
        return result;
    }

    /**
     * Headers match aliases whatever their width, spacing or case: departments retype headers by hand. The Chinese
     * punctuation {@link Normalizer#text} keeps full-width (（） in 罚款金额（万元）) is folded here too.
     */
    static String matchKey(String column) {
        String text = Normalizer.text(column);
        if (text == null) {
            return "";
        }
        StringBuilder key = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> !Character.isWhitespace(c))
                .map(c -> c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST ? c - FULL_WIDTH_OFFSET : c)
                .forEach(key::appendCodePoint);
        return key.toString().toUpperCase(Locale.ROOT);
    }
}
