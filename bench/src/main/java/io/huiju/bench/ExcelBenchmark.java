package io.huiju.bench;

import io.huiju.bench.HubIngest.HubRun;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * Issue [2]: the same rows as a CSV file and as an .xlsx workbook, each loaded through its own hub (same jar, same
 * heap cap) into its own fresh database; prints both rates, the ratio xlsx / csv, each run's peak heap, and both
 * runs' outcome counts side by side, flagging any difference. The COPY anchor runs on the CSV file on request.
 *
 * <p>Run from the repository root ({@code bench/run.sh --excel} does). Exit codes as {@link IngestBenchmark}, and 1
 * as well when the two runs' outcomes differ.
 */
public final class ExcelBenchmark {

    private static final String USAGE = "bench/run.sh --excel [--rows N] [--jdbc-base URL] [--user U] [--password P]"
            + " [--timeout-minutes 30] [--hub-xmx 512m] [--seed S] [--hub-java-options \"...\"] [--work-mem 256MB]"
            + " [--shared-strings] [--with-anchor] [--xlsx-only] [--keep]";
    private static final Set<String> OPTIONS = Set.of(
            "--rows",
            "--jdbc-base",
            "--user",
            "--password",
            "--timeout-minutes",
            "--hub-xmx",
            "--seed",
            "--hub-java-options",
            "--work-mem");
    private static final Set<String> FLAGS = Set.of("--keep", "--shared-strings", "--with-anchor", "--xlsx-only");
    /** Issue [2]: the .xlsx path at 60 % of the CSV path's rate or better. */
    static final double TARGET_RATIO = 0.60;

    /** One format's run: its file, its hub run and what it left in the database. */
    private record Leg(String format, Path file, long bytes, HubRun run, StoredContent stored) {}

    private final Args args;
    private final Path root;
    private final Path out;
    private final BenchDatabases databases;
    private final HubIngest hubs;

    private ExcelBenchmark(Args args, Path root) {
        this.args = args;
        this.root = root;
        this.out = root.resolve("bench/out");
        this.databases = BenchDatabases.of(args);
        this.hubs = new HubIngest(IngestBenchmark.hubSettings(args, root, out, databases));
    }

    public static void main(String[] argv) {
        BenchMain.exit(
                argv, OPTIONS, FLAGS, USAGE, args -> new ExcelBenchmark(args, IngestBenchmark.repositoryRoot()).run());
    }

    private int run() throws Exception {
        long rows = args.getLong("--rows", 1_000_000);
        if (rows < 1 || rows > WorkbookSink.MAX_DATA_ROWS) {
            throw new IllegalArgumentException(String.format(
                    "--rows must be between 1 and %,d: one sheet holds 1,048,576 rows, a title and a header included",
                    WorkbookSink.MAX_DATA_ROWS));
        }
        HubIngest.requireInstallation(root);
        IngestBenchmark.printMachine(databases);
        WorkbookSink.Strings strings =
                args.has("--shared-strings") ? WorkbookSink.Strings.SHARED : WorkbookSink.Strings.INLINE;
        Path csv = out.resolve("penalties-" + rows + ".csv");
        Path xlsx = out.resolve("penalties-" + rows + (strings == WorkbookSink.Strings.SHARED ? "-sst" : "") + ".xlsx");
        PenaltyFileGenerator.Counts counts = generate(rows, csv, strings);
        generate(rows, xlsx, strings);

        List<String> created = new ArrayList<>();
        try {
            Leg csvLeg = null;
            if (!args.has("--xlsx-only")) {
                csvLeg = load("csv", csv, rows, BenchDatabases.HUB, created);
            }
            Leg xlsxLeg = load("xlsx", xlsx, rows, BenchDatabases.HUB_XLSX, created);
            CopyAnchor.Result anchor = null;
            if (args.has("--with-anchor")) {
                databases.recreate(BenchDatabases.COPY);
                created.add(BenchDatabases.COPY);
                System.out.println();
                anchor = CopyAnchor.run(
                        databases.url(BenchDatabases.COPY),
                        args.get("--user", "postgres"),
                        args.get("--password", ""),
                        csv,
                        args.get("--work-mem", null));
                CopyAnchor.print(anchor);
            }
            boolean same = printTable(rows, counts, strings, csvLeg, xlsxLeg, anchor);
            return exitCode(csvLeg, xlsxLeg, same);
        } finally {
            for (String database : created) {
                if (args.has("--keep")) {
                    System.out.println("kept database " + database);
                } else {
                    databases.drop(database);
                }
            }
        }
    }

    private PenaltyFileGenerator.Counts generate(long rows, Path file, WorkbookSink.Strings strings) throws Exception {
        long started = System.nanoTime();
        PenaltyFileGenerator.Counts counts = new PenaltyFileGenerator(
                        args.getLong("--seed", PenaltyFileGenerator.DEFAULT_SEED))
                .write(rows, file, strings);
        PenaltyFileGenerator.print(counts, file, (System.nanoTime() - started) / 1_000_000);
        return counts;
    }

    private Leg load(String format, Path file, long rows, String database, List<String> created) throws Exception {
        databases.recreate(database);
        created.add(database);
        HubRun run = hubs.load(file, rows, database, "hub-" + format);
        StoredContent stored;
        try (Connection c = databases.connect(database)) {
            stored = StoredContent.read(c);
        }
        return new Leg(format, file, java.nio.file.Files.size(file), run, stored);
    }

    /** @return whether both runs had the same outcome (true when only one ran) */
    private boolean printTable(
            long rows,
            PenaltyFileGenerator.Counts g,
            WorkbookSink.Strings strings,
            Leg csv,
            Leg xlsx,
            CopyAnchor.Result anchor) {
        String xmx = args.get("--hub-xmx", "512m");
        System.out.printf(
                "%n== Excel ingest benchmark: %,d rows, national penalty layout, hub -Xmx%s, .xlsx with %s strings ==%n",
                rows, xmx, strings == WorkbookSink.Strings.SHARED ? "shared" : "inline");
        System.out.printf("%-34s %18s %18s%n", "", "hub, .csv", "hub, .xlsx");
        line("file size", csv, xlsx, l -> String.format("%,d MB", l.bytes() / 1_000_000));
        line("elapsed ms", csv, xlsx, l -> String.format("%,d", l.run().wallMillis()));
        line("rows/s", csv, xlsx, l -> String.format("%,.0f", l.run().rowsPerSecond(rows)));
        line(
                "hub completed_at − received_at",
                csv,
                xlsx,
                l -> l.run().payload() == null
                        ? "n/a"
                        : l.run()
                                .payload()
                                .hubMeasured()
                                .map(d -> String.format("%,d ms", d.toMillis()))
                                .orElse("n/a"));
        line("CPU ms, hub JVM", csv, xlsx, l -> String.format("%,d", l.run().hubCpuMillis()));
        line(
                "CPU ms, PostgreSQL backends",
                csv,
                xlsx,
                l -> l.run().databaseCpuMillis().isPresent()
                        ? String.format("%,d", l.run().databaseCpuMillis().getAsLong())
                        : "n/a");
        line(
                "CPU µs per row, both",
                csv,
                xlsx,
                l -> l.run().cpuMicrosPerRow(rows).isPresent()
                        ? String.format("%.0f", l.run().cpuMicrosPerRow(rows).getAsDouble())
                        : "n/a");
        line("peak heap (GC log)", csv, xlsx, l -> mib(l.run().heap().peakMiB()));
        line("  during the load, before GC", csv, xlsx, l -> mib(l.run().heap().loadPeakMiB()));
        line(
                "  during the load, after GC (live)",
                csv,
                xlsx,
                l -> mib(l.run().heap().loadLiveMiB()));
        Double ratio =
                csv == null ? null : xlsx.run().rowsPerSecond(rows) / csv.run().rowsPerSecond(rows);
        System.out.printf(
                "%-34s %18s  target ≥ %.0f %%: %s%n",
                "ratio xlsx / csv",
                ratio == null ? "n/a" : String.format("%.1f %%", 100 * ratio),
                100 * TARGET_RATIO,
                ratio == null ? "n/a" : ratio >= TARGET_RATIO ? "met" : "NOT met");
        if (csv != null
                && csv.run().cpuMicrosPerRow(rows).isPresent()
                && xlsx.run().cpuMicrosPerRow(rows).isPresent()) {
            System.out.printf(
                    "%-34s %18s  (less sensitive to other work on the machine)%n",
                    "ratio by CPU per row (csv / xlsx)",
                    String.format(
                            "%.1f %%",
                            100
                                    * csv.run().cpuMicrosPerRow(rows).getAsDouble()
                                    / xlsx.run().cpuMicrosPerRow(rows).getAsDouble()));
        }
        boolean xlsxComplete = !xlsx.run().timedOut()
                && "DONE".equals(xlsx.run().status())
                && xlsx.run().payload().received() == rows;
        System.out.printf(
                "%-34s %18s  target: the whole workbook within -Xmx%s: %s%n",
                "", "", xmx, xlsxComplete ? "met" : "NOT met");
        if (anchor != null) {
            System.out.printf(
                    "%-34s %18s  (%,.0f rows/s; csv %.1f %%, xlsx %.1f %% of it)%n",
                    "anchor (COPY + upsert, .csv)",
                    String.format("%,d ms", anchor.millis()),
                    anchor.rowsPerSecond(),
                    csv == null ? Double.NaN : 100 * csv.run().rowsPerSecond(rows) / anchor.rowsPerSecond(),
                    100 * xlsx.run().rowsPerSecond(rows) / anchor.rowsPerSecond());
        }

        System.out.printf("%n%-34s %18s %18s %18s%n", "outcome", "hub, .csv", "hub, .xlsx", "generator");
        boolean same = true;
        same &= outcome("status", csv, xlsx, HubRun::status, "");
        same &= outcome("received", csv, xlsx, r -> r.payload().received(), String.format("%,d", g.rows()));
        same &= outcome("stored", csv, xlsx, r -> r.payload().stored(), String.format("%,d", g.fresh() + g.updates()));
        same &= outcome("unchanged", csv, xlsx, r -> r.payload().unchanged(), "0");
        same &= outcome("rejected", csv, xlsx, r -> r.payload().rejected(), String.format("%,d", g.invalid()));
        same &= outcome("conflicts", csv, xlsx, r -> r.payload().conflicts(), "0");
        same &= stored("records in the libraries", csv, xlsx, StoredContent::records);
        same &= stored("  fingerprint (key, version, hash)", csv, xlsx, StoredContent::recordSum);
        same &= stored("superseded versions (history)", csv, xlsx, StoredContent::history);
        same &= stored("reject lines", csv, xlsx, StoredContent::rejectLines);
        same &= stored("  fingerprint (code, field)", csv, xlsx, StoredContent::rejectSum);
        if (csv != null) {
            System.out.println(
                    same
                            ? "the two formats had the same outcome, row for row"
                            : "DIFFERENT OUTCOMES: the .xlsx run did not store or reject what the .csv run did (see !=)");
        }
        return same;
    }

    private static void line(String name, Leg csv, Leg xlsx, Function<Leg, String> value) {
        System.out.printf("%-34s %18s %18s%n", name, csv == null ? "n/a" : value.apply(csv), value.apply(xlsx));
    }

    private static boolean outcome(String name, Leg csv, Leg xlsx, Function<HubRun, Object> value, String generator) {
        Object a = csv == null || csv.run().payload() == null ? null : value.apply(csv.run());
        Object b = xlsx.run().payload() == null ? null : value.apply(xlsx.run());
        return compare(name, a, b, generator);
    }

    private static boolean stored(String name, Leg csv, Leg xlsx, Function<StoredContent, Long> value) {
        return compare(name, csv == null ? null : value.apply(csv.stored()), value.apply(xlsx.stored()), "");
    }

    private static boolean compare(String name, Object csv, Object xlsx, String generator) {
        boolean same = csv == null || csv.equals(xlsx);
        System.out.printf(
                "%-34s %18s %18s %18s%s%n", name, format(csv), format(xlsx), generator, same ? "" : "  != DIFFERENT");
        return same;
    }

    private static String format(Object value) {
        if (value == null) {
            return "n/a";
        }
        return value instanceof Long n ? String.format("%,d", n) : value.toString();
    }

    private static String mib(OptionalDouble value) {
        return value.isPresent() ? String.format("%.0f MiB", value.getAsDouble()) : "n/a";
    }

    private static int exitCode(Leg csv, Leg xlsx, boolean same) {
        for (Leg leg : new Leg[] {csv, xlsx}) {
            if (leg != null && leg.run().timedOut()) {
                return 3;
            }
        }
        for (Leg leg : new Leg[] {csv, xlsx}) {
            if (leg != null && "FAILED".equals(leg.run().status())) {
                return 1;
            }
        }
        return same ? 0 : 1;
    }
}
