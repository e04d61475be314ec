package io.huiju.hub.console.monitor;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The operators' dashboard and the reminders (催报), under {@code huiju.monitor.*}. A department's reporting period is
 * its {@code huiju.departments[].frequency}; its e-mail address is {@code huiju.departments[].email}; the SMTP server is
 * Spring Boot's {@code spring.mail.*} (docs/OPERATIONS.md).
 */
@Validated
@ConfigurationProperties("huiju.monitor")
public class MonitorProperties {

    /** Slack after a department's period before it counts as overdue: a daily department is overdue after 2 days. */
    @NotNull
    private Duration grace = Duration.ofDays(1);

    /** The dashboard's counts, rates and charts cover the payloads received within this long. */
    @NotNull
    private Duration window = Duration.ofDays(30);

    /** 双公示: a decision is on time when it reaches the hub within this many working days (Mon–Fri). */
    @Min(1)
    private int timelyWorkingDays = 7;

    @Valid
    private Reminders reminders = new Reminders();

    public static class Reminders {
        /** Off: no scheduled reminders (operators can still remind by hand). */
        private boolean enabled = true;

        /** When the job looks for overdue departments (Spring cron, the hub's time zone): 09:00 on working days. */
        @NotBlank
        private String cron = "0 0 9 * * MON-FRI";

        /** The sender of reminder e-mails. */
        @NotBlank
        private String mailFrom = "huiju-noreply@localhost";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getCron() {
            return cron;
        }

        public void setCron(String cron) {
            this.cron = cron;
        }

        public String getMailFrom() {
            return mailFrom;
        }

        public void setMailFrom(String mailFrom) {
            this.mailFrom = mailFrom;
        }
    }

    public Duration getGrace() {
        return grace;
    }

    public void setGrace(Duration grace) {
        this.grace = grace;
    }

    public Duration getWindow() {
        return window;
    }

    public void setWindow(Duration window) {
        this.window = window;
    }

    public int getTimelyWorkingDays() {
        return timelyWorkingDays;
    }

    public void setTimelyWorkingDays(int timelyWorkingDays) {
        this.timelyWorkingDays = timelyWorkingDays;
    }

    public Reminders getReminders() {
        return reminders;
    }

    public void setReminders(Reminders reminders) {
        this.reminders = reminders;
    }
}
