package io.huiju.hub.sync;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the sync routes of a city or province hub (classpath {@code sync/sync.camel.yaml}): the relay of the sync
 * outbox and the receiver of the other hub's versions. A standalone hub (role NONE) starts neither, so it needs no
 * link and sends nothing.
 */
@Component
class SyncRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(SyncRoutes.class);

    private final CamelContext camel;
    private final SyncProperties sync;

    SyncRoutes(CamelContext camel, SyncProperties sync) {
        this.camel = camel;
        this.sync = sync;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() throws Exception {
        if (sync.getRole() == SyncProperties.Role.NONE) {
            return;
        }
        PluginHelper.getRoutesLoader(camel)
                .loadRoutes(ResourceHelper.resolveResource(camel, "classpath:sync/sync.camel.yaml"));
        TemplatedRouteBuilder.builder(camel, "sync-relay")
                .routeId("sync-relay")
                .parameter("interval", String.valueOf(sync.getRelayInterval().toMillis()))
                .add();
        TemplatedRouteBuilder.builder(camel, "sync-receive")
                .routeId("sync-receive")
                .add();
        LOG.info(
                "Sync as {} {}: receiving on {}, sending {}",
                sync.getRole().name().toLowerCase(),
                sync.getRegionCode(),
                sync.inboundAddress(),
                sync.getRole() == SyncProperties.Role.CITY
                        ? "up to " + sync.getUpAddress()
                        : "down to " + sync.getDownAddressPrefix() + "<city> for " + sync.getCities());
    }
}
