package io.huiju.model;

/**
 * One thing wrong with a record, in words a department can act on: the canonical field (or source column), a stable
 * code for machines, and a Chinese reason for people. Warnings are reported but do not reject the record.
 */
public record Violation(String field, String code, String reason, Severity severity) {

    public enum Severity {
        ERROR,
        WARNING
    }

    public static Violation error(String field, String code, String reason) {
        return new Violation(field, code, reason, Severity.ERROR);
    }

    public static Violation warning(String field, String code, String reason) {
        return new Violation(field, code, reason, Severity.WARNING);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
