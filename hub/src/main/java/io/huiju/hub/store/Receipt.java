package io.huiju.hub.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * What became of one payload: its status and counts, as the department and the operator see them. The hub's own paths
 * stay out of its JSON, which departments receive.
 */
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
        @JsonIgnore String archivePath,
        @JsonIgnore String feedbackPath,
        Instant receivedAt,
        Instant completedAt) {}
