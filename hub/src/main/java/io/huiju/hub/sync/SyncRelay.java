package io.huiju.hub.sync;

import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.support.JmsUtils;
import org.springframework.stereotype.Component;

/**
 * Hands the sync outbox to this hub's broker a round at a time (the sync-relay route calls it). A round of versions
 * is sent in one JMS transaction and marked sent in one statement once the broker committed it: one journal sync per
 * round instead of one per version, which is what lets a backlog drain at the bridge's pace. A crash between the
 * commit and the marking sends the round again; the broker's duplicate detection (_AMQ_DUPL_ID = record id:version)
 * and the receiver's version check take out the repeat.
 *
 * <p>Artemis refuses a whole transaction when one of its messages is a duplicate. A round that was (partly) sent
 * before is therefore sent again one version per send: the duplicates are dropped one by one and the new versions
 * among them still go.
 */
@Component("syncRelay")
class SyncRelay {

    private static final Logger LOG = LoggerFactory.getLogger(SyncRelay.class);

    /** Rounds one look sends at most before it lets the timer breathe (and a route stop get in). */
    private static final int MAX_ROUNDS = 20;

    private final SyncOutbox outbox;
    private final SyncProperties sync;
    private final JmsTemplate transacted;
    private final JmsTemplate oneByOne;

    SyncRelay(SyncOutbox outbox, SyncProperties sync, jakarta.jms.ConnectionFactory connections) {
        this.outbox = outbox;
        this.sync = sync;
        this.transacted = new JmsTemplate(connections);
        this.transacted.setSessionTransacted(true);
        this.oneByOne = new JmsTemplate(connections);
    }

    /** Sends rounds while full ones are waiting; returns how many versions went. */
    public int relay() throws JMSException {
        int sent = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<SyncOutbox.Entry> pending = outbox.pending(sync.getRelayBatch());
            if (pending.isEmpty()) {
                break;
            }
            send(pending);
            outbox.sent(pending.stream().map(SyncOutbox.Entry::id).toList());
            sent += pending.size();
            if (pending.size() < sync.getRelayBatch()) {
                break;
            }
        }
        return sent;
    }

    private void send(List<SyncOutbox.Entry> round) {
        try {
            transacted.execute(
                    session -> {
                        sendAll(session, round);
                        session.commit();
                        return null;
                    },
                    true);
        } catch (org.springframework.jms.JmsException e) {
            // Artemis answers a transaction holding a duplicate with a plain JMSException (AMQ229xxx, the duplicate
            // detection's rollback linked to it); a broker that is away fails again below, with its own cause.
            LOG.info(
                    "Sync relay: a round of {} versions failed as one transaction ({}); sending them one by one (a"
                            + " round sent before a restart but not marked holds versions the broker already has)",
                    round.size(),
                    e.getCause() instanceof JMSException jms ? JmsUtils.buildExceptionMessage(jms) : e.getMessage());
            oneByOne.execute(
                    session -> {
                        sendAll(session, round);
                        return null;
                    },
                    true);
        }
    }

    private void sendAll(Session session, List<SyncOutbox.Entry> round) throws JMSException {
        // Artemis asks the broker about the queue on every createQueue: once per destination and round, not per version
        Map<String, Queue> queues = new HashMap<>();
        try (MessageProducer producer = session.createProducer(null)) {
            for (SyncOutbox.Entry e : round) {
                Queue queue = queues.get(e.destination());
                if (queue == null) {
                    queue = session.createQueue(e.destination());
                    queues.put(e.destination(), queue);
                }
                TextMessage m = session.createTextMessage(e.body());
                m.setStringProperty("_AMQ_DUPL_ID", e.duplicateId());
                // versions of one subject stay in order even with several consumers
                m.setStringProperty("JMSXGroupID", e.subjectCode());
                m.setStringProperty(SyncMessages.SCHEMA_VERSION_HEADER, SyncMessages.SCHEMA_VERSION);
                m.setStringProperty(SyncMessages.ORIGIN_HEADER, sync.getRegionCode());
                m.setStringProperty("HuijuRecordId", e.recordId());
                m.setIntProperty("HuijuVersion", e.version());
                producer.send(queue, m);
            }
        }
    }
}
