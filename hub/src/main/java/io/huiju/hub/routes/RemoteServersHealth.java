package io.huiju.hub.routes;

import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.file.remote.RemoteFileEndpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.util.URISupport;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * The department servers the pull channels poll (FTP, FTPS, SFTP), in {@code /actuator/health}: every pull route with
 * whether its last poll reached the server and, if not, why. A department's server that is down is not the hub being
 * down, so the status is then {@code DEGRADED}: the root of {@code /actuator/health} does not count it (a load balancer
 * keeps the hub), the health group {@code remote-servers} answers 503 for it (monitoring alerts). Camel's own consumer
 * checks are kept out of {@code camelHealth} for the same reason ({@code camel.health.exclude-pattern} in
 * application.yml); this indicator still asks them.
 */
@Component("remoteServers")
class RemoteServersHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "a department server cannot be reached");

    private final CamelContext camel;

    RemoteServersHealth(CamelContext camel) {
        this.camel = camel;
    }

    @Override
    public Health health() {
        HealthCheckRegistry registry = HealthCheckRegistry.get(camel);
        Map<String, Object> routes = new TreeMap<>();
        int unreachable = 0;
        for (Route route : camel.getRoutes()) {
            if (route.getEndpoint() instanceof RemoteFileEndpoint<?> endpoint) {
                Map<String, Object> state = state(registry, route, endpoint);
                routes.put(route.getRouteId(), state);
                if ("DOWN".equals(state.get("state"))) {
                    unreachable++;
                }
            }
        }
        return Health.status(unreachable > 0 ? DEGRADED : Status.UP)
                .withDetail("unreachable", unreachable)
                .withDetails(routes)
                .build();
    }

    private static Map<String, Object> state(
            HealthCheckRegistry registry, Route route, RemoteFileEndpoint<?> endpoint) {
        Map<String, Object> state = new TreeMap<>();
        state.put("server", URISupport.sanitizeUri(endpoint.getEndpointBaseUri()));
        HealthCheck check = registry == null
                ? null
                : registry.getCheck("consumer:" + route.getRouteId()).orElse(null);
        if (check == null) {
            state.put("state", "UNKNOWN");
            return state;
        }
        HealthCheck.Result result = check.call();
        // DOWN without an error is "not polled yet" (just started): not counted as unreachable.
        boolean failing =
                result.getState() == HealthCheck.State.DOWN && result.getError().isPresent();
        state.put("state", failing ? "DOWN" : result.getState() == HealthCheck.State.UP ? "UP" : "STARTING");
        result.getMessage().filter(m -> failing).ifPresent(m -> state.put("message", m));
        result.getError().filter(e -> failing).ifPresent(e -> state.put("error", reasons(e)));
        return state;
    }

    /** The message with its causes' ("Cannot connect to ..." says less than the "HostKey has been changed" below). */
    private static String reasons(Throwable e) {
        StringBuilder reasons = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable t = e.getCause();
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t.getMessage() != null && !reasons.toString().contains(t.getMessage())) {
                reasons.append(" / ").append(t.getMessage());
            }
        }
        return reasons.toString();
    }
}
