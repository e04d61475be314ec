package io.huiju.hub.frontdb;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Front-end database feeds in {@code /actuator/health}: each one's failed polls in a row and the last reason. A feed
 * that fails does not make the hub DOWN (the other channels work), but the reason is one look away.
 */
@Component("frontDb")
class FrontDbHealth implements HealthIndicator {

    private final FrontDbPoller poller;

    FrontDbHealth(FrontDbPoller poller) {
        this.poller = poller;
    }

    @Override
    public Health health() {
        Map<String, Object> feeds = new LinkedHashMap<>();
        long failing = 0;
        for (Map.Entry<String, FrontDbPoller.State> e : poller.states().entrySet()) {
            FrontDbPoller.State s = e.getValue();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("failures", s.failures());
            detail.put("lastError", s.lastError() == null ? "" : s.lastError());
            detail.put("lastPayload", s.lastPayload() == null ? "" : s.lastPayload());
            detail.put(
                    "lastSuccess",
                    s.lastSuccess() == null ? "" : s.lastSuccess().toString());
            detail.put("rowsWithoutKey", s.rowsWithoutKey());
            feeds.put(e.getKey(), detail);
            if (s.failures() > 0) {
                failing++;
            }
        }
        return Health.up().withDetail("failing", failing).withDetails(feeds).build();
    }
}
