package io.huiju.model;

import java.time.Instant;

/** Where a record came from: the department, its region, the channel, the payload and the row or line in it. */
public record Provenance(
        String department, String regionCode, Channel channel, String payloadId, long line, Instant receivedAt) {}
