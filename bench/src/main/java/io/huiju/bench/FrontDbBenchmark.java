package io.huiju.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * The front-end database channel (前置库, issue [3]): N generated penalty rows in an exchange table on MariaDB, taken by
 * a hub's {@code frontdb-poll} feed into a fresh PostgreSQL database, beside a plain JDBC copy of the same rows from
 * MariaDB into a fresh PostgreSQL table (streaming SELECT, batched INSERT, one transaction per batch of the same size).
 *
 * <p>Exit codes: 0 done, 1 not every row answered or a payload FAILED, 2 a setup problem, 3 timeout.
 */
public final class FrontDbBenchmark {

    private static final String USAGE = "FrontDbBenchmark [--rows N] [--batch-size 5000] [--delay-ms 100]"
            + " [--mariadb jdbc:mariadb://127.0.0.1:3306/] [--mariadb-user root] [--mariadb-password P]"
            + " [--jdbc-base jdbc:postgresql://127.0.0.1:5432/] [--user postgres] [--password P]"
            + " [--timeout-minutes 30] [--hub-xmx 512m] [--seed S] [--warmup-rows N] [--hub-java-options \"-XX:...\"]"
            + " [--keep]";
    private static final Set<String> OPTIONS = Set.of(
            "--rows",
            "--batch-size",
            "--delay-ms",
            "--mariadb",
            "--mariadb-user",
            "--mariadb-password",
            "--jdbc-base",
            "--user",
            "--password",
            "--timeout-minutes",
            "--hub-xmx",
            "--seed",
            "--warmup-rows",
            "--hub-java-options");
    private static final Set<String> FLAGS = Set.of("--keep");

    static final String SOURCE = "huiju_bench_frontdb";
    static final String HUB = "huiju_bench_hub_frontdb";
    static final String COPY = "huiju_bench_frontdb_copy";
    static final String TABLE = "xzcf_exchange";
    static final String WARMUP_TABLE = "xzcf_warmup";
    static final String LOGIN = "huiju_bench_fdb";
    private static final long POLL_MILLIS = 250;

    /** The exchange table's data columns: the national field codes, upper case as departments write them. */
    static final List<String> COLUMNS = PenaltyLayout.CODES.stream()
            .map(c -> c.toUpperCase(java.util.Locale.ROOT))
            .toList();

    private final Args args;
    private final Path root;
    private final Path out;
    private final BenchDatabases databases;
    private final String mariadb;
    private final String mariadbUser;
    private final String mariadbPassword;
    private final int batchSize;

    private FrontDbBenchmark(Args args, Path root) {
        this.args = args;
        this.root = root;
        this.out = root.resolve("bench/out");
        this.databases = BenchDatabases.of(args);
        String m = args.get("--mariadb", "jdbc:mariadb://127.0.0.1:3306/");
        this.mariadb = m.endsWith("/") ? m : m + "/";
        this.mariadbUser = args.get("--mariadb-user", "root");
        this.mariadbPassword = args.get("--mariadb-password", "");
        this.batchSize = (int) args.getLong("--batch-size", 5000);
    }

    public static void main(String[] argv) {
        BenchMain.exit(argv, OPTIONS, FLAGS, USAGE, args -> new FrontDbBenchmark(args, IngestBenchmark.repositoryRoot())
                .run());
    }

    private int run() throws Exception {
        long rows = args.getLong("--rows", 200_000);
        if (rows < 1 || batchSize < 1) {
            throw new IllegalArgumentException("--rows and --batch-size must be at least 1");
        }
        HubIngest.requireInstallation(root);
        IngestBenchmark.printMachine(databases);
        String password = "fdb-" + UUID.randomUUID().toString().substring(0, 12);
        try {
            long started = System.nanoTime();
            PenaltyFileGenerator.Counts counts = createSource(rows, password);
            System.out.printf(
                    "loaded %,d rows into MariaDB %s.%s in %,d ms (%,d new, %,d updates, %,d invalid)%n",
                    rows,
                    SOURCE,
                    TABLE,
                    (System.nanoTime() - started) / 1_000_000,
                    counts.fresh(),
                    counts.updates(),
                    counts.invalid());

            databases.recreate(HUB);
            HubRun hub = hub(rows, password);

            databases.recreate(COPY);
            Anchor anchor = anchor(rows);
            printTable(rows, counts, hub, anchor);
            if (hub.timedOut()) {
                return 3;
            }
            return hub.answered() == rows && hub.failedPayloads() == 0 ? 0 : 1;
        } finally {
            if (args.has("--keep")) {
                System.out.println("kept MariaDB " + SOURCE + ", PostgreSQL " + HUB + " and " + COPY);
            } else {
                mariadb("DROP DATABASE IF EXISTS " + SOURCE);
                mariadb("DROP USER IF EXISTS '" + LOGIN + "'@'127.0.0.1'");
                databases.drop(HUB);
                databases.drop(COPY);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- source

    /**
     * A fresh MariaDB database with the exchange table (all data columns text, as many departments keep them, so an
     * impossible date stays what was typed), the feedback table, and a login with the grants of docs/INTEGRATION.md.
     * Row i has id i and update_time one second after row i − 1, ending an hour ago.
     */
    private PenaltyFileGenerator.Counts createSource(long rows, String password) throws SQLException, IOException {
        mariadb("DROP DATABASE IF EXISTS " + SOURCE);
        mariadb("DROP USER IF EXISTS '" + LOGIN + "'@'127.0.0.1'");
        mariadb("CREATE DATABASE " + SOURCE + " CHARACTER SET utf8mb4");
        StringBuilder ddl = new StringBuilder("CREATE TABLE " + SOURCE + "." + TABLE
                + " (id BIGINT NOT NULL PRIMARY KEY, update_time DATETIME(6) NOT NULL");
        for (String c : COLUMNS) {
            ddl.append(", ").append(c).append(" TEXT");
        }
        ddl.append(", KEY ").append(TABLE).append("_poll (update_time, id))");
        mariadb(ddl.toString());
        mariadb("CREATE TABLE " + SOURCE + ".huiju_feedback (source_key VARCHAR(500) NOT NULL, payload_id VARCHAR(64)"
                + " NOT NULL, status VARCHAR(16) NOT NULL, code VARCHAR(200), reason VARCHAR(2000),"
                + " created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, KEY (source_key), KEY (payload_id))");
        mariadb("CREATE USER '" + LOGIN + "'@'127.0.0.1' IDENTIFIED BY '" + password + "'");
        mariadb("GRANT SELECT ON " + SOURCE + "." + TABLE + " TO '" + LOGIN + "'@'127.0.0.1'");
        mariadb("GRANT SELECT, INSERT ON " + SOURCE + ".huiju_feedback TO '" + LOGIN + "'@'127.0.0.1'");

        LocalDateTime first = LocalDateTime.now()
                .truncatedTo(ChronoUnit.SECONDS)
                .minusHours(1)
                .minusSeconds(rows);
        try (Connection c = mariadbConnection(SOURCE)) {
            c.setAutoCommit(false);
            try (TableSink sink = new TableSink(c, first)) {
                return new PenaltyFileGenerator(args.getLong("--seed", PenaltyFileGenerator.DEFAULT_SEED))
                        .write(rows, sink);
            }
        }
    }

    /** Batched inserts (the MariaDB driver sends a batch in one bulk command), a commit every batch. */
    private final class TableSink implements RowSink {
        private final Connection c;
        private final LocalDateTime first;
        private PreparedStatement insert;
        private long id;

        TableSink(Connection c, LocalDateTime first) {
            this.c = c;
            this.first = first;
        }

        @Override
        public void header(List<String> names) throws IOException {
            List<String> all = new ArrayList<>(List.of("id", "update_time"));
            all.addAll(COLUMNS);
            String sql = "INSERT INTO " + TABLE + " (" + String.join(", ", all) + ") VALUES ("
                    + String.join(", ", all.stream().map(n -> "?").toList()) + ")";
            try {
                insert = c.prepareStatement(sql);
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void row(String[] fields) throws IOException {
            try {
                id++;
                insert.setLong(1, id);
                insert.setTimestamp(2, Timestamp.valueOf(first.plusSeconds(id)));
                for (int i = 0; i < fields.length; i++) {
                    insert.setString(3 + i, fields[i].isEmpty() ? null : fields[i]);
                }
                insert.addBatch();
                if (id % batchSize == 0) {
                    insert.executeBatch();
                    c.commit();
                }
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                insert.executeBatch();
                c.commit();
                insert.close();
            } catch (SQLException e) {
                throw new IOException(e);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- hub

    /**
     * What the hub did: wall clock from the feed's route file until every row had its outcome in the feedback table,
     * and until the payloads' received rows reached N; the sums over its FRONTDB payloads.
     */
    record HubRun(
            long answeredMillis,
            long storedMillis,
            boolean timedOut,
            long answered,
            long payloads,
            long failedPayloads,
            long received,
            long stored,
            long unchanged,
            long rejected,
            long conflicts,
            long hubMeasuredMillis,
            GcLog.Heap heap,
            long hubCpuMillis,
            OptionalLong databaseCpuMillis,
            OptionalLong mariadbCpuMillis) {}

    private HubRun hub(long rows, String password) throws Exception {
        Path home = out.resolve("home-frontdb");
        HubIngest.deleteTree(home);
        HubIngest.copyTree(root.resolve("routes"), home.resolve("routes"));
        HubIngest.copyTree(root.resolve("mappings"), home.resolve("mappings"));
        Path departments = Files.createDirectories(home.resolve("routes/departments"));
        Path gcLog = out.resolve("hub-frontdb-gc.log");
        Path log = out.resolve("hub-frontdb.log");
        Files.deleteIfExists(gcLog);
        List<String> javaOptions = new ArrayList<>();
        String extra = args.get("--hub-java-options", "").trim();
        if (!extra.isEmpty()) {
            javaOptions.addAll(List.of(extra.split("\\s+")));
        }
        // the route file names the property, never the secret
        javaOptions.add("-Dhuiju.bench.frontdb-password=" + password);
        // no FTP/SFTP dropbox: this run needs neither, and another hub on the machine may hold ports 2121 and 2222
        javaOptions.add("-Dhuiju.dropbox.ftp.enabled=false");
        javaOptions.add("-Dhuiju.dropbox.sftp.enabled=false");
        String xmx = args.get("--hub-xmx", "512m");
        HubProcess.Launch launch = new HubProcess.Launch(
                root.resolve(HubIngest.HUB_JAR),
                home,
                HubProcess.freePort(),
                databases.url(HUB),
                args.get("--user", "postgres"),
                args.get("--password", ""),
                xmx,
                javaOptions,
                gcLog,
                log);
        System.out.printf(
                "%nstarting the hub on port %d (-Xmx%s), feed frontdb-poll batch %,d, log %s%n",
                launch.port(), xmx, batchSize, log);
        Duration timeout = Duration.ofMinutes(args.getLong("--timeout-minutes", 30));
        try (HubProcess hub = HubProcess.start(launch);
                Connection store = databases.connect(HUB);
                Connection source = mariadbConnection(SOURCE)) {
            hub.awaitHealthy(Duration.ofSeconds(120));
            warmUp(hub, store, source, departments, Math.min(rows, args.getLong("--warmup-rows", rows)), timeout);
            Map<Integer, Long> backendsBefore = BackendCpu.read(store);
            OptionalLong mariadbBefore = mariadbCpuMillis();
            long hubBefore = hub.cpuMillis();
            long t0 = System.nanoTime();
            double loadFrom = hub.uptimeSeconds(t0);
            Files.writeString(
                    departments.resolve("bench-frontdb.camel.yaml"),
                    route("frontdb-bench", TABLE),
                    StandardCharsets.UTF_8);
            long storedAt = -1;
            long nextReport = t0 + Duration.ofSeconds(10).toNanos();
            Sums sums = Sums.NONE;
            long answered = 0;
            boolean timedOut = false;
            while (true) {
                long now = System.nanoTime();
                sums = Sums.read(store);
                if (storedAt < 0 && sums.received() >= rows) {
                    storedAt = now;
                }
                answered = count(source, "SELECT COUNT(*) FROM huiju_feedback");
                if (answered >= rows && storedAt >= 0) {
                    break;
                }
                if (now - t0 > timeout.toNanos()) {
                    System.out.println("the hub did not answer every row within " + timeout.toMinutes()
                            + " minutes; last lines of its log:\n" + hub.tail(20));
                    timedOut = true;
                    break;
                }
                hub.requireAlive("while polling the front-end database");
                if (now >= nextReport) {
                    System.out.printf(
                            "  %4d s  %,d payloads, %,d of %,d rows received, %,d stored, %,d rejected, %,d answered%n",
                            (now - t0) / 1_000_000_000,
                            sums.payloads(),
                            sums.received(),
                            rows,
                            sums.stored(),
                            sums.rejected(),
                            answered);
                    nextReport += Duration.ofSeconds(10).toNanos();
                }
                Thread.sleep(POLL_MILLIS);
            }
            long end = System.nanoTime();
            long hubCpu = hub.cpuMillis() - hubBefore;
            OptionalLong databaseCpu = BackendCpu.between(backendsBefore, BackendCpu.read(store));
            OptionalLong mariadbCpu = minus(mariadbCpuMillis(), mariadbBefore);
            hub.close();
            return new HubRun(
                    (end - t0) / 1_000_000,
                    storedAt < 0 ? -1 : (storedAt - t0) / 1_000_000,
                    timedOut,
                    answered,
                    sums.payloads(),
                    sums.failed(),
                    sums.received(),
                    sums.stored(),
                    sums.unchanged(),
                    sums.rejected(),
                    sums.conflicts(),
                    sums.hubMeasuredMillis(),
                    GcLog.heap(gcLog, loadFrom),
                    hubCpu,
                    databaseCpu,
                    mariadbCpu);
        }
    }

    /**
     * A JVM that has just started spends most of its first minutes compiling (on 2 cores the JIT took about one core
     * for the first ~100 s of load), which is not how a hub that runs for weeks performs, nor how the anchor's few
     * small methods behave. So the hub first takes the first {@code rows} rows from a copy of the table through a feed
     * of its own, the same code paths; then the feed is removed and the store, the feedback table and the watermarks
     * are emptied, so the measured run starts from the same state as a cold one. {@code --warmup-rows 0} measures cold.
     */
    private void warmUp(
            HubProcess hub, Connection store, Connection source, Path departments, long rows, Duration timeout)
            throws Exception {
        if (rows <= 0) {
            System.out.println("no warm-up: the hub is measured cold");
            return;
        }
        mariadb("CREATE TABLE " + SOURCE + "." + WARMUP_TABLE + " LIKE " + SOURCE + "." + TABLE);
        mariadb("INSERT INTO " + SOURCE + "." + WARMUP_TABLE + " SELECT * FROM " + SOURCE + "." + TABLE
                + " WHERE id <= " + rows);
        mariadb("GRANT SELECT ON " + SOURCE + "." + WARMUP_TABLE + " TO '" + LOGIN + "'@'127.0.0.1'");
        Path file = departments.resolve("bench-frontdb-warmup.camel.yaml");
        Files.writeString(file, route("frontdb-bench-warmup", WARMUP_TABLE), StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        long answered;
        while ((answered = count(source, "SELECT COUNT(*) FROM huiju_feedback")) < rows) {
            if (System.nanoTime() - t0 > timeout.toNanos()) {
                throw new IllegalStateException("the warm-up did not finish within " + timeout.toMinutes()
                        + " minutes; last lines of the hub's log:\n" + hub.tail(20));
            }
            hub.requireAlive("during the warm-up");
            Thread.sleep(POLL_MILLIS);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        Files.delete(file);
        // the route scanner removes the feed within a few seconds; wait until nothing moves any more
        long before;
        do {
            before = answered;
            Thread.sleep(3000);
            answered = count(source, "SELECT COUNT(*) FROM huiju_feedback");
        } while (answered != before);
        try (Statement s = store.createStatement()) {
            s.execute("TRUNCATE legal_person_record, legal_person_record_history, natural_person_record,"
                    + " natural_person_record_history, conflict, reject, payload, outbox, frontdb_watermark,"
                    + " frontdb_taken");
        }
        mariadb("TRUNCATE TABLE " + SOURCE + ".huiju_feedback");
        mariadb("DROP TABLE " + SOURCE + "." + WARMUP_TABLE);
        System.out.printf(
                "warm-up: %,d rows through a feed of their own in %,d ms (%,.0f rows/s); store emptied%n",
                rows, millis, rows * 1000.0 / Math.max(1, millis));
    }

    private String route(String routeId, String table) {
        return """
                - templatedRoute:
                    routeTemplateRef: frontdb-poll
                    routeId: %s
                    parameters:
                      - name: department
                        value: bench
                      - name: mapping
                        value: national-penalty
                      - name: url
                        value: "%s"
                      - name: username
                        value: %s
                      - name: password
                        value: "{{huiju.bench.frontdb-password}}"
                      - name: table
                        value: %s
                      - name: batchSize
                        value: "%d"
                      - name: delay
                        value: "%d"
                """
                .formatted(routeId, mariadb + SOURCE, LOGIN, table, batchSize, args.getLong("--delay-ms", 100));
    }

    /** The sums over the bench department's finished payloads in the hub's store. */
    private record Sums(
            long payloads,
            long failed,
            long received,
            long stored,
            long unchanged,
            long rejected,
            long conflicts,
            long hubMeasuredMillis) {

        static final Sums NONE = new Sums(0, 0, 0, 0, 0, 0, 0, 0);

        static Sums read(Connection c) throws SQLException {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(*) FILTER (WHERE status = 'FAILED'),"
                            + " COALESCE(SUM(received), 0), COALESCE(SUM(stored), 0), COALESCE(SUM(unchanged), 0),"
                            + " COALESCE(SUM(rejected), 0), COALESCE(SUM(conflicts), 0),"
                            + " COALESCE(EXTRACT(EPOCH FROM MAX(completed_at) - MIN(received_at)) * 1000, 0)"
                            + " FROM payload WHERE department = 'bench' AND status <> 'RECEIVED'")) {
                rs.next();
                return new Sums(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getLong(8));
            } catch (SQLException e) {
                if ("42P01".equals(e.getSQLState())) {
                    return NONE;
                }
                throw e;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- anchor

    /**
     * The copy's wall clock and CPU: the bench JVM (which does nothing else meanwhile), the PostgreSQL backend writing
     * the table, and the whole MariaDB server (absent where /proc does not show it).
     */
    record Anchor(
            long rows, long millis, long jvmCpuMillis, OptionalLong databaseCpuMillis, OptionalLong mariadbCpuMillis) {
        double rowsPerSecond() {
            return rows * 1000.0 / Math.max(1, millis);
        }
    }

    /**
     * A plain JDBC copy: the exchange table read in (update_time, id) order with a streaming fetch, written into a
     * PostgreSQL table of the same columns with batched INSERTs (reWriteBatchedInserts), a commit per batch. Warmed up
     * like the hub: the same first rows are copied into a table of their own first, untimed.
     */
    private Anchor anchor(long rows) throws SQLException {
        try (Connection pg = DriverManager.getConnection(
                databases.url(COPY) + "?reWriteBatchedInserts=true",
                args.get("--user", "postgres"),
                args.get("--password", ""))) {
            long warmup = Math.min(rows, args.getLong("--warmup-rows", rows));
            if (warmup > 0) {
                copy(pg, WARMUP_TABLE, warmup);
            }
            System.out.printf("%nanchor: plain JDBC copy MariaDB → PostgreSQL, batch %,d%n", batchSize);
            OptionalLong backendBefore = backendMillis(pg);
            OptionalLong mariadbBefore = mariadbCpuMillis();
            long jvmBefore = jvmCpuMillis();
            long t0 = System.nanoTime();
            long copied = copy(pg, TABLE, Long.MAX_VALUE);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            long jvmCpu = jvmCpuMillis() - jvmBefore;
            OptionalLong mariadbCpu = minus(mariadbCpuMillis(), mariadbBefore);
            OptionalLong backendCpu = minus(backendMillis(pg), backendBefore);
            if (copied != rows) {
                throw new IllegalStateException("the anchor copied " + copied + " rows, not " + rows);
            }
            return new Anchor(copied, millis, jvmCpu, backendCpu, mariadbCpu);
        }
    }

    /** Copies the exchange table's first {@code limit} rows into a new PostgreSQL table {@code into}. */
    private long copy(Connection pg, String into, long limit) throws SQLException {
        List<String> all = new ArrayList<>(List.of("id", "update_time"));
        all.addAll(COLUMNS);
        pg.setAutoCommit(true);
        try (Statement s = pg.createStatement()) {
            StringBuilder ddl =
                    new StringBuilder("CREATE TABLE " + into + " (id BIGINT PRIMARY KEY, update_time TIMESTAMP");
            for (String c : COLUMNS) {
                ddl.append(", ").append(c).append(" TEXT");
            }
            s.execute(ddl.append(")").toString());
        }
        pg.setAutoCommit(false);
        long copied = 0;
        try (Connection my = mariadbConnection(SOURCE);
                PreparedStatement select = my.prepareStatement(
                        "SELECT " + String.join(", ", all) + " FROM " + TABLE + " ORDER BY update_time, id");
                PreparedStatement insert =
                        pg.prepareStatement("INSERT INTO " + into + " (" + String.join(", ", all) + ") VALUES ("
                                + String.join(", ", all.stream().map(n -> "?").toList()) + ")")) {
            select.setFetchSize(batchSize);
            try (ResultSet rs = select.executeQuery()) {
                while (copied < limit && rs.next()) {
                    insert.setLong(1, rs.getLong(1));
                    insert.setTimestamp(2, rs.getTimestamp(2));
                    for (int i = 3; i <= all.size(); i++) {
                        insert.setString(i, rs.getString(i));
                    }
                    insert.addBatch();
                    if (++copied % batchSize == 0) {
                        insert.executeBatch();
                        pg.commit();
                    }
                }
            }
            insert.executeBatch();
            pg.commit();
        }
        return copied;
    }

    // ------------------------------------------------------------------------------------------------- report

    private void printTable(long rows, PenaltyFileGenerator.Counts g, HubRun hub, Anchor anchor) {
        double hubRate = rows * 1000.0 / Math.max(1, hub.answeredMillis());
        System.out.printf("%n== front-end database (前置库) benchmark: %,d rows, MariaDB → PostgreSQL ==%n", rows);
        System.out.printf("%-38s %20s %20s%n", "", "hub (frontdb-poll)", "anchor (JDBC copy)");
        System.out.printf(
                "%-38s %20s %20s%n",
                "elapsed ms (all rows answered)",
                String.format("%,d", hub.answeredMillis()),
                String.format("%,d", anchor.millis()));
        System.out.printf(
                "%-38s %20s %20s%n",
                "rows/s", String.format("%,.0f", hubRate), String.format("%,.0f", anchor.rowsPerSecond()));
        System.out.printf(
                "%-38s %20s%n",
                "ratio hub / anchor (target ≥ 50 %)", String.format("%.1f %%", 100 * hubRate / anchor.rowsPerSecond()));
        System.out.printf(
                "%-38s %20s%n",
                "  until all rows in payloads",
                hub.storedMillis() < 0 ? "n/a" : String.format("%,d ms", hub.storedMillis()));
        System.out.printf(
                "%-38s %20s%n",
                "  first received_at → last completed_at", String.format("%,d ms", hub.hubMeasuredMillis()));
        System.out.printf(
                "%-38s %20s%n",
                "hub peak heap (GC log)", mib(hub.heap().peakMiB()) + " of " + args.get("--hub-xmx", "512m"));
        System.out.printf(
                "%-38s %20s%n", "  during the load, before GC", mib(hub.heap().loadPeakMiB()));
        System.out.printf(
                "%-38s %20s%n",
                "  during the load, after GC (live)", mib(hub.heap().loadLiveMiB()));
        System.out.printf(
                "%-38s %20s %20s%n",
                "CPU ms MariaDB server (whole)", opt(hub.mariadbCpuMillis()), opt(anchor.mariadbCpuMillis()));
        System.out.printf(
                "%-38s %20s %20s%n",
                "CPU ms JVM / PostgreSQL backends",
                String.format("%,d / %s", hub.hubCpuMillis(), opt(hub.databaseCpuMillis())),
                String.format("%,d / %s", anchor.jvmCpuMillis(), opt(anchor.databaseCpuMillis())));
        OptionalDouble hubCpu = perRow(rows, hub.hubCpuMillis(), hub.databaseCpuMillis(), hub.mariadbCpuMillis());
        OptionalDouble anchorCpu =
                perRow(rows, anchor.jvmCpuMillis(), anchor.databaseCpuMillis(), anchor.mariadbCpuMillis());
        System.out.printf(
                "%-38s %20s %20s%n",
                "CPU µs per row, all three",
                hubCpu.isPresent() ? String.format("%.0f", hubCpu.getAsDouble()) : "n/a",
                anchorCpu.isPresent() ? String.format("%.0f", anchorCpu.getAsDouble()) : "n/a");
        System.out.printf(
                "%-38s %20s%n",
                "ratio by CPU per row (anchor / hub)",
                hubCpu.isPresent() && anchorCpu.isPresent()
                        ? String.format("%.1f %%", 100 * anchorCpu.getAsDouble() / hubCpu.getAsDouble())
                        : "n/a");
        System.out.printf("%n%-38s %20s %20s%n", "outcome", "hub", "generator");
        System.out.printf("%-38s %20s%n", "status", hub.timedOut() ? "TIMEOUT" : "done");
        System.out.printf(
                "%-38s %,20d %20s%n", "payloads (FAILED)", hub.payloads(), "(" + hub.failedPayloads() + " failed)");
        row("received", hub.received(), g.rows(), "rows written");
        row("answered (feedback rows)", hub.answered(), g.rows(), "rows written");
        row("stored", hub.stored(), g.fresh() + g.updates(), "new + updates");
        row("unchanged", hub.unchanged(), 0, "none generated");
        row("rejected", hub.rejected(), g.invalid(), "invalid rows");
        row("conflicts", hub.conflicts(), 0, "none generated");
    }

    private static String opt(OptionalLong value) {
        return value.isPresent() ? String.format("%,d", value.getAsLong()) : "n/a";
    }

    private static OptionalDouble perRow(long rows, long jvm, OptionalLong postgres, OptionalLong mariadb) {
        return postgres.isPresent() && mariadb.isPresent()
                ? OptionalDouble.of((jvm + postgres.getAsLong() + mariadb.getAsLong()) * 1000.0 / rows)
                : OptionalDouble.empty();
    }

    private static OptionalLong minus(OptionalLong after, OptionalLong before) {
        return after.isPresent() && before.isPresent()
                ? OptionalLong.of(after.getAsLong() - before.getAsLong())
                : OptionalLong.empty();
    }

    private static long jvmCpuMillis() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toMillis)
                .orElse(0L);
    }

    /** CPU of the backend serving this connection. */
    private static OptionalLong backendMillis(Connection c) throws SQLException {
        return BackendCpu.processMillis(count(c, "SELECT pg_backend_pid()"));
    }

    /**
     * CPU of the whole MariaDB server on this machine (mariadbd or mysqld), from /proc: other users of the server count
     * too. Empty when it runs elsewhere.
     */
    private static OptionalLong mariadbCpuMillis() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .command()
                        .map(cmd -> cmd.endsWith("/mariadbd") || cmd.endsWith("/mysqld"))
                        .orElse(false))
                .findFirst()
                .map(p -> BackendCpu.processMillis(p.pid()))
                .orElse(OptionalLong.empty());
    }

    private static String mib(OptionalDouble value) {
        return value.isPresent() ? String.format("%.0f MiB", value.getAsDouble()) : "n/a";
    }

    private static void row(String name, long hub, long generator, String note) {
        System.out.printf("%-38s %,20d %,20d  %s%n", name, hub, generator, note);
    }

    // ------------------------------------------------------------------------------------------------- MariaDB

    private Connection mariadbConnection(String database) throws SQLException {
        return DriverManager.getConnection(mariadb + database, mariadbUser, mariadbPassword);
    }

    private void mariadb(String sql) throws SQLException {
        try (Connection c = mariadbConnection("");
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
