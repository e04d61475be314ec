package io.huiju.hub.console.monitor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Reminders by e-mail to {@code huiju.departments[].email}, through the SMTP server of {@code spring.mail.*}. Spring
 * Boot creates the mail sender only when {@code spring.mail.host} is set: without it this channel is off, said once in
 * the log at start-up and on each reminder's log row (SKIPPED), never an error.
 */
@Component
@Order(2)
class EmailNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(EmailNotifier.class);

    private final JavaMailSender mail;
    private final String from;

    EmailNotifier(ObjectProvider<JavaMailSender> mail, MonitorProperties properties) {
        this.mail = mail.getIfAvailable();
        this.from = properties.getReminders().getMailFrom();
        if (this.mail == null) {
            LOG.info("Reminders: e-mail is off (spring.mail.host is not set); departments are reminded in the console");
        }
    }

    @Override
    public String channel() {
        return "EMAIL";
    }

    @Override
    public Delivery send(Reminder reminder) {
        if (mail == null) {
            return Delivery.skipped("e-mail is off: spring.mail.host is not set");
        }
        if (reminder.email() == null || reminder.email().isBlank()) {
            return Delivery.skipped("no e-mail address: huiju.departments[" + reminder.department() + "].email");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(reminder.email());
        message.setSubject(reminder.subject());
        message.setText(reminder.body());
        try {
            mail.send(message);
            return Delivery.sent(reminder.email());
        } catch (MailException e) {
            LOG.warn("Reminders: e-mail to {} ({}) failed: {}", reminder.email(), reminder.department(), e.toString());
            return Delivery.failed(reminder.email(), e.getMessage());
        }
    }
}
