package io.huiju.hub.console.monitor;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working days for the 双公示 timeliness rule, counted Monday to Friday. Public holidays and the weekends worked in
 * exchange (调休) are not known to the hub, so a decision made before a holiday gets less slack than the rule gives.
 */
final class WorkingDays {

    private WorkingDays() {}

    /** Whether {@code received} is at most {@code days} working days after {@code decided} (same day included). */
    static boolean within(LocalDate decided, LocalDate received, int days) {
        return !received.isAfter(plus(decided, days));
    }

    static LocalDate plus(LocalDate date, int days) {
        LocalDate d = date;
        for (int left = days; left > 0; ) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }
}
