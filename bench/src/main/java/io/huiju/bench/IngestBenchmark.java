package io.huiju.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One command, one run: generates the penalty file, loads it through the hub's file channel into one fresh database
 * and with COPY + upsert into another, and prints both rates, their ratio and the hub's peak heap.
 *
 * <p>Run from the repository root (bench/run.sh does). Exit codes: 0 done, 1 the hub's payload FAILED, 2 a setup
 * problem (jar missing, hub not healthy, bad argument), 3 the hub did not finish in time.
 */
public final class IngestBenchmark {

    private static final String USAGE = "IngestBenchmark [--rows N] [--jdbc-base jdbc:postgresql://127.0.0.1:5432/]"
            + " [--user postgres] [--password P] [--timeout-minutes 30] [--hub-xmx 512m] [--work-mem 256MB]"
            + " [--seed S] [--keep] [--anchor-only]";
    private static final Set<String> OPTIONS = Set.of(
            "--rows", "--jdbc-base", "--user", "--password", "--timeout-minutes", "--hub-xmx", "--work-mem", "--seed");
    private static final Set<String> FLAGS = Set.of("--keep", "--anchor-only");
    static final String HUB_JAR = "hub/target/huiju-hub-0.1.0-SNAPSHOT-exec.jar";
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(120);
    private static final long POLL_MILLIS = 250;
    /** The file channel looks every 2 s and waits for a stable size; a minute without a payload row means trouble. */
    private static final Duration FIRST_SIGHT = Duration.ofSeconds(60);

    private static final String BENCH_ROUTE =
            """
            - templatedRoute:
                routeTemplateRef: file-drop
                routeId: file-drop-bench
                parameters:
                  - name: department
                    value: bench
                  - name: mapping
                    value: national-penalty
            """;

    /** What the hub run measured: the wall clock from the move to DONE, its payload row, its peak heap. */
    record HubRun(HubPayload payload, long wallMillis, boolean timedOut, GcLog.Heap heap) {

        double rowsPerSecond(long rows) {
            return rows * 1000.0 / Math.max(1, wallMillis);
        }
    }

    private final Args args;
    private final Path root;
    private final Path out;
    private final BenchDatabases databases;

    private IngestBenchmark(Args args, Path root) {
        this.args = args;
        this.root = root;
        this.out = root.resolve("bench/out");
        this.databases = new BenchDatabases(
                args.get("--jdbc-base", "jdbc:postgresql://127.0.0.1:5432/"),
                args.get("--user", "postgres"),
                args.get("--password", ""));
    }

    public static void main(String[] argv) {
        int code;
        try {
            Args args = Args.parse(argv, OPTIONS, FLAGS, USAGE);
            code = new IngestBenchmark(args, repositoryRoot()).run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("bench: " + e.getMessage());
            code = 2;
        } catch (Exception e) {
            e.printStackTrace();
            code = 2;
        }
        System.exit(code);
    }

    private static Path repositoryRoot() {
        Path cwd = Path.of("").toAbsolutePath();
        if (!Files.isRegularFile(cwd.resolve("bench/pom.xml"))) {
            throw new IllegalStateException(
                    "run from the repository root (bench/run.sh changes there); " + cwd + " has no bench/pom.xml");
        }
        return cwd;
    }

    private int run() throws Exception {
        long rows = args.getLong("--rows", 1_000_000);
        if (rows < 1) {
            throw new IllegalArgumentException("--rows must be at least 1");
        }
        boolean withHub = !args.has("--anchor-only");
        Path jar = root.resolve(HUB_JAR);
        if (withHub) {
            requireHubInstallation(jar);
        }
        printMachine();

        Path csv = out.resolve("penalties-" + rows + ".csv");
        long started = System.nanoTime();
        PenaltyFileGenerator.Counts counts =
                new PenaltyFileGenerator(args.getLong("--seed", PenaltyFileGenerator.DEFAULT_SEED)).write(rows, csv);
        PenaltyFileGenerator.print(counts, csv, (System.nanoTime() - started) / 1_000_000);

        try {
            databases.recreate(BenchDatabases.COPY);
            HubRun hub = null;
            if (withHub) {
                databases.recreate(BenchDatabases.HUB);
                hub = runHub(jar, csv, rows);
            }
            System.out.println();
            CopyAnchor.Result anchor = CopyAnchor.run(
                    databases.url(BenchDatabases.COPY),
                    args.get("--user", "postgres"),
                    args.get("--password", ""),
                    csv,
                    args.get("--work-mem", null));
            CopyAnchor.print(anchor);
            printTable(rows, counts, hub, anchor);
            return exitCode(hub);
        } finally {
            if (args.has("--keep")) {
                System.out.println("kept databases " + BenchDatabases.HUB + " and " + BenchDatabases.COPY);
            } else {
                databases.drop(BenchDatabases.HUB);
                databases.drop(BenchDatabases.COPY);
            }
        }
    }

    private void requireHubInstallation(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the hub jar " + jar + " is missing: build it with `mvn -B -DskipTests"
                    + " -pl hub -am package` (bench/run.sh does), or pass --anchor-only to measure the anchor alone");
        }
        for (String dir : new String[] {"routes", "mappings"}) {
            if (!Files.isDirectory(root.resolve(dir))) {
                throw new IllegalStateException("the hub's " + dir + "/ directory is missing at " + root.resolve(dir));
            }
        }
    }

    private HubRun runHub(Path jar, Path csv, long rows) throws Exception {
        Path home = prepareHome();
        Path gcLog = out.resolve("hub-gc.log");
        Path log = out.resolve("hub.log");
        Files.deleteIfExists(gcLog);
        HubProcess.Launch launch = new HubProcess.Launch(
                jar,
                home,
                HubProcess.freePort(),
                databases.url(BenchDatabases.HUB),
                args.get("--user", "postgres"),
                args.get("--password", ""),
                args.get("--hub-xmx", "512m"),
                gcLog,
                log);
        System.out.printf("%nstarting the hub on port %d (-Xmx%s), log %s%n", launch.port(), launch.xmx(), log);
        HubRun run;
        double loadFrom;
        try (HubProcess hub = HubProcess.start(launch)) {
            hub.awaitHealthy(HEALTH_TIMEOUT);
            Path staged = home.resolve("incoming").resolve(csv.getFileName());
            stage(csv, staged);
            try (Connection c = databases.connect(BenchDatabases.HUB)) {
                long t0 = System.nanoTime();
                loadFrom = hub.uptimeSeconds(t0);
                Files.move(
                        staged, home.resolve("inbox/bench").resolve(csv.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                run = await(c, hub, t0, rows);
            }
        }
        return new HubRun(run.payload(), run.wallMillis(), run.timedOut(), GcLog.heap(gcLog, loadFrom));
    }

    /** A fresh hub home: the repository's routes and mappings, the bench department's route, an empty inbox. */
    private Path prepareHome() throws IOException {
        Path home = out.resolve("home");
        deleteTree(home);
        copyTree(root.resolve("routes"), home.resolve("routes"));
        copyTree(root.resolve("mappings"), home.resolve("mappings"));
        Path departments = Files.createDirectories(home.resolve("routes/departments"));
        Files.writeString(departments.resolve("bench.camel.yaml"), BENCH_ROUTE, StandardCharsets.UTF_8);
        Files.createDirectories(home.resolve("inbox/bench"));
        Files.createDirectories(home.resolve("incoming"));
        return home;
    }

    /** Outside the inbox, on the same file system, so the move into the inbox is atomic; a link saves the copy. */
    private static void stage(Path csv, Path staged) throws IOException {
        try {
            Files.createLink(staged, csv);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(csv, staged);
        }
    }

    private HubRun await(Connection c, HubProcess hub, long t0, long rows) throws SQLException, InterruptedException {
        long timeout = Duration.ofMinutes(args.getLong("--timeout-minutes", 30)).toNanos();
        long nextReport = t0 + Duration.ofSeconds(10).toNanos();
        Optional<HubPayload> last = Optional.empty();
        while (true) {
            long now = System.nanoTime();
            last = HubPayload.read(c);
            if (last.isPresent() && last.get().finished()) {
                return new HubRun(last.get(), (now - t0) / 1_000_000, false, null);
            }
            if (now - t0 > timeout) {
                System.out.println("the hub did not finish within " + args.getLong("--timeout-minutes", 30)
                        + " minutes; last lines of its log:\n" + hub.tail(20));
                return new HubRun(last.orElse(null), (now - t0) / 1_000_000, true, null);
            }
            hub.requireAlive("while loading the file");
            if (last.isEmpty() && now - t0 > FIRST_SIGHT.toNanos()) {
                throw new IllegalStateException("no payload row for department 'bench' " + FIRST_SIGHT.toSeconds()
                        + " s after the file reached the inbox: is route file-drop-bench running? last lines of the"
                        + " hub's log:\n" + hub.tail(40));
            }
            if (now >= nextReport) {
                System.out.printf(
                        "  %4d s  %s%n",
                        (now - t0) / 1_000_000_000,
                        last.map(p -> String.format(
                                        "%s, %,d of %,d rows received, %,d stored, %,d rejected",
                                        p.status(), p.received(), rows, p.stored(), p.rejected()))
                                .orElse("no payload row yet"));
                nextReport += Duration.ofSeconds(10).toNanos();
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private void printMachine() throws SQLException {
        System.out.printf(
                "machine: %d cores, load average %.2f, Java %s, %s%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.version"),
                "PostgreSQL " + databases.serverVersion());
    }

    private void printTable(long rows, PenaltyFileGenerator.Counts g, HubRun hub, CopyAnchor.Result anchor) {
        String na = "n/a";
        System.out.printf("%n== ingest benchmark: %,d rows, national penalty layout ==%n", rows);
        System.out.printf("%-34s %18s %18s%n", "", "hub (file channel)", "anchor (COPY)");
        System.out.printf(
                "%-34s %18s %18s%n",
                "elapsed ms",
                hub == null ? na : String.format("%,d", hub.wallMillis()),
                String.format("%,d", anchor.millis()));
        System.out.printf(
                "%-34s %18s %18s%n",
                "rows/s",
                hub == null ? na : String.format("%,.0f", hub.rowsPerSecond(rows)),
                String.format("%,.0f", anchor.rowsPerSecond()));
        System.out.printf(
                "%-34s %18s%n",
                "ratio hub / anchor",
                hub == null ? na : String.format("%.1f %%", 100 * hub.rowsPerSecond(rows) / anchor.rowsPerSecond()));
        System.out.printf(
                "%-34s %18s%n",
                "hub peak heap (GC log)",
                hub == null ? na : mib(hub.heap().peakMiB()) + " of " + args.get("--hub-xmx", "512m"));
        System.out.printf(
                "%-34s %18s%n",
                "  during the load, before GC",
                hub == null ? na : mib(hub.heap().loadPeakMiB()));
        System.out.printf(
                "%-34s %18s%n",
                "  during the load, after GC (live)",
                hub == null ? na : mib(hub.heap().loadLiveMiB()));
        HubPayload p = hub == null ? null : hub.payload();
        System.out.printf(
                "%-34s %18s%n",
                "hub completed_at − received_at",
                p == null
                        ? na
                        : p.hubMeasured()
                                .map(d -> String.format("%,d ms", d.toMillis()))
                                .orElse(na));
        System.out.printf("%n%-34s %18s %18s%n", "outcome", "hub", "generator");
        System.out.printf("%-34s %18s%n", "status", hub == null ? na : hub.timedOut() ? "TIMEOUT" : p.status());
        row("received", p == null ? null : p.received(), g.rows(), "rows written");
        row("stored", p == null ? null : p.stored(), g.fresh() + g.updates(), "new + updates");
        row("unchanged", p == null ? null : p.unchanged(), 0, "none generated");
        row("rejected", p == null ? null : p.rejected(), g.invalid(), "invalid rows");
        row("conflicts", p == null ? null : p.conflicts(), 0, "none generated");
        System.out.printf(
                "(generator: %,d new decisions, %,d updates of earlier keys, %,d invalid rows; %,d distinct valid keys;"
                        + " anchor upserted %,d keys, invalid rows included)%n",
                g.fresh(), g.updates(), g.invalid(), g.validKeys(), anchor.keys());
    }

    private static String mib(OptionalDouble value) {
        return value.isPresent() ? String.format("%.0f MiB", value.getAsDouble()) : "n/a";
    }

    private static void row(String name, Long hub, long generator, String note) {
        System.out.printf(
                "%-34s %18s %,18d  %s%n", name, hub == null ? "n/a" : String.format("%,d", hub), generator, note);
    }

    private static int exitCode(HubRun hub) {
        if (hub == null) {
            return 0;
        }
        if (hub.timedOut()) {
            return 3;
        }
        return "FAILED".equals(hub.payload().status()) ? 1 : 0;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
