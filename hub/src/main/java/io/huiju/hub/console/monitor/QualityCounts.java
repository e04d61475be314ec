package io.huiju.hub.console.monitor;

/**
 * The counts the four quality rates are made of, added up per department or per day (docs/CONSOLE.md "Quality"). A
 * rate with nothing to measure is null, shown as "—", never as 0 % or 100 %.
 */
final class QualityCounts {

    /** The four rates, each between 0 and 1, or null. */
    record Rates(Double completeness, Double validity, Double timeliness, Double consistency) {}

    long received;
    long rejected;
    long missingValues;
    long conflicts;
    long dated;
    long onTime;

    Rates rates() {
        long accepted = received - rejected;
        return new Rates(
                share(received - missingValues, received),
                share(accepted, received),
                share(onTime, dated),
                share(accepted - conflicts, accepted));
    }

    private static Double share(long part, long whole) {
        return whole <= 0 ? null : Math.max(0, Math.min(1, (double) part / whole));
    }
}
