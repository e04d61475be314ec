package io.huiju.hub.console.monitor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The scheduled reminders, on {@code huiju.monitor.reminders.cron} (09:00 on working days by default; {@code -}
 * schedules nothing). {@code huiju.monitor.reminders.enabled=false} removes the job; operators still remind by hand.
 * Scheduling is switched on here because nothing else in the hub schedules (Camel's consumers poll on their own).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(prefix = "huiju.monitor.reminders", name = "enabled", matchIfMissing = true)
public class ReminderJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderJob.class);

    private final Reminders reminders;

    ReminderJob(Reminders reminders, MonitorProperties properties) {
        this.reminders = reminders;
        String cron = properties.getReminders().getCron();
        if (Scheduled.CRON_DISABLED.equals(cron)) {
            LOG.info("Reminders: no schedule (cron '-'); operators remind overdue departments by hand");
        } else {
            LOG.info("Reminders: overdue departments are reminded on cron '{}'", cron);
        }
    }

    @Scheduled(cron = "${huiju.monitor.reminders.cron:0 0 9 * * MON-FRI}")
    public void run() {
        try {
            reminders.remindOverdue();
        } catch (RuntimeException e) {
            // the scheduler would log it with no context and try again next time anyway
            LOG.error("Reminders: the reminder job failed; it runs again on its next schedule", e);
        }
    }
}
