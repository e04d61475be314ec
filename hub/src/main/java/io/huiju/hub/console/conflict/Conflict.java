package io.huiju.hub.console.conflict;

import java.time.Instant;

/** One row of the conflict table: the incoming content the store would not write, and what became of it. */
public record Conflict(
        long id,
        String naturalKey,
        String recordId,
        String library,
        int currentVersion,
        String currentDepartment,
        String incomingDepartment,
        String incomingPayloadId,
        long incomingLine,
        String incomingBody,
        String status,
        Instant createdAt,
        String resolution,
        String reason,
        String resolvedBy,
        Instant resolvedAt,
        Integer resolvedVersion) {

    public boolean open() {
        return "OPEN".equals(status);
    }
}
