package io.huiju.hub.pipeline;

import io.huiju.hub.config.HubProperties.Department;
import io.huiju.model.Channel;
import io.huiju.model.Provenance;
import java.nio.file.Path;
import java.time.Instant;

/** What the pipeline knows about the payload it is working on, from archiving to receipt. */
public record PayloadContext(
        String payloadId,
        Department department,
        Channel channel,
        String fileName,
        String mapping,
        Path archived,
        Path feedbackFile,
        Instant receivedAt) {

    public Provenance provenance(long line) {
        return new Provenance(department.getCode(), department.getRegionCode(), channel, payloadId, line, receivedAt);
    }
}
