package io.huiju.hub.console.monitor;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/** How often a department must report, from {@code huiju.departments[].frequency}: a name or an ISO-8601 period. */
record ReportingFrequency(String configured, Period period) {

    private static final Map<String, Period> NAMED = Map.of(
            "DAILY", Period.ofDays(1),
            "WEEKLY", Period.ofDays(7),
            "MONTHLY", Period.ofMonths(1),
            "QUARTERLY", Period.ofMonths(3));

    /** Fails with the department and the accepted forms, so a typo stops the hub at start-up, not the dashboard. */
    static ReportingFrequency of(String department, String configured) {
        String value = configured == null ? "WEEKLY" : configured.trim().toUpperCase(Locale.ROOT);
        Period named = NAMED.get(value);
        if (named != null) {
            return new ReportingFrequency(value, named);
        }
        try {
            Period period = Period.parse(value);
            if (period.isNegative() || period.isZero()) {
                throw new DateTimeParseException("not positive", value, 0);
            }
            return new ReportingFrequency(value, period);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("huiju.departments[" + department + "].frequency '" + configured
                    + "' is neither DAILY, WEEKLY, MONTHLY, QUARTERLY nor a positive ISO-8601 period such as P1D, P7D,"
                    + " P1M");
        }
    }
}
