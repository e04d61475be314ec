package io.huiju.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The anchor the hub is measured against: what PostgreSQL does alone with the same file. {@code COPY} into an
 * all-text staging table, then one {@code INSERT … SELECT DISTINCT ON … ON CONFLICT DO UPDATE} into an indexed,
 * typed table. No check-character, subject-kind or date-logic validation, no history: invalid rows are loaded too,
 * with unparsable dates and amounts as NULL.
 *
 * <p>Usage: {@code CopyAnchor --jdbc URL --file CSV [--user U] [--password P] [--work-mem 256MB]}
 */
public final class CopyAnchor {

    private static final String USAGE = "CopyAnchor --jdbc URL --file CSV [--user U] [--password P] [--work-mem 256MB]";
    private static final int COPY_BUFFER = 1 << 20;

    /** Elapsed times and counts of one load; rows per second counts the file's rows over both statements. */
    record Result(long rows, long keys, long copyMillis, long upsertMillis, long nullDates, String workMem) {

        long millis() {
            return copyMillis + upsertMillis;
        }

        double rowsPerSecond() {
            return rows * 1000.0 / Math.max(1, millis());
        }
    }

    private CopyAnchor() {}

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv, Set.of("--jdbc", "--file", "--user", "--password", "--work-mem"), Set.of(), USAGE);
        Result r = run(
                args.require("--jdbc"),
                args.get("--user", "postgres"),
                args.get("--password", ""),
                Path.of(args.require("--file")),
                args.get("--work-mem", null));
        print(r);
    }

    static void print(Result r) {
        System.out.println("anchor: COPY into staging + INSERT … ON CONFLICT DO UPDATE (no check-character "
                + "validation, no subject/date rules, no history; unparsable dates and amounts become NULL)");
        System.out.printf(
                "  COPY          %,8d ms  %,d rows%n  upsert        %,8d ms  %,d keys%n",
                r.copyMillis(), r.rows(), r.upsertMillis(), r.keys());
        System.out.printf("  total         %,8d ms  %,.0f rows/s%n", r.millis(), r.rowsPerSecond());
        System.out.printf("  keys without a decision date after the safe cast: %,d%n", r.nullDates());
        System.out.printf("  work_mem %s (server default unless --work-mem)%n", r.workMem());
    }

    /**
     * Loads the file into fresh anchor tables in the database the URL names.
     *
     * @param workMem a {@code work_mem} for the session (the sort behind DISTINCT ON spills to disk at the 4MB
     *     default), or null for the server's setting
     */
    static Result run(String jdbcUrl, String user, String password, Path csv, String workMem)
            throws SQLException, IOException {
        if (!Files.isRegularFile(csv)) {
            throw new IllegalArgumentException("no such file: " + csv);
        }
        if (workMem != null && !workMem.matches("\\d+(kB|MB|GB)")) {
            throw new IllegalArgumentException("--work-mem takes a PostgreSQL size such as 256MB, not " + workMem);
        }
        Properties props = new Properties();
        props.setProperty("user", user);
        if (!password.isEmpty()) {
            props.setProperty("password", password);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl, props)) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                for (String sql : SqlResource.statements("copy-anchor-schema.sql")) {
                    s.execute(sql);
                }
                if (workMem != null) {
                    s.execute("SET work_mem = '" + workMem + "'");
                }
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long t0 = System.nanoTime();
            long rows;
            try (InputStream in = Files.newInputStream(csv)) {
                rows = copy.copyIn(SqlResource.load("copy-anchor-copy.sql"), in, COPY_BUFFER);
            }
            long t1 = System.nanoTime();
            long keys;
            try (Statement s = c.createStatement()) {
                keys = s.executeLargeUpdate(SqlResource.load("copy-anchor-upsert.sql"));
            }
            long t2 = System.nanoTime();
            return new Result(
                    rows, keys, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, nullDates(c), show(c, "work_mem"));
        }
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long nullDates(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM bench_penalty WHERE decision_date IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
