package io.huiju.transform.template;

import io.huiju.transform.CanonicalField;
import io.huiju.transform.map.Mapping;
import java.util.List;

/**
 * What a form shows for one field of a layout, from the same columns and notes the layout's template carries, so that a
 * field typed in the console and a column filled in Excel are explained alike: the Chinese column name, the national
 * field code, whether it is required, the rule in Chinese and in English, and the drop-down values.
 *
 * @param label the column name the template prints (Chinese)
 * @param code the national field code among the column's aliases (CF_XDR_MC), null when the layout has none
 * @param requirement 必填, 条件必填 or 选填
 * @param strictChoices whether only the choices are accepted (a lenient list only suggests)
 */
public record FieldGuide(
        CanonicalField field,
        String label,
        String labelEn,
        String code,
        boolean required,
        String requirement,
        String requirementEn,
        String rule,
        String ruleEn,
        List<String> choices,
        boolean strictChoices) {

    public FieldGuide {
        choices = List.copyOf(choices);
    }

    /** One guide per column of the layout's template, in the mapping's order. */
    public static List<FieldGuide> of(Mapping mapping) {
        return TemplateColumns.of(mapping).stream()
                .map(column -> new FieldGuide(
                        column.field(),
                        column.header(),
                        FieldEnglish.label(column.field()),
                        mapping.columns().get(column.field()).stream()
                                .filter(alias -> alias.matches("[A-Z][A-Z0-9]*_[A-Z0-9_]+|BZ"))
                                .findFirst()
                                .orElse(null),
                        column.required(),
                        ColumnNote.requirement(column),
                        FieldEnglish.requirement(ColumnNote.requirement(column)),
                        ColumnNote.rule(mapping, column),
                        FieldEnglish.hint(column.field(), mapping.category()),
                        column.choices().map(Choices::values).orElse(List.of()),
                        column.choices().map(Choices::strict).orElse(false)))
                .toList();
    }
}
