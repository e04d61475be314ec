package io.huiju.hub.sync;

/**
 * A sync message that no retry can store (unknown schema version, corrupt body, a city the province does not serve):
 * it goes to the dead-letter queue with this reason at once, instead of being redelivered until the broker gives up.
 */
public class SyncMessageRejected extends RuntimeException {

    public SyncMessageRejected(String reason) {
        super(reason);
    }

    public SyncMessageRejected(String reason, Throwable cause) {
        super(reason, cause);
    }
}
