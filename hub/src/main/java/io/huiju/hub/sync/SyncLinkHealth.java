package io.huiju.hub.sync;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The city-province link in {@code /actuator/health}: versions waiting in the sync outbox and how long the oldest has
 * waited, and whether the sync routes run. {@code DEGRADED} when a version has waited longer than
 * {@code huiju.sync.max-unsent-age}, or the relay's last look failed to hand versions to this hub's broker (the broker
 * away, or refusing the hub's login: {@code sendFailure} says why), or the receiver cannot consume from it
 * ({@code receiveFailure}), or a message has waited longer than that on this hub's broker for the bridge
 * ({@code oldestOnBrokerSeconds}: the bridge cannot reach the other broker or log in to it), or a sync route is not started; the root
 * of the health endpoint does not count that (the hub still takes department data), {@code /actuator/health/sync-link}
 * answers 503 (profiles city and province).
 */
@Component("syncLink")
class SyncLinkHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "the link to the other hub is not moving");

    private final SyncProperties sync;
    private final JdbcTemplate jdbc;
    private final CamelContext camel;
    private final Clock clock;
    private final SyncOutbox outbox;
    private final SyncInbox inbox;
    private final SyncBrokerQueues brokerQueues;

    SyncLinkHealth(
            SyncProperties sync,
            JdbcTemplate jdbc,
            CamelContext camel,
            Clock clock,
            SyncOutbox outbox,
            SyncInbox inbox,
            SyncBrokerQueues brokerQueues) {
        this.sync = sync;
        this.inbox = inbox;
        this.brokerQueues = brokerQueues;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.camel = camel;
        this.clock = clock;
    }

    @Override
    public Health health() {
        if (sync.getRole() == SyncProperties.Role.NONE) {
            return Health.up().withDetail("role", "none").build();
        }
        Map<String, Object> waiting = jdbc.queryForMap(
                "SELECT COUNT(*) AS unsent, MIN(created_at) AS oldest FROM sync_outbox WHERE sent_at IS NULL");
        Duration age = waiting.get("oldest") instanceof Timestamp oldest
                ? Duration.between(oldest.toInstant(), clock.instant())
                : Duration.ZERO;
        ServiceStatus relay = camel.getRouteController().getRouteStatus("sync-relay");
        ServiceStatus receive = camel.getRouteController().getRouteStatus("sync-receive");
        SyncOutbox.Failure failure = outbox.lastFailure();
        String receiveFailure = inbox.failure();
        // not asked while the broker is known to be away or refusing the hub: the answer would only wait for timeouts
        Optional<SyncBrokerQueues.Waiting> onBroker =
                failure == null && receiveFailure == null ? brokerQueues.oldest(clock.instant()) : Optional.empty();
        boolean bridged = onBroker.isEmpty() || onBroker.get().age().compareTo(sync.getMaxUnsentAge()) <= 0;
        boolean moving = age.compareTo(sync.getMaxUnsentAge()) <= 0
                && bridged
                && failure == null
                && receiveFailure == null
                && relay == ServiceStatus.Started
                && receive == ServiceStatus.Started;
        Health.Builder health = Health.status(moving ? Status.UP : DEGRADED);
        if (failure != null) {
            health.withDetail("sendFailure", failure.cause())
                    .withDetail(
                            "sendFailingSeconds",
                            Duration.between(failure.since(), clock.instant()).toSeconds());
        }
        onBroker.ifPresent(oldest -> health.withDetail("waitingOnBroker", oldest.queue())
                .withDetail("oldestOnBrokerSeconds", oldest.age().toSeconds()));
        if (!bridged) {
            health.withDetail(
                    "bridge",
                    "versions wait on this hub's broker: its bridge cannot reach the other broker or log in to it"
                            + " (the broker's log says which)");
        }
        if (receiveFailure != null) {
            health.withDetail("receiveFailure", receiveFailure);
        }
        return health.withDetail("role", sync.getRole().name().toLowerCase())
                .withDetail("regionCode", sync.getRegionCode())
                .withDetail("receivingOn", sync.inboundAddress())
                .withDetail("unsent", ((Number) waiting.get("unsent")).longValue())
                .withDetail("oldestUnsentSeconds", age.toSeconds())
                .withDetail("relay", String.valueOf(relay))
                .withDetail("receive", String.valueOf(receive))
                .build();
    }
}
