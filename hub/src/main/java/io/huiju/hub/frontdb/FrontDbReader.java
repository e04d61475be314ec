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
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Reads the next batch of an exchange table as a CSV payload: the table's column names as header, UTF-8, one record
 * per row in timestamp-then-key order (timestamp mode) or key order (flag mode). The SQL is the same on every database:
 * plain unquoted names, no LIMIT, OFFSET or FETCH FIRST (each speaks its own dialect of them); the batch is bounded with
 * {@link PreparedStatement#setMaxRows}, which every JDBC driver turns into its own limit, and read with a fetch size so
 * a driver that can stream does. A row with a NULL in a key column is left out: the hub could neither name it in the
 * feedback nor mark it taken; the poll counts them instead, for the health endpoint.
 */
final class FrontDbReader {

    /**
     * One row of a batch: how the channel tracks it, its key values as the driver gave them (flag mode binds them back
     * as they came, so a BIGINT key is compared with a number), and the CSV line it starts on (what the feedback names).
     */
    record Row(Taken taken, List<Object> key, long line) {}

    /** A batch as a payload, or no rows; {@code withoutKey} counts the new rows left out for a NULL key. */
    record Batch(List<Row> rows, byte[] csv, String fileName, long withoutKey) {}

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter FRACTION = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private FrontDbReader() {}

    /**
     * Timestamp mode: rows with a timestamp at or after {@code from} (none: the whole table), skipping those already
     * taken. The taken ones all sort inside the window, so reading {@code batchSize + taken} rows at most always reaches
     * a full batch.
     */
    static Batch read(DataSource source, FrontDbFeed feed, LocalDateTime from, Set<Taken> taken) throws SQLException {
        String where = feed.timestampColumn() + (from == null ? " IS NOT NULL" : " >= ?");
        String order = feed.timestampColumn() + ", " + String.join(", ", feed.keyColumns());
        return read(source, feed, where, order, from, (long) feed.batchSize() + taken.size(), taken);
    }

    /** Flag mode: the rows whose flag says new, in key order. */
    static Batch readFlagged(DataSource source, FrontDbFeed feed) throws SQLException {
        String where = feed.flag().column() + " = "
                + FrontDbFeed.Flag.literal(feed.flag().fresh());
        return read(source, feed, where, String.join(", ", feed.keyColumns()), null, feed.batchSize(), Set.of());
    }

    private static Batch read(
            DataSource source,
            FrontDbFeed feed,
            String where,
            String order,
            LocalDateTime from,
            long maxRows,
            Set<Taken> taken)
            throws SQLException {
        String keyed = feed.keyColumns().stream().map(k -> k + " IS NOT NULL").collect(Collectors.joining(" AND "));
        String keyless = feed.keyColumns().stream().map(k -> k + " IS NULL").collect(Collectors.joining(" OR "));
        String sql = "SELECT * FROM " + feed.table() + " WHERE " + where + " AND " + keyed + " ORDER BY " + order;
        String count = "SELECT COUNT(*) FROM " + feed.table() + " WHERE " + where + " AND (" + keyless + ")";
        int timeout = (int) feed.queryTimeout().toSeconds();
        try (Connection c = source.getConnection()) {
            // PostgreSQL streams only inside a transaction; read-only tells any database nothing is written here
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                Batch batch;
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setMaxRows((int) Math.min(Integer.MAX_VALUE, maxRows));
                    ps.setFetchSize(Math.min(feed.batchSize(), 500));
                    ps.setQueryTimeout(timeout);
                    if (from != null) {
                        ps.setTimestamp(1, Timestamp.valueOf(from));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        batch = toCsv(rs, feed, taken);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(count)) {
                    ps.setQueryTimeout(timeout);
                    if (from != null) {
                        ps.setTimestamp(1, Timestamp.valueOf(from));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return new Batch(batch.rows(), batch.csv(), batch.fileName(), rs.getLong(1));
                    }
                }
            } finally {
                c.rollback();
            }
        }
    }

    private static Batch toCsv(ResultSet rs, FrontDbFeed feed, Set<Taken> taken) throws SQLException {
        boolean flagged = feed.mode() == FrontDbFeed.Mode.FLAG;
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
                List<Object> key = new ArrayList<>(feed.keyColumns().size());
                for (String column : feed.keyColumns()) {
                    key.add(rs.getObject(column));
                }
                LocalDateTime at =
                        flagged ? null : rs.getTimestamp(feed.timestampColumn()).toLocalDateTime();
                Taken row = new Taken(key(rs, feed), at);
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
                rows.add(new Row(row, List.copyOf(key), line));
                line += 1 + breaks;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty()) {
            return new Batch(rows, new byte[0], null, 0);
        }
        // named after the newest timestamp taken, or in flag mode (no timestamp needed) after the time it was taken
        LocalDateTime last = flagged
                ? LocalDateTime.now()
                : rows.get(rows.size() - 1).taken().timestamp();
        String name = feed.table() + "-" + NAME_TIME.format(last) + "-" + rows.size() + ".csv";
        return new Batch(rows, out.toString().getBytes(StandardCharsets.UTF_8), name, 0);
    }

    /** The key columns' values joined by {@code |}, as the feedback table's {@code source_key}. */
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
