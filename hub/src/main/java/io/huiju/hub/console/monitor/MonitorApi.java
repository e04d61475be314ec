package io.huiju.hub.console.monitor;

import io.huiju.hub.console.AuditLog;
import io.huiju.hub.console.ConsoleUser;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's JSON and the operator's reminder button ({@code /console/api/monitor/**}: operators and admins only,
 * see ConsoleSecurity), and the notices of a department user's own department ({@code /console/api/notices}).
 */
@RestController
@RequestMapping("/console/api")
class MonitorApi {

    private final Dashboard dashboard;
    private final Reminders reminders;
    private final ConsoleNotices notices;
    private final MonitorQueries queries;
    private final AuditLog audit;

    MonitorApi(
            Dashboard dashboard, Reminders reminders, ConsoleNotices notices, MonitorQueries queries, AuditLog audit) {
        this.dashboard = dashboard;
        this.reminders = reminders;
        this.notices = notices;
        this.queries = queries;
        this.audit = audit;
    }

    @GetMapping("/monitor/dashboard")
    Dashboard.View dashboard() {
        return dashboard.view();
    }

    @PostMapping("/monitor/reminders/{department}")
    ResponseEntity<Map<String, Object>> remind(
            @AuthenticationPrincipal ConsoleUser user, @PathVariable String department) {
        Reminders.Outcome outcome = reminders.remindNow(department, user.getUsername());
        if (outcome.refusal() == Reminders.Refusal.UNKNOWN_DEPARTMENT) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "没有这个部门：" + department));
        }
        if (outcome.refusal() == Reminders.Refusal.NOT_OVERDUE) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "该部门未逾期，无需催报：" + department));
        }
        audit.record(
                user.getUsername(),
                null,
                AuditLog.Action.REMIND,
                null,
                department + ": "
                        + outcome.entries().stream()
                                .map(e -> e.channel() + " " + e.outcome())
                                .collect(Collectors.joining(", ")));
        return ResponseEntity.ok(Map.of("reminders", outcome.entries()));
    }

    /** A department user's open notices (催报); platform staff have no department and get none. */
    @GetMapping("/notices")
    List<ConsoleNotices.Notice> notices(@AuthenticationPrincipal ConsoleUser user) {
        if (user.department() == null) {
            return List.of();
        }
        return notices.open(user.department(), queries.lastReport(user.department()));
    }
}
