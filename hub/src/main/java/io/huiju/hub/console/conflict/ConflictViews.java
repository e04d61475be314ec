package io.huiju.hub.console.conflict;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.huiju.hub.config.HubProperties.Department;
import io.huiju.hub.store.CreditLibraryStore;
import io.huiju.hub.store.DepartmentRegistry;
import io.huiju.model.Library;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A conflict as the operator's page shows it: both sides with their departments and payloads, and the fields side by
 * side. The current side is the library's current version now (it may have moved on since the conflict was kept).
 */
@Component
class ConflictViews {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final DepartmentRegistry departments;

    ConflictViews(JdbcTemplate jdbc, ObjectMapper json, DepartmentRegistry departments) {
        this.jdbc = jdbc;
        this.json = json;
        this.departments = departments;
    }

    Map<String, Object> open(Conflict c) {
        Map<String, Object> view = summary(c);
        List<Map<String, Object>> current = jdbc.queryForList(
                "SELECT category, version, department, payload_id, line, updated_at, body FROM "
                        + CreditLibraryStore.table(Library.valueOf(c.library())) + " WHERE record_id = ?",
                c.recordId());
        Map<String, Object> now = current.isEmpty() ? Map.of() : current.get(0);
        view.put("category", now.get("category"));
        view.put(
                "current",
                side(
                        (String) now.get("department"),
                        (String) now.get("payload_id"),
                        now.get("line"),
                        Map.of("version", now.getOrDefault("version", c.currentVersion()))));
        view.put("fields", FieldDifferences.of(tree((String) now.get("body")), tree(c.incomingBody())));
        return view;
    }

    Map<String, Object> summary(Conflict c) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", c.id());
        view.put("naturalKey", c.naturalKey());
        view.put("library", c.library());
        view.put("createdAt", c.createdAt());
        view.put("status", c.status());
        view.put("incoming", side(c.incomingDepartment(), c.incomingPayloadId(), c.incomingLine(), Map.of()));
        view.put("resolution", c.resolution());
        view.put("reason", c.reason());
        view.put("resolvedBy", c.resolvedBy());
        view.put("resolvedAt", c.resolvedAt());
        view.put("resolvedVersion", c.resolvedVersion());
        return view;
    }

    private Map<String, Object> side(String department, String payloadId, Object line, Map<String, Object> more) {
        Map<String, Object> side = new LinkedHashMap<>();
        side.put("department", department);
        side.put(
                "departmentName",
                department == null
                        ? null
                        : departments.find(department).map(Department::getName).orElse(null));
        side.put("payloadId", payloadId);
        side.put("line", line);
        side.putAll(more);
        return side;
    }

    private JsonNode tree(String body) {
        if (body == null) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a library body that is not JSON: " + e.getMessage(), e);
        }
    }
}
