package io.huiju.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Loads one file through a hub started for it alone: a fresh home, the given (already fresh) database, the file moved
 * atomically into {@code inbox/bench/}, the clock running from the move until the payload row says DONE or FAILED.
 * The hub is stopped afterwards, so each file gets a JVM of its own and its own GC log.
 */
final class HubIngest {

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

    /**
     * What a hub run measured: the wall clock from the move to DONE, its payload row, its peak heap, and the CPU time
     * the hub and its PostgreSQL backends used meanwhile (the latter absent when the server is on another machine).
     */
    record HubRun(
            HubPayload payload,
            long wallMillis,
            boolean timedOut,
            GcLog.Heap heap,
            long hubCpuMillis,
            OptionalLong databaseCpuMillis) {

        double rowsPerSecond(long rows) {
            return rows * 1000.0 / Math.max(1, wallMillis);
        }

        /** Microseconds of CPU per row, the hub's and the database's together; empty without the latter. */
        OptionalDouble cpuMicrosPerRow(long rows) {
            return databaseCpuMillis.isEmpty()
                    ? OptionalDouble.empty()
                    : OptionalDouble.of((hubCpuMillis + databaseCpuMillis.getAsLong()) * 1000.0 / rows);
        }

        String status() {
            return timedOut ? "TIMEOUT" : payload.status();
        }
    }

    /** How every hub of a benchmark run is started; {@code javaOptions} come before {@code -jar} (e.g. JFR). */
    record Settings(
            Path root,
            Path out,
            BenchDatabases databases,
            String user,
            String password,
            String xmx,
            List<String> javaOptions,
            Duration timeout) {}

    private final Settings settings;

    HubIngest(Settings settings) {
        this.settings = settings;
    }

    static void requireInstallation(Path root) {
        Path jar = root.resolve(HUB_JAR);
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

    /**
     * @param label names the hub's log files, e.g. {@code hub} writes {@code hub.log} and {@code hub-gc.log}
     */
    HubRun load(Path file, long rows, String database, String label) throws Exception {
        Path out = settings.out();
        Path home = prepareHome();
        Path gcLog = out.resolve(label + "-gc.log");
        Path log = out.resolve(label + ".log");
        Files.deleteIfExists(gcLog);
        HubProcess.Launch launch = new HubProcess.Launch(
                settings.root().resolve(HUB_JAR),
                home,
                HubProcess.freePort(),
                settings.databases().url(database),
                settings.user(),
                settings.password(),
                settings.xmx(),
                settings.javaOptions(),
                gcLog,
                log);
        System.out.printf(
                "%nstarting the hub on port %d (-Xmx%s) for %s, log %s%n",
                launch.port(), launch.xmx(), file.getFileName(), log);
        HubRun run;
        double loadFrom;
        long hubCpu;
        OptionalLong databaseCpu;
        try (HubProcess hub = HubProcess.start(launch)) {
            hub.awaitHealthy(HEALTH_TIMEOUT);
            Path staged = home.resolve("incoming").resolve(file.getFileName());
            stage(file, staged);
            try (Connection c = settings.databases().connect(database)) {
                Map<Integer, Long> backendsBefore = BackendCpu.read(c);
                long hubBefore = hub.cpuMillis();
                long t0 = System.nanoTime();
                loadFrom = hub.uptimeSeconds(t0);
                Files.move(
                        staged,
                        home.resolve("inbox/bench").resolve(file.getFileName()),
                        StandardCopyOption.ATOMIC_MOVE);
                run = await(c, hub, t0, rows);
                hubCpu = hub.cpuMillis() - hubBefore;
                databaseCpu = BackendCpu.between(backendsBefore, BackendCpu.read(c));
            }
        }
        return new HubRun(
                run.payload(), run.wallMillis(), run.timedOut(), GcLog.heap(gcLog, loadFrom), hubCpu, databaseCpu);
    }

    /** A fresh hub home: the repository's routes and mappings, the bench department's route, an empty inbox. */
    Path prepareHome() throws IOException {
        Path home = settings.out().resolve("home");
        deleteTree(home);
        copyTree(settings.root().resolve("routes"), home.resolve("routes"));
        copyTree(settings.root().resolve("mappings"), home.resolve("mappings"));
        Path departments = Files.createDirectories(home.resolve("routes/departments"));
        Files.writeString(departments.resolve("bench.camel.yaml"), BENCH_ROUTE, StandardCharsets.UTF_8);
        Files.createDirectories(home.resolve("inbox/bench"));
        Files.createDirectories(home.resolve("incoming"));
        return home;
    }

    /** Outside the inbox, on the same file system, so the move into the inbox is atomic; a link saves the copy. */
    private static void stage(Path file, Path staged) throws IOException {
        try {
            Files.createLink(staged, file);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(file, staged);
        }
    }

    private HubRun await(Connection c, HubProcess hub, long t0, long rows) throws SQLException, InterruptedException {
        long timeout = settings.timeout().toNanos();
        long nextReport = t0 + Duration.ofSeconds(10).toNanos();
        Optional<HubPayload> last = Optional.empty();
        while (true) {
            long now = System.nanoTime();
            last = HubPayload.read(c);
            if (last.isPresent() && last.get().finished()) {
                return new HubRun(last.get(), (now - t0) / 1_000_000, false, null, 0, OptionalLong.empty());
            }
            if (now - t0 > timeout) {
                System.out.println("the hub did not finish within "
                        + settings.timeout().toMinutes() + " minutes; last lines of its log:\n" + hub.tail(20));
                return new HubRun(last.orElse(null), (now - t0) / 1_000_000, true, null, 0, OptionalLong.empty());
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

    static void copyTree(Path from, Path to) throws IOException {
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

    static void deleteTree(Path dir) throws IOException {
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
