package io.huiju.transform.template;

import io.huiju.transform.CanonicalField;
import io.huiju.transform.map.Mapping;
import io.huiju.transform.validate.RequiredFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The columns of a mapping's template, in the mapping's order. */
final class TemplateColumns {

    private TemplateColumns() {}

    static List<TemplateColumn> of(Mapping mapping) {
        Map<String, List<CanonicalField>> byHeader = new LinkedHashMap<>();
        for (CanonicalField field : mapping.columns().keySet()) {
            byHeader.computeIfAbsent(mapping.preferredColumn(field), header -> new ArrayList<>())
                    .add(field);
        }
        // A field the mapping defaults (数据来源单位 from the department registry) need not be filled.
        Set<CanonicalField> required = RequiredFields.of(mapping.category()).stream()
                .filter(field -> !mapping.defaults().containsKey(field))
                .collect(Collectors.toSet());
        return byHeader.entrySet().stream()
                .map(e -> new TemplateColumn(
                        e.getKey(),
                        e.getValue(),
                        e.getValue().stream().anyMatch(required::contains),
                        Choices.of(mapping, e.getValue().get(0))))
                .toList();
    }
}
