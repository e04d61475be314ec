package io.huiju.bench;

import io.huiju.bench.HubIngest.HubRun;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

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
            + " [--seed S] [--hub-java-options \"-XX:...\"] [--keep] [--anchor-only]";
    private static final Set<String> OPTIONS = Set.of(
            "--rows",
            "--jdbc-base",
            "--user",
            "--password",
            "--timeout-minutes",
            "--hub-xmx",
            "--work-mem",
            "--seed",
            "--hub-java-options");
    private static final Set<String> FLAGS = Set.of("--keep", "--anchor-only");

    private final Args args;
    private final Path root;
    private final Path out;
    private final BenchDatabases databases;
    private final HubIngest hubs;

    private IngestBenchmark(Args args, Path root) {
        this.args = args;
        this.root = root;
        this.out = root.resolve("bench/out");
        this.databases = BenchDatabases.of(args);
        this.hubs = new HubIngest(hubSettings(args, root, out, databases));
    }

    /** The options every benchmark that starts hubs shares. */
    static HubIngest.Settings hubSettings(Args args, Path root, Path out, BenchDatabases databases) {
        String javaOptions = args.get("--hub-java-options", "").trim();
        return new HubIngest.Settings(
                root,
                out,
                databases,
                args.get("--user", "postgres"),
                args.get("--password", ""),
                args.get("--hub-xmx", "512m"),
                javaOptions.isEmpty() ? List.of() : List.of(javaOptions.split("\\s+")),
                Duration.ofMinutes(args.getLong("--timeout-minutes", 30)));
    }

    public static void main(String[] argv) {
        BenchMain.exit(argv, OPTIONS, FLAGS, USAGE, args -> new IngestBenchmark(args, repositoryRoot()).run());
    }

    static Path repositoryRoot() {
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
        if (withHub) {
            HubIngest.requireInstallation(root);
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
                hub = hubs.load(csv, rows, BenchDatabases.HUB, "hub");
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

    private void printMachine() throws SQLException {
        printMachine(databases);
    }

    static void printMachine(BenchDatabases databases) throws SQLException {
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
}
