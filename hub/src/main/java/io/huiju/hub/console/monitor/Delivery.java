package io.huiju.hub.console.monitor;

/** What became of a reminder on one channel: SENT, SKIPPED (nothing to send to, channel off) or FAILED. */
public record Delivery(String outcome, String recipient, String detail) {

    public static Delivery sent(String recipient) {
        return new Delivery("SENT", recipient, null);
    }

    public static Delivery skipped(String reason) {
        return new Delivery("SKIPPED", null, reason);
    }

    public static Delivery failed(String recipient, String reason) {
        return new Delivery("FAILED", recipient, reason);
    }
}
