package io.huiju.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The hub as a separate JVM, started from its executable jar, as an operator would run it. */
final class HubProcess implements AutoCloseable {

    /** Everything the command line needs; the department is the bench's own. */
    record Launch(
            Path jar,
            Path home,
            int port,
            String jdbcUrl,
            String user,
            String password,
            String xmx,
            List<String> javaOptions,
            Path gcLog,
            Path log) {}

    private final Process process;
    private final Launch launch;
    private final long startedNanos;

    private HubProcess(Process process, Launch launch, long startedNanos) {
        this.process = process;
        this.launch = launch;
        this.startedNanos = startedNanos;
    }

    /** Seconds since the process was started: close to the JVM uptime its GC log counts in. */
    double uptimeSeconds(long nanoTime) {
        return (nanoTime - startedNanos) / 1e9;
    }

    /** CPU time the hub's JVM has used so far, all threads; zero where the platform does not tell. */
    long cpuMillis() {
        return process.info()
                .totalCpuDuration()
                .map(java.time.Duration::toMillis)
                .orElse(0L);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static HubProcess start(Launch l) throws IOException {
        return start(l, List.of());
    }

    /** As {@link #start(Launch)}, with more {@code --name=value} arguments for the hub, e.g. a second department. */
    static HubProcess start(Launch l, List<String> hubArguments) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command =
                new java.util.ArrayList<>(List.of(java.toString(), "-Xmx" + l.xmx(), "-Xlog:gc:file=" + l.gcLog()));
        command.addAll(l.javaOptions());
        command.addAll(List.of(
                "-jar",
                l.jar().toString(),
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + l.jdbcUrl(),
                "--spring.datasource.username=" + l.user(),
                "--server.port=" + l.port(),
                "--huiju.home=" + l.home(),
                // readiness turns ACCEPTING_TRAFFIC only after the ApplicationReadyEvent listeners, which load routes
                "--management.endpoint.health.probes.enabled=true",
                "--huiju.departments[0].code=bench",
                "--huiju.departments[0].name=基准测试部门",
                "--huiju.departments[0].region-code=350800"));
        if (!l.password().isEmpty()) {
            command.add("--spring.datasource.password=" + l.password());
        }
        command.addAll(hubArguments);
        long started = System.nanoTime();
        Process p = new ProcessBuilder(command)
                .directory(l.home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(l.log().toFile())
                .start();
        return new HubProcess(p, l, started);
    }

    /**
     * Waits for {@code /actuator/health} to answer 200 and then for readiness, which the hub reaches only once its
     * route files are loaded; fails with the log's tail if the hub dies or takes too long.
     */
    void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        await(http, "/actuator/health", deadline, timeout);
        await(http, "/actuator/health/readiness", deadline, timeout);
    }

    private void await(HttpClient http, String path, long deadline, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + launch.port() + path))
                .timeout(Duration.ofSeconds(5))
                .build();
        while (System.nanoTime() < deadline) {
            requireAlive("before it was healthy");
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 200 || (status == 404 && path.endsWith("readiness"))) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the hub did not answer 200 on " + path + " within " + timeout.toSeconds()
                + " s; last lines of " + launch.log() + ":\n" + tail(40));
    }

    void requireAlive(String when) {
        if (!process.isAlive()) {
            throw new IllegalStateException("the hub exited with code " + process.exitValue() + " " + when
                    + "; last lines of " + launch.log() + ":\n" + tail(40));
        }
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(launch.log(), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + launch.log() + ": " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, so Spring shuts down and the GC log is complete; SIGKILL after a minute. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
