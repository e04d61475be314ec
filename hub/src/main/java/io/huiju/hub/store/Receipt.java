package io.huiju.hub.store;

import java.time.Instant;

/** What became of one payload: its status and counts, as the department and the operator see them. */
public record Receipt(
        String payloadId,
        String department,
        String channel,
        String fileName,
        String sha256,
        String status,
        String duplicateOf,
        int received,
        int stored,
        int unchanged,
        int rejected,
        int conflicts,
        String warnings,
        String errorCode,
        String error,
        String archivePath,
        String feedbackPath,
        Instant receivedAt,
        Instant completedAt) {}
