package io.huiju.hub.kafka;

import io.huiju.hub.store.Outbox;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Publishes the outbox (see {@link io.huiju.hub.store.Outbox}) to the outbound topic: each accepted record version as
 * its canonical JSON, keyed by subject code, with headers {@code huiju-record-id} and {@code huiju-version}; marked
 * published once Kafka acknowledged it; and purges the versions published longer ago than the retention. Written in
 * Java, not in routes/, because it exists only when brokers are configured: a Kafka producer without brokers cannot
 * start, and the first run needs no Kafka.
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
                // A round sends up to a batch of versions as one list (the Kafka component sends them all, in order,
                // and waits for every acknowledgement), then marks them published in one statement; a full round
                // means more are waiting, so the next one follows at once instead of after the timer's period.
                // A send that fails marks nothing: the round is sent again (at least once). The send is synchronous:
                // asynchronous, the timer started the next round before this one was acknowledged and marked, so
                // rounds piled up resending the same versions (the hub ran out of heap in bench/run.sh --kafka).
                from("timer:outbox-relay?period={{huiju.kafka.outbound.interval-ms:1000}}")
                        .routeId("outbox-relay")
                        .setProperty("HuijuOutboxMore", constant(true))
                        .loopDoWhile(exchangeProperty("HuijuOutboxMore"))
                        .bean("outbox", "pending({{huiju.kafka.outbound.batch:500}})")
                        .setProperty(
                                "HuijuOutboxMore",
                                simple("${body.size} >= ${properties:huiju.kafka.outbound.batch:500}", Boolean.class))
                        .filter(simple("${body.size} > 0"))
                        .setProperty("HuijuOutboxIds", method(OutboxRelay.this, "ids"))
                        .bean(OutboxRelay.this, "records")
                        .to(
                                "kafka:{{huiju.kafka.outbound.topic:huiju.credit.records}}?brokers={{huiju.kafka.brokers}}"
                                        + "&requestRequiredAcks=all&enableIdempotence=true&batchWithIndividualHeaders=true&synchronous=true")
                        .id("publish")
                        .bean("outbox", "published(${exchangeProperty.HuijuOutboxIds})")
                        .end()
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

    public List<Long> ids(List<Outbox.Entry> entries) {
        return entries.stream().map(Outbox.Entry::id).toList();
    }

    /** One Kafka record per version: the body as stored, keyed by subject code, id and version as headers. */
    public List<Message> records(List<Outbox.Entry> entries) {
        return entries.stream().map(this::record).toList();
    }

    private Message record(Outbox.Entry e) {
        Message m = new DefaultMessage(camel);
        m.setBody(e.body());
        m.setHeader(KafkaConstants.KEY, e.subjectCode());
        m.setHeader("huiju-record-id", e.recordId());
        m.setHeader("huiju-version", e.version());
        return m;
    }
}
