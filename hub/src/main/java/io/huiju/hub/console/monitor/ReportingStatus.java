package io.huiju.hub.console.monitor;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a department stands against its reporting period: its last processed payload, when the next is due (last
 * report + period + grace) and whether that has passed. A department that never reported is overdue, with no due date.
 */
record ReportingStatus(
        String department,
        String name,
        String email,
        ReportingFrequency frequency,
        Instant lastReport,
        Instant dueBy,
        boolean overdue) {

    /** Whole days past the due date; null when on time or when there is no report to count from. */
    Long daysOverdue(Instant now) {
        return overdue && dueBy != null ? Duration.between(dueBy, now).toDays() : null;
    }
}
