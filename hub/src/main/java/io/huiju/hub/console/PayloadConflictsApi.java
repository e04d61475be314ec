package io.huiju.hub.console;

import io.huiju.hub.console.conflict.Conflict;
import io.huiju.hub.console.conflict.ConflictStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which rows of a payload became conflicts and what the operators decided, for the payload's page. Who may see it is
 * {@link Payloads}' rule: another department's payload answers 404. The other department's content is not shown.
 */
@RestController
class PayloadConflictsApi {

    private final Payloads payloads;
    private final ConflictStore conflicts;

    PayloadConflictsApi(Payloads payloads, ConflictStore conflicts) {
        this.payloads = payloads;
        this.conflicts = conflicts;
    }

    @GetMapping("/console/api/payloads/{payloadId}/conflicts")
    ResponseEntity<List<Map<String, Object>>> ofPayload(
            @AuthenticationPrincipal ConsoleUser user, @PathVariable String payloadId) {
        return payloads.visible(user, payloadId)
                .map(r -> ResponseEntity.ok(conflicts.ofPayload(payloadId).stream()
                        .map(PayloadConflictsApi::outcome)
                        .toList()))
                .orElse(ResponseEntity.notFound().build());
    }

    private static Map<String, Object> outcome(Conflict c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("line", c.incomingLine());
        row.put("naturalKey", c.naturalKey());
        row.put("owner", c.currentDepartment());
        row.put("status", c.status());
        row.put("resolution", c.resolution());
        row.put("reason", c.reason());
        row.put("resolvedAt", c.resolvedAt());
        return row;
    }
}
