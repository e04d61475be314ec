package io.huiju.hub.console.monitor;

/**
 * One way of reminding a department to report (催报): e-mail, a notice in the console, and whatever comes next (SMS, a
 * government messaging app). {@link Reminders} calls every notifier for every reminder and logs each delivery.
 *
 * <p>Implementations must be thread-safe (the job and an operator may remind at the same time) and must not throw for
 * a reminder that cannot be delivered: they answer {@link Delivery#failed} or {@link Delivery#skipped} with the reason,
 * so one broken channel never keeps the others from reminding.
 */
public interface Notifier {

    /** The name written in {@code reminder_log.channel}, e.g. {@code EMAIL}. */
    String channel();

    Delivery send(Reminder reminder);
}
