package io.huiju.transform.validate;

import static io.huiju.transform.CanonicalField.*;

import io.huiju.transform.CanonicalField;
import java.time.LocalDate;

/**
 * Decisions and list entries cannot be dated after today, and a period cannot end before it starts (CREDIT-DATA
 * §6.2). Fields of other categories read as absent, so each pair only applies where it exists.
 */
final class DateOrderRule implements Rule {

    @Override
    public void check(Inspection in) {
        notAfterToday(in, DECISION_DATE);
        notAfterToday(in, LIST_INCLUSION_DATE);
        notBefore(in, DECISION_VALID_TO, DECISION_VALID_FROM);
        notBefore(in, DECISION_VALID_TO, DECISION_DATE);
        notBefore(in, PENALTY_PUBLICITY_DEADLINE, DECISION_DATE);
        notBefore(in, LIST_REMOVAL_DATE, LIST_INCLUSION_DATE);
    }

    private static void notAfterToday(Inspection in, CanonicalField field) {
        LocalDate date = in.date(field);
        if (date != null && date.isAfter(in.today())) {
            in.error(field, "DATE_IN_FUTURE", in.quoted(field, date.toString()) + "晚于今天（" + in.today() + "）");
        }
    }

    private static void notBefore(Inspection in, CanonicalField later, CanonicalField earlier) {
        LocalDate end = in.date(later);
        LocalDate start = in.date(earlier);
        if (end != null && start != null && end.isBefore(start)) {
            in.error(
                    later,
                    "DATE_ORDER",
                    in.quoted(later, end.toString()) + "早于" + in.quoted(earlier, start.toString()));
        }
    }
}
