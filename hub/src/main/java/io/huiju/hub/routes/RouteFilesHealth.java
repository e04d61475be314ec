package io.huiju.hub.routes;

import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Route files in {@code /actuator/health}: every file with what it loaded or why it was rejected. A rejected file
 * does not make the hub DOWN (the other feeds work, and a load balancer must not take the hub away for it), but its
 * reason is one look away for the operator.
 */
@Component("routeFiles")
class RouteFilesHealth implements HealthIndicator {

    private final RouteFileLoader loader;

    RouteFilesHealth(RouteFileLoader loader) {
        this.loader = loader;
    }

    @Override
    public Health health() {
        Map<String, String> files = loader.status();
        long rejected =
                files.values().stream().filter(s -> s.startsWith("rejected")).count();
        return Health.up()
                .withDetail("rejected", rejected)
                .withDetails(Map.<String, Object>copyOf(files))
                .build();
    }
}
