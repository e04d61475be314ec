package io.huiju.transform.template;

import io.huiju.transform.CanonicalField;
import java.util.List;
import java.util.Optional;

/**
 * One column of a template: the header printed, the fields the mapping feeds from it (two when a layout reuses a
 * column, as the 2016 licence layout does for 许可决定日期), whether it must be filled, and its drop-down values.
 */
record TemplateColumn(String header, List<CanonicalField> fields, boolean required, Optional<Choices> choices) {

    TemplateColumn {
        fields = List.copyOf(fields);
    }

    CanonicalField field() {
        return fields.get(0);
    }

    CanonicalField.Type type() {
        return field().type();
    }
}
