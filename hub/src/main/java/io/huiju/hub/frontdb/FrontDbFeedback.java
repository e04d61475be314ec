package io.huiju.hub.frontdb;

import io.huiju.hub.frontdb.FrontDbReader.Row;
import io.huiju.hub.store.RejectStore;
import io.huiju.model.Violation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Writes each row's outcome into the feedback table of the department's front-end database: ACCEPTED, or REJECTED
 * with the codes and reasons of its errors (warnings ride along on accepted rows). Once per payload, in one
 * transaction: a batch re-read after a crash finds its payload's outcome already there and writes nothing twice. In
 * flag mode the same transaction sets each row's flag (taken or rejected, by its outcome), so the department never
 * sees an outcome without the flag or the flag without the outcome.
 */
final class FrontDbFeedback {

    /** Portable DDL (MariaDB/MySQL, PostgreSQL, Kingbase, DM); Oracle: VARCHAR2 and no IF NOT EXISTS before 23ai. */
    static final String DDL = "CREATE TABLE IF NOT EXISTS %s (source_key VARCHAR(500) NOT NULL,"
            + " payload_id VARCHAR(64) NOT NULL, status VARCHAR(16) NOT NULL, code VARCHAR(200),"
            + " reason VARCHAR(2000), created_at TIMESTAMP NOT NULL)";

    private FrontDbFeedback() {}

    static void createTable(DataSource source, FrontDbFeed feed) throws SQLException {
        try (Connection c = source.getConnection();
                Statement s = c.createStatement()) {
            s.setQueryTimeout((int) feed.queryTimeout().toSeconds());
            s.execute(DDL.formatted(feed.feedbackTable()));
        }
    }

    /**
     * @param payloadError the whole payload's code and reason when it was refused (every row then gets it, and in flag
     *     mode the flags stay "new": the rows are taken again once the table is fixed), or null
     */
    static void write(
            DataSource source,
            FrontDbFeed feed,
            String payloadId,
            List<Row> rows,
            List<RejectStore.Line> violations,
            String[] payloadError)
            throws SQLException {
        Map<Long, List<Violation>> byLine = violations.stream()
                .collect(Collectors.groupingBy(
                        RejectStore.Line::line,
                        LinkedHashMap::new,
                        Collectors.mapping(RejectStore.Line::violation, Collectors.toList())));
        List<String[]> outcomes = new ArrayList<>(rows.size());
        for (Row row : rows) {
            outcomes.add(
                    payloadError != null
                            ? new String[] {"REJECTED", payloadError[0], payloadError[1]}
                            : outcome(byLine.getOrDefault(row.line(), List.of())));
        }
        int timeout = (int) feed.queryTimeout().toSeconds();
        try (Connection c = source.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!alreadyWritten(c, feed, payloadId, timeout)) {
                    insertOutcomes(c, feed, payloadId, rows, outcomes, timeout);
                }
                // a batch taken again (a crash before this commit, or the department resetting flags of rows it did
                // not change) finds its outcomes written but must still set the flags, or it is taken forever
                if (feed.mode() == FrontDbFeed.Mode.FLAG && payloadError == null) {
                    setFlags(c, feed, rows, outcomes, timeout);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void insertOutcomes(
            Connection c, FrontDbFeed feed, String payloadId, List<Row> rows, List<String[]> outcomes, int timeout)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + feed.feedbackTable()
                + " (source_key, payload_id, status, code, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setQueryTimeout(timeout);
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < rows.size(); i++) {
                String[] outcome = outcomes.get(i);
                ps.setString(1, cut(rows.get(i).taken().key(), 500));
                ps.setString(2, payloadId);
                ps.setString(3, outcome[0]);
                ps.setString(4, cut(outcome[1], 200));
                ps.setString(5, cut(outcome[2], 2000));
                ps.setTimestamp(6, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Only rows still flagged new are set: a row the department has meanwhile set to something else is its business.
     * The key values are bound as the driver read them, so each database compares them in the column's own type.
     */
    private static void setFlags(Connection c, FrontDbFeed feed, List<Row> rows, List<String[]> outcomes, int timeout)
            throws SQLException {
        FrontDbFeed.Flag flag = feed.flag();
        String where =
                " WHERE " + feed.keyColumns().stream().map(k -> k + " = ?").collect(Collectors.joining(" AND "))
                        + " AND " + flag.column() + " = " + FrontDbFeed.Flag.literal(flag.fresh());
        String set = "UPDATE " + feed.table() + " SET " + flag.column() + " = ";
        try (PreparedStatement taking = c.prepareStatement(set + FrontDbFeed.Flag.literal(flag.taken()) + where);
                PreparedStatement rejecting =
                        c.prepareStatement(set + FrontDbFeed.Flag.literal(flag.rejected()) + where)) {
            taking.setQueryTimeout(timeout);
            rejecting.setQueryTimeout(timeout);
            for (int i = 0; i < rows.size(); i++) {
                PreparedStatement ps = "REJECTED".equals(outcomes.get(i)[0]) ? rejecting : taking;
                List<Object> key = rows.get(i).key();
                for (int k = 0; k < key.size(); k++) {
                    ps.setObject(k + 1, key.get(k));
                }
                ps.addBatch();
            }
            taking.executeBatch();
            rejecting.executeBatch();
        }
    }

    private static boolean alreadyWritten(Connection c, FrontDbFeed feed, String payloadId, int timeout)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT COUNT(*) FROM " + feed.feedbackTable() + " WHERE payload_id = ?")) {
            ps.setQueryTimeout(timeout);
            ps.setString(1, payloadId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static String[] outcome(List<Violation> violations) {
        List<Violation> errors = violations.stream().filter(Violation::isError).toList();
        List<Violation> shown = errors.isEmpty() ? violations : errors;
        List<String> codes = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Violation v : shown) {
            codes.add(v.code());
            reasons.add(v.field() + "：" + v.reason());
        }
        return new String[] {
            errors.isEmpty() ? "ACCEPTED" : "REJECTED",
            codes.isEmpty() ? null : String.join(",", codes),
            reasons.isEmpty() ? null : String.join("；", reasons)
        };
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
