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
 * transaction: a batch re-read after a crash finds its payload's outcome already there and writes nothing twice.
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
            s.execute(DDL.formatted(feed.feedbackTable()));
        }
    }

    /**
     * @param payloadError the whole payload's code and reason when it was refused (every row then gets it), or null
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
        try (Connection c = source.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (alreadyWritten(c, feed, payloadId)) {
                    c.rollback();
                    return;
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + feed.feedbackTable()
                        + " (source_key, payload_id, status, code, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    Timestamp now = Timestamp.from(Instant.now());
                    for (Row row : rows) {
                        String[] outcome = payloadError != null
                                ? new String[] {"REJECTED", payloadError[0], payloadError[1]}
                                : outcome(byLine.getOrDefault(row.line(), List.of()));
                        ps.setString(1, cut(row.taken().key(), 500));
                        ps.setString(2, payloadId);
                        ps.setString(3, outcome[0]);
                        ps.setString(4, cut(outcome[1], 200));
                        ps.setString(5, cut(outcome[2], 2000));
                        ps.setTimestamp(6, now);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static boolean alreadyWritten(Connection c, FrontDbFeed feed, String payloadId) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT COUNT(*) FROM " + feed.feedbackTable() + " WHERE payload_id = ?")) {
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
