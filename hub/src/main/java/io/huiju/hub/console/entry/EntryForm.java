package io.huiju.hub.console.entry;

import io.huiju.hub.config.HubProperties.Department;
import io.huiju.hub.pipeline.MappingCatalog;
import io.huiju.hub.pipeline.PayloadBatches;
import io.huiju.transform.CanonicalField;
import io.huiju.transform.MappedRow;
import io.huiju.transform.RawRecord;
import io.huiju.transform.map.Mapping;
import io.huiju.transform.template.FieldGuide;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The entry form of a category, built from its layout's mapping and template notes ({@link FieldGuide}), the one
 * definition the page draws its fields from; and the row a filled form becomes: the layout's column names with the
 * values typed, exactly what a department's file would hold.
 */
@Component
class EntryForm {

    private final MappingCatalog mappings;

    EntryForm(MappingCatalog mappings) {
        this.mappings = mappings;
    }

    Mapping mapping(EntryCategory category) {
        return mappings.get(category.mapping());
    }

    /** The fields as the page shows them; a field the mapping defaults shows its default as the placeholder. */
    List<Map<String, Object>> fields(EntryCategory category, Department department) {
        Mapping mapping = mapping(category);
        // the defaults as the pipeline fills them: an empty row mapped for the department
        MappedRow defaults =
                mapping.bind(List.of(), PayloadBatches.department(department)).map(RawRecord.of(0, Map.of()), null);
        return FieldGuide.of(mapping).stream()
                .map(guide -> {
                    Map<String, Object> field = new LinkedHashMap<>();
                    field.put("path", guide.field().path());
                    field.put("type", guide.field().type().name());
                    field.put("label", guide.label());
                    field.put("labelEn", guide.labelEn());
                    field.put("code", guide.code());
                    field.put("required", guide.required());
                    field.put("requirement", guide.requirement());
                    field.put("requirementEn", guide.requirementEn());
                    field.put("rule", guide.rule());
                    field.put("ruleEn", guide.ruleEn());
                    field.put("choices", guide.choices());
                    field.put("strictChoices", guide.strictChoices());
                    field.put("default", defaults.get(guide.field()));
                    return field;
                })
                .toList();
    }

    /**
     * The row of a filled form: every column of the layout, by the name its template prints, with the value typed for
     * its field (blank when none). Keys the form does not have are ignored: only the layout's fields are ever read.
     */
    Map<String, String> row(EntryCategory category, Map<String, String> values) {
        Mapping mapping = mapping(category);
        Map<String, String> row = new LinkedHashMap<>();
        for (FieldGuide guide : FieldGuide.of(mapping)) {
            String value = values.get(guide.field().path());
            row.put(guide.label(), value == null ? "" : value);
        }
        return row;
    }

    /** The canonical field a column of the form's row feeds: how a problem the mapping names by column is placed. */
    static String pathOf(Mapping mapping, String fieldOrColumn) {
        if (CanonicalField.byPath(fieldOrColumn).isPresent()) {
            return fieldOrColumn;
        }
        return mapping.columns().keySet().stream()
                .filter(field -> fieldOrColumn.equals(mapping.preferredColumn(field)))
                .map(CanonicalField::path)
                .findFirst()
                .orElse(fieldOrColumn);
    }
}
