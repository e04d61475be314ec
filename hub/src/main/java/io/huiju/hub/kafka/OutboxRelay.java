package io.huiju.hub.kafka;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Publishes the outbox (see {@link io.huiju.hub.store.Outbox}) to the outbound topic: each accepted record version as
 * its canonical JSON, keyed by subject code, with headers {@code huiju-record-id} and {@code huiju-version}; marked
 * published once Kafka acknowledged it; and purges the versions published longer ago than the retention. Written in Java, not in routes/, because it exists only when brokers are
 * configured: a Kafka producer without brokers cannot start, and the first run needs no Kafka.
 */
@Component
class OutboxRelay {

    private final CamelContext camel;
    private final String brokers;

    OutboxRelay(CamelContext camel, @Value("${huiju.kafka.brokers:}") String brokers) {
        this.camel = camel;
        this.brokers = brokers;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() throws Exception {
        if (brokers.isBlank()) {
            return;
        }
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:outbox-relay?period={{huiju.kafka.outbound.interval-ms:1000}}")
                        .routeId("outbox-relay")
                        .bean("outbox", "pending({{huiju.kafka.outbound.batch:500}})")
                        .split(body())
                        .stopOnException()
                        .setProperty("HuijuOutboxId", simple("${body.id}"))
                        .setHeader(KafkaConstants.KEY, simple("${body.subjectCode}"))
                        .setHeader("huiju-record-id", simple("${body.recordId}"))
                        .setHeader("huiju-version", simple("${body.version}"))
                        .setBody(simple("${body.body}"))
                        .to("kafka:{{huiju.kafka.outbound.topic:huiju.credit.records}}?brokers={{huiju.kafka.brokers}}"
                                + "&requestRequiredAcks=all&enableIdempotence=true")
                        .id("publish")
                        .bean("outbox", "published(${exchangeProperty.HuijuOutboxId})")
                        .end();
                // published versions are kept huiju.kafka.outbound.retention (default 7 days), then deleted
                from("timer:outbox-purge?delay={{huiju.kafka.outbound.purge-interval-ms:3600000}}"
                                + "&period={{huiju.kafka.outbound.purge-interval-ms:3600000}}")
                        .routeId("outbox-purge")
                        .bean("outbox", "purge")
                        .id("purge");
            }
        });
    }
}
