package io.huiju.hub.console.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reminds overdue departments to report (催报) through every {@link Notifier}, and logs each delivery.
 *
 * <p>The job reminds a department at most once per reporting period and channel: a channel that reached the department
 * (by the job or by an operator) less than one period ago, or had nothing to send to (SKIPPED), is left out, so a daily
 * department hears at most once a day and a monthly one once a month, however often the job runs; a channel that
 * FAILED is tried again on the next run. An operator's reminder by hand is always sent, on every channel.
 */
@Component
class Reminders {

    static final String JOB = "job";
    private static final Logger LOG = LoggerFactory.getLogger(Reminders.class);

    /** Why a department was not reminded by hand. */
    enum Refusal {
        UNKNOWN_DEPARTMENT,
        NOT_OVERDUE
    }

    record Outcome(Refusal refusal, List<ReminderLog.Entry> entries) {}

    private final List<Notifier> notifiers;
    private final ReportingSchedule schedule;
    private final MonitorQueries queries;
    private final ReminderLog log;

    Reminders(List<Notifier> notifiers, ReportingSchedule schedule, MonitorQueries queries, ReminderLog log) {
        this.notifiers = notifiers;
        this.schedule = schedule;
        this.queries = queries;
        this.log = log;
    }

    /**
     * Every overdue department, through each channel that has not reached it (or found nothing to send to) within its
     * period; answers the departments reminded. A channel that failed is tried again on the next run, alone.
     */
    synchronized List<String> remindOverdue() {
        Map<String, Instant> settled = log.lastSettled();
        Instant now = schedule.now();
        List<String> done = new ArrayList<>();
        List<String> recently = new ArrayList<>();
        for (ReportingStatus s : schedule.statuses(queries.lastReports())) {
            if (!s.overdue()) {
                continue;
            }
            List<Notifier> due = notifiers.stream()
                    .filter(n -> !withinPeriod(s, settled.get(s.department() + "/" + n.channel()), now))
                    .toList();
            if (due.isEmpty()) {
                recently.add(s.department());
                continue;
            }
            remind(s, JOB, due);
            done.add(s.department());
        }
        if (done.isEmpty() && recently.isEmpty()) {
            LOG.info("Reminders: no department is overdue");
        } else {
            LOG.info(
                    "Reminders: {} overdue department(s) reminded {}{}",
                    done.size(),
                    done,
                    recently.isEmpty() ? "" : ", " + recently + " overdue but already reminded within their period");
        }
        return done;
    }

    /**
     * Counted in calendar days, not to the millisecond: a daily department reminded at 09:00:00.2 must be reminded again
     * by the next day's run at 09:00:00.1.
     */
    private boolean withinPeriod(ReportingStatus s, Instant last, Instant now) {
        return last != null
                && last.atZone(schedule.zone())
                        .toLocalDate()
                        .plus(s.frequency().period())
                        .isAfter(now.atZone(schedule.zone()).toLocalDate());
    }

    /** An operator's reminder: an overdue department only, since the text says it is overdue. */
    Outcome remindNow(String department, String operator) {
        Optional<ReportingStatus> status = schedule.status(department, queries.lastReports());
        if (status.isEmpty()) {
            return new Outcome(Refusal.UNKNOWN_DEPARTMENT, List.of());
        }
        if (!status.get().overdue()) {
            return new Outcome(Refusal.NOT_OVERDUE, List.of());
        }
        return new Outcome(null, remind(status.get(), operator, notifiers));
    }

    private List<ReminderLog.Entry> remind(ReportingStatus status, String triggeredBy, List<Notifier> channels) {
        Reminder reminder = ReminderText.of(status, triggeredBy, schedule.zone());
        List<ReminderLog.Entry> entries = new ArrayList<>();
        for (Notifier notifier : channels) {
            Delivery delivery;
            try {
                delivery = notifier.send(reminder);
            } catch (RuntimeException e) {
                // the SPI says a notifier answers FAILED instead; a bug in one must not silence the others
                LOG.warn("Reminders: notifier {} threw for {}", notifier.channel(), status.department(), e);
                delivery = Delivery.failed(null, e.toString());
            }
            ReminderLog.Entry entry = new ReminderLog.Entry(
                    schedule.now(),
                    status.department(),
                    notifier.channel(),
                    delivery.recipient(),
                    delivery.outcome(),
                    delivery.detail(),
                    triggeredBy);
            log.record(entry);
            entries.add(entry);
            LOG.info(
                    "Reminders: {} ({}) reminded via {} (asked by {}): {}{}",
                    status.department(),
                    status.name(),
                    notifier.channel(),
                    triggeredBy,
                    delivery.outcome(),
                    delivery.detail() == null ? "" : " (" + delivery.detail() + ")");
        }
        return entries;
    }
}
