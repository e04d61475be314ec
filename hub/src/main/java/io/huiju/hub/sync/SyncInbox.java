package io.huiju.hub.sync;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * The receiving end of the link: one transacted JMS session on this hub's inbound sync address, used by the
 * sync-receive route's one thread. Messages are taken in batches and stay the broker's until {@link #commit()}, which
 * the receiver calls once the batch is in the database; {@link #rollback()} gives them back for redelivery.
 *
 * <p>Also the route's policy: when an operator stops or suspends sync-receive, the session is closed, so the messages
 * this consumer had buffered go back to the queue, where Hawtio shows them waiting. A broken connection is closed the
 * same way and opened again on a later look, after {@link #RETRY} (the link health shows the cause meanwhile).
 */
@Component("syncInbox")
class SyncInbox extends RoutePolicySupport {

    private static final Logger LOG = LoggerFactory.getLogger(SyncInbox.class);
    static final Duration RETRY = Duration.ofSeconds(5);
    /** How long a batch waits for its next message before it is stored as it is. */
    private static final long TRICKLE_MILLIS = 20;

    private final ConnectionFactory connections;
    private final SyncProperties sync;

    private Connection connection;
    private Session session;
    private MessageConsumer consumer;
    private long retryAt;
    private volatile String failure;

    SyncInbox(ConnectionFactory connections, SyncProperties sync) {
        // Not Spring's caching factory: it keeps "closed" consumers open, holding their buffered messages.
        this.connections =
                connections instanceof SingleConnectionFactory cached && cached.getTargetConnectionFactory() != null
                        ? cached.getTargetConnectionFactory()
                        : connections;
        this.sync = sync;
    }

    /** Up to max messages: waits up to wait for the first, then takes what follows without a pause. */
    synchronized List<Message> next(int max, Duration wait) throws JMSException, InterruptedException {
        long pause = retryAt - System.currentTimeMillis();
        if (pause > 0) {
            Thread.sleep(Math.min(pause, wait.toMillis()));
            return Collections.emptyList();
        }
        try {
            open();
            Message first = consumer.receive(wait.toMillis());
            if (first == null) {
                return Collections.emptyList();
            }
            List<Message> batch = new ArrayList<>();
            batch.add(first);
            while (batch.size() < max) {
                Message m = consumer.receive(TRICKLE_MILLIS);
                if (m == null) {
                    break;
                }
                batch.add(m);
            }
            return batch;
        } catch (JMSException e) {
            broken(e);
            throw e;
        }
    }

    /** Puts a message no retry can store on huiju.DLQ with its reason, in the batch's transaction. */
    synchronized void deadLetter(Message message, String reason) throws JMSException {
        TextMessage copy = session.createTextMessage(message instanceof TextMessage text ? text.getText() : null);
        for (Object property : Collections.list(message.getPropertyNames())) {
            String name = (String) property;
            // the broker's own delivery properties cannot be set on a new message
            if (!name.startsWith("JMSX") || name.equals("JMSXGroupID")) {
                copy.setObjectProperty(name, message.getObjectProperty(name));
            }
        }
        copy.setStringProperty("HuijuDeadLetterReason", reason);
        try (MessageProducer producer = session.createProducer(session.createQueue("huiju.DLQ"))) {
            producer.send(copy);
        }
    }

    synchronized void commit() throws JMSException {
        try {
            session.commit();
        } catch (JMSException e) {
            broken(e);
            throw e;
        }
    }

    synchronized void rollback() {
        if (session == null) {
            return;
        }
        try {
            session.rollback();
        } catch (JMSException e) {
            broken(e);
        }
    }

    /** Why the last look could not receive, or null. */
    String failure() {
        return failure;
    }

    @Override
    public void onStop(Route route) {
        release();
    }

    @Override
    public void onSuspend(Route route) {
        release();
    }

    synchronized void release() {
        if (connection != null) {
            try {
                connection.close(); // closes the session: what it had not committed goes back to the queue
            } catch (JMSException e) {
                LOG.debug("Sync inbox: closing the connection failed", e);
            }
        }
        connection = null;
        session = null;
        consumer = null;
    }

    private void open() throws JMSException {
        if (consumer != null) {
            return;
        }
        connection = connections.createConnection();
        connection.setExceptionListener(e -> failure = e.getMessage());
        session = connection.createSession(Session.SESSION_TRANSACTED);
        consumer = session.createConsumer(session.createQueue(sync.inboundAddress()));
        connection.start();
        if (failure != null) {
            LOG.info("Sync inbox: receiving on {} again", sync.inboundAddress());
            failure = null;
        }
    }

    private void broken(JMSException e) {
        if (failure == null) {
            LOG.warn(
                    "Sync inbox: cannot receive on {}, trying again every {} s: {}",
                    sync.inboundAddress(),
                    RETRY.toSeconds(),
                    e.getMessage());
        }
        failure = e.getMessage();
        retryAt = System.currentTimeMillis() + RETRY.toMillis();
        release();
    }
}
