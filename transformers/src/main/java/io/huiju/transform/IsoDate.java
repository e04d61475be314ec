package io.huiju.transform;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * {@code yyyy-MM-dd} read without a formatter. Dates are the commonest values in a credit record and the JDK's
 * formatter costs more than the rest of a field's cleaning; a real calendar check stays (2024-02-30 is refused).
 */
public final class IsoDate {

    private IsoDate() {}

    /** The date, or null when the text is not an ISO date of a real day. */
    public static LocalDate parse(String text) {
        if (text == null || text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
