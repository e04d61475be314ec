package io.huiju.hub.console.conflict;

import java.security.Principal;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operators' conflict page's JSON: the open conflicts, the latest resolved ones, and a resolution. Platform staff
 * only (ConsoleSecurity); conflicts concern two departments, so no department user sees this list.
 */
@RestController
@RequestMapping("/console/api/conflicts")
class ConflictsApi {

    private static final int LIST_SIZE = 200;
    private static final int RESOLVED_SIZE = 50;

    /** What the page posts: the side to keep and why. */
    record Decision(String side, String reason) {}

    private final ConflictStore conflicts;
    private final ConflictViews views;
    private final ConflictResolution resolution;

    ConflictsApi(ConflictStore conflicts, ConflictViews views, ConflictResolution resolution) {
        this.conflicts = conflicts;
        this.views = views;
        this.resolution = resolution;
    }

    @GetMapping
    Map<String, Object> list() {
        return Map.of(
                "open", conflicts.open(LIST_SIZE).stream().map(views::open).toList(),
                "resolved",
                        conflicts.resolved(RESOLVED_SIZE).stream()
                                .map(views::summary)
                                .toList());
    }

    @PostMapping("/{id}/resolution")
    ResponseEntity<Map<String, Object>> resolve(
            Principal operator, @PathVariable long id, @RequestBody(required = false) Decision decision) {
        try {
            Conflict done = resolution.resolve(
                    id,
                    decision == null ? null : decision.side(),
                    decision == null ? null : decision.reason(),
                    operator.getName());
            return ResponseEntity.ok(views.summary(done));
        } catch (ResolutionRefused e) {
            return ResponseEntity.status(e.status()).body(Map.of("error", e.getMessage(), "errorEn", e.english()));
        }
    }
}
