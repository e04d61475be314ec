package io.huiju.hub.frontdb;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;

/**
 * One department's exchange table, as its {@code frontdb-poll} route instance describes it. Table and column names end
 * up in SQL as identifiers (a prepared statement cannot bind them), so they are checked to be plain names first; so
 * are the flag values, which go into the SQL as literals (see {@link Flag}).
 */
record FrontDbFeed(
        String department,
        String url,
        String username,
        String password,
        String table,
        Mode mode,
        String timestampColumn,
        Flag flag,
        List<String> keyColumns,
        int batchSize,
        Duration lookBack,
        Duration interval,
        Duration queryTimeout,
        String feedbackTable,
        boolean createFeedbackTable) {

    /** How the hub tells new rows from taken ones. */
    enum Mode {
        /** Update timestamp and key after a watermark kept in the hub's store; the hub never writes the table. */
        TIMESTAMP,
        /** A status column the department sets to "new" and the hub sets to "taken" or "rejected". */
        FLAG
    }

    /**
     * The status column of flag mode and its three values. The values are written into the SQL as quoted literals, not
     * bound: a literal takes the column's type on every database ({@code smallint = '0'} works on PostgreSQL, a bound
     * string does not), so the same feed works whether the department made the column a number or a character.
     */
    record Flag(String column, String fresh, String taken, String rejected) {

        private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_]{1,32}");

        Flag {
            identifier(column);
            for (String v : List.of(fresh, taken, rejected)) {
                if (!VALUE.matcher(v).matches()) {
                    throw new IllegalArgumentException(
                            "frontdb-poll: flag value “" + v + "” must be letters, digits or _ (at most 32)");
                }
            }
            if (fresh.equals(taken) || fresh.equals(rejected)) {
                throw new IllegalArgumentException(
                        "frontdb-poll: flagTaken and flagRejected must differ from flagNew (" + fresh + ")");
            }
        }

        static String literal(String value) {
            return "'" + value + "'";
        }
    }

    /** Exchange properties the template sets, one per parameter. */
    static final String PREFIX = "HuijuFrontDb.";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

    FrontDbFeed {
        identifier(table);
        identifier(timestampColumn);
        identifier(feedbackTable);
        if (queryTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException(
                    "frontdb-poll " + department + ": queryTimeoutSeconds must be at least 1");
        }
        if (keyColumns.isEmpty()) {
            throw new IllegalArgumentException("frontdb-poll " + department + ": keyColumns must name at least one");
        }
        keyColumns.forEach(FrontDbFeed::identifier);
        if (batchSize < 1) {
            throw new IllegalArgumentException("frontdb-poll " + department + ": batchSize must be at least 1");
        }
    }

    static FrontDbFeed of(Exchange exchange) {
        return new FrontDbFeed(
                get(exchange, "department"),
                get(exchange, "url"),
                get(exchange, "username"),
                get(exchange, "password"),
                get(exchange, "table"),
                mode(get(exchange, "mode")),
                get(exchange, "timestampColumn"),
                new Flag(
                        get(exchange, "flagColumn"),
                        get(exchange, "flagNew"),
                        get(exchange, "flagTaken"),
                        get(exchange, "flagRejected")),
                List.of(get(exchange, "keyColumns").split("\\s*,\\s*")),
                Integer.parseInt(get(exchange, "batchSize")),
                Duration.ofSeconds(Long.parseLong(get(exchange, "lookBackSeconds"))),
                Duration.ofMillis(Long.parseLong(get(exchange, "delay"))),
                Duration.ofSeconds(Long.parseLong(get(exchange, "queryTimeoutSeconds"))),
                get(exchange, "feedbackTable"),
                Boolean.parseBoolean(get(exchange, "createFeedbackTable")));
    }

    /** Never the password: a feed may end up in a log line or an exception message. */
    @Override
    public String toString() {
        return "FrontDbFeed[" + name() + " at " + url + " as " + username + "]";
    }

    /** Names the feed in the hub's store, its logs and its health: {@code <department>/<table>}. */
    String name() {
        return department + "/" + table;
    }

    private static Mode mode(String value) {
        try {
            return Mode.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("frontdb-poll: mode must be timestamp or flag, not “" + value + "”");
        }
    }

    private static String get(Exchange exchange, String name) {
        String value = exchange.getProperty(PREFIX + name, String.class);
        if (value == null) {
            throw new IllegalArgumentException("frontdb-poll: parameter " + name + " is not set");
        }
        return value.trim();
    }

    private static void identifier(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("frontdb-poll: “" + name + "” is not a plain table or column name");
        }
    }
}
