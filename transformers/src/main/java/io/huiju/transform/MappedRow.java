package io.huiju.transform;

import io.huiju.model.Category;
import io.huiju.model.Provenance;
import io.huiju.model.Violation;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A raw row after its mapping: canonical field → normalised text (trimmed, half-width, codes upper-cased, code tables
 * applied, dates as ISO {@code yyyy-MM-dd}, amounts as plain decimals), the source column each field came from (for
 * feedback), and what the mapping already found wrong (a date it could not parse, a value no code table knows).
 */
public record MappedRow(
        Category category,
        Map<CanonicalField, String> values,
        Map<CanonicalField, String> sourceColumns,
        Provenance provenance,
        List<Violation> violations) {

    public MappedRow {
        values = Collections.unmodifiableMap(
                values.isEmpty() ? new EnumMap<>(CanonicalField.class) : new EnumMap<>(values));
        sourceColumns = Map.copyOf(sourceColumns);
        violations = List.copyOf(violations);
    }

    /** The value, or null when the field is absent or blank. */
    public String get(CanonicalField field) {
        String v = values.get(field);
        return v == null || v.isEmpty() ? null : v;
    }

    /** The name to show a department for a field: its source column when mapped, else the canonical path. */
    public String label(CanonicalField field) {
        return sourceColumns.getOrDefault(field, field.path());
    }
}
