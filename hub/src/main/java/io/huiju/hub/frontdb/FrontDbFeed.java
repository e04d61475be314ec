package io.huiju.hub.frontdb;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;

/**
 * One department's exchange table, as its {@code frontdb-poll} route instance describes it. Table and column names end
 * up in SQL as identifiers (a prepared statement cannot bind them), so they are checked to be plain names first.
 */
record FrontDbFeed(
        String department,
        String url,
        String username,
        String password,
        String table,
        String timestampColumn,
        List<String> keyColumns,
        int batchSize,
        Duration lookBack,
        Duration interval,
        String feedbackTable,
        boolean createFeedbackTable) {

    /** Exchange properties the template sets, one per parameter. */
    static final String PREFIX = "HuijuFrontDb.";

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");

    FrontDbFeed {
        identifier(table);
        identifier(timestampColumn);
        identifier(feedbackTable);
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
                get(exchange, "timestampColumn"),
                List.of(get(exchange, "keyColumns").split("\\s*,\\s*")),
                Integer.parseInt(get(exchange, "batchSize")),
                Duration.ofSeconds(Long.parseLong(get(exchange, "lookBackSeconds"))),
                Duration.ofMillis(Long.parseLong(get(exchange, "delay"))),
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
