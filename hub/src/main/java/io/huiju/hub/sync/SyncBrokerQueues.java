package io.huiju.hub.sync;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.JmsException;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * What waits on this hub's own broker for the bridge to the other one: the age of the oldest message on each address
 * this hub sends to. A version the relay handed over leaves the hub's outbox at once, so a bridge that cannot reach
 * the other broker, or cannot log in to it, shows only here: its queue keeps messages that grow old. Read by browsing
 * the first message (the hub's role may browse huiju.*), which leaves it where it is.
 */
@Component
class SyncBrokerQueues {

    private static final Logger LOG = LoggerFactory.getLogger(SyncBrokerQueues.class);

    /** A queue this hub sends to and how long its oldest message has waited there. */
    record Waiting(String queue, Duration age) {}

    private final SyncProperties sync;
    private final JmsTemplate jms;

    SyncBrokerQueues(SyncProperties sync, ConnectionFactory connections) {
        this.sync = sync;
        this.jms = new JmsTemplate(connections);
    }

    /** The outbound queue whose oldest message has waited longest, if any holds one and the broker answers. */
    Optional<Waiting> oldest(Instant now) {
        Optional<Waiting> oldest = Optional.empty();
        for (String queue : outbound()) {
            Optional<Waiting> waiting = oldestOn(queue, now);
            if (waiting.isPresent()
                    && (oldest.isEmpty()
                            || waiting.get().age().compareTo(oldest.get().age()) > 0)) {
                oldest = waiting;
            }
        }
        return oldest;
    }

    private List<String> outbound() {
        return sync.getRole() == SyncProperties.Role.CITY
                ? List.of(sync.getUpAddress())
                : sync.getCities().stream().map(sync::downAddress).toList();
    }

    private Optional<Waiting> oldestOn(String queue, Instant now) {
        try {
            Long sentAt = jms.browse(queue, (session, browser) -> {
                var messages = browser.getEnumeration();
                return messages.hasMoreElements() ? ((Message) messages.nextElement()).getJMSTimestamp() : null;
            });
            return sentAt == null || sentAt == 0
                    ? Optional.empty()
                    : Optional.of(new Waiting(queue, Duration.between(Instant.ofEpochMilli(sentAt), now)));
        } catch (JmsException e) {
            // the broker away or the login refused: the relay's failure says so already
            LOG.debug("Sync link health: cannot browse {}: {}", queue, e.getMessage());
            return Optional.empty();
        }
    }
}
