package io.huiju.hub.console.monitor;

/** A reminder to one department: whom it goes to, and its text (Chinese: it is read by department staff). */
public record Reminder(String department, String departmentName, String email, String subject, String body) {}
