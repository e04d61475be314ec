package io.huiju.transform.map;

import io.huiju.model.Category;
import io.huiju.transform.CanonicalField;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One source layout, as a mapping file in {@code mappings/} describes it: which source columns (Chinese headers or
 * national field codes) feed which canonical field, the department's own code values and their canonical ones, the
 * date formats it writes, defaults for fields it lacks, and the file encoding.
 *
 * @param columns each field's source column names, best first, in the order of the mapping file
 * @param defaults values for fields the source lacks; {@code {department.code}}, {@code {department.name}} and
 *     {@code {department.uscc}} are replaced by the submitting department's registry entry
 * @param inferSubjectKind legacy layouts have no 行政相对人类别: infer it from which identifier a row carries
 */
public record Mapping(
        String name,
        String file,
        Category category,
        String encoding,
        char delimiter,
        List<DateTimeFormatter> dateFormats,
        Map<CanonicalField, List<String>> columns,
        Map<CanonicalField, Map<String, String>> codeTables,
        Map<CanonicalField, String> defaults,
        boolean inferSubjectKind) {

    /** Whether a header cell names a column this mapping reads: how workbook readers find the header row. */
    public boolean knowsColumn(String header) {
        String key = BoundMapping.matchKey(header);
        return !key.isEmpty()
                && columns.values().stream().flatMap(List::stream).anyMatch(alias -> BoundMapping.matchKey(alias)
                        .equals(key));
    }

    /**
     * The column name a template for this layout prints for a field: its first Chinese alias, since departments fill
     * Chinese headers, else its first alias; null when the mapping does not read the field.
     */
    public String preferredColumn(CanonicalField field) {
        List<String> aliases = columns.get(field);
        if (aliases == null) {
            return null;
        }
        return aliases.stream()
                .filter(alias ->
                        alias.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .findFirst()
                .orElse(aliases.get(0));
    }

    /**
     * The columns every payload's header must have, by the names a template prints: those a record is identified by,
     * unless the mapping defaults them. A header lacking one is rejected ({@link BoundMapping#requireIdentifyingColumns}).
     */
    public List<String> requiredColumns() {
        return BoundMapping.IDENTIFYING.stream()
                .filter(field -> !defaults.containsKey(field))
                .map(field -> Objects.requireNonNullElse(preferredColumn(field), field.path()))
                .toList();
    }

    /** Bind this mapping to a payload's header; see {@link BoundMapping}. */
    public BoundMapping bind(List<String> header, Map<String, String> department) {
        return BoundMapping.bind(this, header, department);
    }
}
