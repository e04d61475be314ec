package io.huiju.hub.console.conflict;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Two library bodies field by field, for the operator to compare: every leaf of the canonical record as a dotted path
 * ({@code decision.documentNumber}, {@code details.fine}), with both values and whether they differ. Identity and
 * provenance are left out: the hash and the version always differ, and who sent each side is shown apart.
 */
final class FieldDifferences {

    record Field(String field, String current, String incoming, boolean differs) {}

    private static final Set<String> NOT_CONTENT = Set.of("identity", "provenance");

    private FieldDifferences() {}

    static List<Field> of(JsonNode current, JsonNode incoming) {
        Map<String, String> a = flatten(current);
        Map<String, String> b = flatten(incoming);
        Set<String> fields = new LinkedHashSet<>(a.keySet());
        fields.addAll(b.keySet());
        List<Field> rows = new ArrayList<>(fields.size());
        for (String f : fields) {
            rows.add(new Field(f, a.get(f), b.get(f), !Objects.equals(a.get(f), b.get(f))));
        }
        return rows;
    }

    private static Map<String, String> flatten(JsonNode body) {
        Map<String, String> leaves = new LinkedHashMap<>();
        if (body != null) {
            body.fields().forEachRemaining(e -> {
                if (!NOT_CONTENT.contains(e.getKey())) {
                    flatten(e.getKey(), e.getValue(), leaves);
                }
            });
        }
        return leaves;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> leaves) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(path + "." + e.getKey(), e.getValue(), leaves));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), leaves);
            }
        } else if (!node.isNull()) {
            leaves.put(path, node.asText());
        }
    }
}
