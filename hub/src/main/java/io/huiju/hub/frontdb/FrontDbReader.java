package io.huiju.hub.frontdb;

import io.huiju.hub.frontdb.FrontDbWatermarks.Taken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Reads the next batch of an exchange table as a CSV payload: the table's column names as header, UTF-8, one record
 * per row in timestamp-then-key order. The SQL is the same on every database: no LIMIT, OFFSET or FETCH FIRST (each
 * speaks its own dialect of them); the batch is bounded with {@link PreparedStatement#setMaxRows}, which every JDBC
 * driver turns into its own limit, and read with a fetch size so a driver that can stream does.
 */
final class FrontDbReader {

    /** One row of a batch: how the channel tracks it, and the CSV line it starts on (what the feedback names). */
    record Row(Taken taken, long line) {}

    /** A batch as a payload, or no rows. */
    record Batch(List<Row> rows, byte[] csv, String fileName) {}

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter FRACTION = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private FrontDbReader() {}

    /**
     * Rows with a timestamp at or after {@code from} (none: the whole table), skipping those already taken. The taken
     * ones all sort inside the window, so reading {@code batchSize + taken} rows at most always reaches a full batch.
     */
    static Batch read(DataSource source, FrontDbFeed feed, LocalDateTime from, Set<Taken> taken) throws SQLException {
        String order = feed.timestampColumn() + ", " + String.join(", ", feed.keyColumns());
        String sql = "SELECT * FROM " + feed.table() + " WHERE " + feed.timestampColumn()
                + (from == null ? " IS NOT NULL" : " >= ?") + " ORDER BY " + order;
        try (Connection c = source.getConnection()) {
            // PostgreSQL streams only inside a transaction; read-only tells any database nothing is written here
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setMaxRows((int) Math.min(Integer.MAX_VALUE, (long) feed.batchSize() + taken.size()));
                ps.setFetchSize(Math.min(feed.batchSize(), 500));
                ps.setQueryTimeout(60);
                if (from != null) {
                    ps.setTimestamp(1, Timestamp.valueOf(from));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return toCsv(rs, feed, taken);
                }
            } finally {
                c.rollback();
            }
        }
    }

    private static Batch toCsv(ResultSet rs, FrontDbFeed feed, Set<Taken> taken) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        List<String> header = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
            header.add(meta.getColumnLabel(i));
        }
        int[] types = new int[columns + 1];
        for (int i = 1; i <= columns; i++) {
            types[i] = meta.getColumnType(i);
        }
        List<Row> rows = new ArrayList<>();
        // a StringBuilder, not a StringWriter: the writer's StringBuffer takes a lock on every cell
        StringBuilder out = new StringBuilder(64 * 1024);
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord(header);
            long line = 2;
            while (rows.size() < feed.batchSize() && rs.next()) {
                Taken row = new Taken(
                        key(rs, feed), rs.getTimestamp(feed.timestampColumn()).toLocalDateTime());
                if (taken.contains(row)) {
                    continue;
                }
                List<String> cells = new ArrayList<>(columns);
                long breaks = 0;
                for (int i = 1; i <= columns; i++) {
                    String cell = cell(rs, types[i], i);
                    breaks += lineBreaks(cell);
                    cells.add(cell);
                }
                csv.printRecord(cells);
                rows.add(new Row(row, line));
                line += 1 + breaks;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty()) {
            return new Batch(rows, new byte[0], null);
        }
        LocalDateTime last = rows.get(rows.size() - 1).taken().timestamp();
        String name = feed.table() + "-" + NAME_TIME.format(last) + "-" + rows.size() + ".csv";
        return new Batch(rows, out.toString().getBytes(StandardCharsets.UTF_8), name);
    }

    /** The key columns' values joined by {@code |}; a NULL key is an empty part (the mapping judges the row). */
    private static String key(ResultSet rs, FrontDbFeed feed) throws SQLException {
        List<String> parts = new ArrayList<>(feed.keyColumns().size());
        for (String column : feed.keyColumns()) {
            String value = rs.getString(column);
            parts.add(value == null ? "" : value);
        }
        return String.join("|", parts);
    }

    /** Dates as the mappings read them (ISO), numbers without exponent, NULL as an empty cell. */
    private static String cell(ResultSet rs, int type, int i) throws SQLException {
        switch (type) {
            case Types.DATE -> {
                java.sql.Date d = rs.getDate(i);
                return d == null ? "" : d.toLocalDate().toString();
            }
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                Timestamp t = rs.getTimestamp(i);
                if (t == null) {
                    return "";
                }
                LocalDateTime at = t.toLocalDateTime();
                return (at.getNano() == 0 ? SECONDS : FRACTION).format(at);
            }
            case Types.DECIMAL, Types.NUMERIC -> {
                java.math.BigDecimal n = rs.getBigDecimal(i);
                return n == null ? "" : n.toPlainString();
            }
            default -> {
                String s = rs.getString(i);
                return s == null ? "" : s;
            }
        }
    }

    /** Line breaks inside a cell, counted as the CSV reader counts them (CR LF is one). */
    private static long lineBreaks(String cell) {
        if (cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < cell.length(); i++) {
            char ch = cell.charAt(i);
            if (ch == '\n' || (ch == '\r' && (i + 1 == cell.length() || cell.charAt(i + 1) != '\n'))) {
                n++;
            }
        }
        return n;
    }
}
