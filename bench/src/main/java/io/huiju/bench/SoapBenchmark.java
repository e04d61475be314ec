package io.huiju.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SOAP channel under load (issue [3]): one hub from its executable jar, department {@code scjg} with a bench-only
 * password, hand-built envelopes with a WS-Security UsernameToken posted with java.net.http (HTTP/1.1, keep-alive).
 *
 * <ol>
 *   <li>batches of 100 records, closed loop, {@code --clients} concurrent clients: records/s, calls/s, p50/p99;
 *   <li>1 record per call at a fixed rate ({@code --rate} calls/s for {@code --seconds}), open loop: each call's
 *       latency counts from the moment it was due, so a slow answer cannot hide the calls queued behind it;
 *   <li>the anchor, same hub, same run: {@code GET /actuator/health} closed loop at the same concurrency and at the
 *       same fixed rate, the HTTP round trip of this machine and this servlet container with no SOAP, no XML, no
 *       database; and at the fixed rate an authenticated {@code listFeedback} with nothing to list, the channel's
 *       cost per call without storing (the UsernameToken is checked against a bcrypt hash on every call).
 * </ol>
 *
 * Every record is a new decision (a document number never used before); at the end the library is counted and must
 * hold exactly the records sent. Exit codes: 0 done, 1 errors or a count that does not match, 2 a setup problem.
 */
public final class SoapBenchmark {

    private static final String USAGE = "SoapBenchmark [--calls 200] [--batch 100] [--clients 8] [--rate 50]"
            + " [--seconds 20] [--warmup-seconds 120] [--jdbc-base jdbc:postgresql://127.0.0.1:5432/] [--user postgres] [--password P]"
            + " [--hub-xmx 512m] [--hub-java-options \"-XX:...\"] [--seed S] [--keep]";
    private static final Set<String> OPTIONS = Set.of(
            "--calls",
            "--batch",
            "--clients",
            "--rate",
            "--seconds",
            "--warmup-seconds",
            "--jdbc-base",
            "--user",
            "--password",
            "--hub-xmx",
            "--hub-java-options",
            "--seed",
            "--timeout-minutes");
    private static final Set<String> FLAGS = Set.of("--keep");

    private static final String DEPARTMENT = "scjg";
    /** Bench only: the password the tests use for scjg, and its bcrypt hash (cost 10) as the tests configure it. */
    private static final String SECRET = "scjg-drop-1";

    private static final String SECRET_HASH = "$2a$10$5GYTb0iTPVysdt9hxXiomuU6/obMRa6j4b4l.E5ZCTbMj4/W66jWK";

    private static final String ENVELOPE =
            """
            <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:h="urn:huiju:credit:1">\
            <soapenv:Header><wsse:Security soapenv:mustUnderstand="1" \
            xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">\
            <wsse:UsernameToken><wsse:Username>%s</wsse:Username><wsse:Password \
            Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">\
            %s</wsse:Password></wsse:UsernameToken></wsse:Security></soapenv:Header>\
            <soapenv:Body>%s</soapenv:Body></soapenv:Envelope>""";

    private static final Pattern STORED = Pattern.compile("<(?:\\w+:)?stored>(\\d+)</");
    private static final Pattern STATUS = Pattern.compile("<(?:\\w+:)?status>(\\w+)</");

    private final Args args;
    private final Path root;
    private final Path out;
    private final BenchDatabases databases;
    private final SplittableRandom random;
    private long documentSequence;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();

    private HttpClient http;
    private URI soap;
    private URI health;

    private SoapBenchmark(Args args, Path root) {
        this.args = args;
        this.root = root;
        this.out = root.resolve("bench/out");
        this.databases = BenchDatabases.of(args);
        this.random = new SplittableRandom(args.getLong("--seed", PenaltyFileGenerator.DEFAULT_SEED));
    }

    public static void main(String[] argv) {
        BenchMain.exit(
                argv, OPTIONS, FLAGS, USAGE, args -> new SoapBenchmark(args, IngestBenchmark.repositoryRoot()).run());
    }

    /** One request and the records it carries (none for a health check). */
    record Call(HttpRequest request, int records) {}

    /** What one phase measured: wall time, per-call latencies, errors. */
    record Phase(String name, int calls, long records, long wallNanos, long[] latencyNanos, int errors) {

        double callsPerSecond() {
            return calls * 1e9 / wallNanos;
        }

        double recordsPerSecond() {
            return records * 1e9 / wallNanos;
        }

        double percentileMillis(double q) {
            long[] sorted = latencyNanos.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    private int run() throws Exception {
        int calls = (int) args.getLong("--calls", 200);
        int batch = (int) args.getLong("--batch", 100);
        int clients = (int) args.getLong("--clients", 8);
        int rate = (int) args.getLong("--rate", 50);
        int seconds = (int) args.getLong("--seconds", 20);
        if (calls < 1 || batch < 1 || clients < 1 || rate < 1 || seconds < 1) {
            throw new IllegalArgumentException("--calls, --batch, --clients, --rate and --seconds must be at least 1");
        }
        HubIngest.requireInstallation(root);
        IngestBenchmark.printMachine(databases);
        Files.createDirectories(out);

        HubIngest.Settings settings = IngestBenchmark.hubSettings(args, root, out, databases);
        HubIngest hubs = new HubIngest(settings);
        databases.recreate(BenchDatabases.SOAP);
        try {
            Path home = hubs.prepareHome();
            Path gcLog = out.resolve("hub-soap-gc.log");
            Files.deleteIfExists(gcLog);
            HubProcess.Launch launch = new HubProcess.Launch(
                    root.resolve(HubIngest.HUB_JAR),
                    home,
                    HubProcess.freePort(),
                    databases.url(BenchDatabases.SOAP),
                    settings.user(),
                    settings.password(),
                    settings.xmx(),
                    settings.javaOptions(),
                    gcLog,
                    out.resolve("hub-soap.log"));
            System.out.printf(
                    "%nstarting the hub on port %d (-Xmx%s), department %s with a bench-only password, log %s%n",
                    launch.port(), launch.xmx(), DEPARTMENT, launch.log());
            try (HubProcess hub = HubProcess.start(
                    launch,
                    List.of(
                            "--huiju.departments[1].code=" + DEPARTMENT,
                            "--huiju.departments[1].name=龙岩市市场监督管理局",
                            "--huiju.departments[1].uscc=11350800MB0281236E",
                            "--huiju.departments[1].region-code=350800",
                            "--huiju.departments[1].mapping=national-penalty",
                            "--huiju.departments[1].password-hash=" + SECRET_HASH))) {
                hub.awaitHealthy(Duration.ofSeconds(120));
                http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
                soap = URI.create("http://127.0.0.1:" + launch.port() + "/services/credit");
                health = URI.create("http://127.0.0.1:" + launch.port() + "/actuator/health");
                return measure(hub, calls, batch, clients, rate, seconds);
            }
        } finally {
            if (args.has("--keep")) {
                System.out.println("kept database " + BenchDatabases.SOAP);
            } else {
                databases.drop(BenchDatabases.SOAP);
            }
        }
    }

    private int measure(HubProcess hub, int calls, int batch, int clients, int rate, int seconds) throws Exception {
        // Warm-up, not counted in the figures: every kind of call the phases make, long enough for the JIT to compile
        // their paths. A hub that has just started spends more CPU compiling than serving (over 1.5 s of compiler time
        // per second in the 1-record phase of a run warmed with 40 calls only), and a hub in service has long done so.
        int warmup = (int) args.getLong("--warmup-seconds", 120);
        System.out.printf(
                "warming up: %d calls of %d records, 1 record per call at %d/s for %d s, listFeedback and health%n",
                Math.max(40, calls / 2), batch, rate, warmup);
        closedLoop("warm-up", envelopes(Math.max(40, calls / 2), batch), clients);
        openLoop("warm-up", envelopes(rate * warmup, 1), rate);
        openLoop("warm-up", emptyFeedback(rate * Math.max(1, warmup / 4)), rate);
        closedLoop("warm-up", healthChecks(400), clients);

        List<Phase> phases = new ArrayList<>();
        System.out.printf("%nphase 1: %,d calls of %d records, %d clients, closed loop%n", calls, batch, clients);
        List<Call> batches = envelopes(calls, batch);
        long cpuBefore = hub.cpuMillis();
        Phase big = closedLoop(batch + " records per call", batches, clients);
        long cpuBatch = hub.cpuMillis() - cpuBefore;
        phases.add(big);
        phases.add(closedLoop("anchor: GET /actuator/health", healthChecks(calls * 10), clients));

        int paced = rate * seconds;
        System.out.printf("phase 2: 1 record per call at %d calls/s for %d s, open loop%n", rate, seconds);
        Phase one = openLoop("1 record per call @" + rate + "/s", envelopes(paced, 1), rate);
        phases.add(one);
        phases.add(openLoop("anchor: GET /actuator/health @" + rate + "/s", healthChecks(paced), rate));
        phases.add(openLoop("anchor: SOAP listFeedback (empty) @" + rate + "/s", emptyFeedback(paced), rate));

        long[] library = count();
        print(phases, batch, clients, big, cpuBatch, one, library);
        int errors = phases.stream().mapToInt(Phase::errors).sum();
        return errors == 0 && library[0] == sent.get() && acknowledged.get() == sent.get() ? 0 : 1;
    }

    // ---------------------------------------------------------------- requests

    private List<Call> envelopes(int calls, int records) {
        List<Call> requests = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            StringBuilder body = new StringBuilder(records * 2048);
            for (int r = 0; r < records; r++) {
                appendRecord(body, nextDecision());
            }
            String envelope = ENVELOPE.formatted(
                    DEPARTMENT, SECRET, "<h:submit><h:category>PENALTY</h:category>" + body + "</h:submit>");
            requests.add(new Call(
                    HttpRequest.newBuilder(soap)
                            .timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "text/xml; charset=UTF-8")
                            .header("SOAPAction", "\"\"")
                            .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                            .build(),
                    records));
        }
        return requests;
    }

    /**
     * The channel's fixed cost without storing: an authenticated {@code listFeedback} asking for receipts since a day
     * ahead, so the answer is empty. The same envelope, UsernameToken check (bcrypt) and SOAP stack as a submit.
     */
    private List<Call> emptyFeedback(int calls) {
        String since = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)
                .plusDays(1)
                .withNano(0)
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME); // with seconds, as xs:dateTime wants
        HttpRequest post = HttpRequest.newBuilder(soap)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(
                        ENVELOPE.formatted(
                                DEPARTMENT,
                                SECRET,
                                "<h:listFeedback><h:since>" + since + "</h:since></h:listFeedback>"),
                        StandardCharsets.UTF_8))
                .build();
        return java.util.Collections.nCopies(calls, new Call(post, 0));
    }

    private List<Call> healthChecks(int calls) {
        HttpRequest get =
                HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(60)).build();
        return java.util.Collections.nCopies(calls, new Call(get, 0));
    }

    /** A valid decision with a document number never used before in this run, so every record is a new key. */
    private Decision nextDecision() {
        Decision d = Decisions.draw(new SplittableRandom(random.nextLong()), null);
        long n = ++documentSequence;
        return d.withDocumentNumber(
                d.authority().documentPrefix() + "〔" + d.decisionDate().getYear() + "〕" + n + "号");
    }

    /** All 30 national fields by their code (CF_XDR_MC, …), empty ones left out. */
    private static void appendRecord(StringBuilder xml, Decision d) {
        String[] row = d.toRow();
        xml.append("<h:record>");
        for (int i = 0; i < row.length; i++) {
            if (row[i] == null || row[i].isEmpty()) {
                continue;
            }
            xml.append("<h:field code=\"")
                    .append(PenaltyLayout.CODES.get(i).toUpperCase(java.util.Locale.ROOT))
                    .append("\">");
            escape(xml, row[i]);
            xml.append("</h:field>");
        }
        xml.append("</h:record>");
    }

    private static void escape(StringBuilder xml, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '&' -> xml.append("&amp;");
                case '"' -> xml.append("&quot;");
                default -> xml.append(c);
            }
        }
    }

    // ---------------------------------------------------------------- load

    /** {@code clients} threads, each sending its next request as soon as the last is answered. */
    private Phase closedLoop(String name, List<Call> requests, int clients) throws Exception {
        long[] latency = new long[requests.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong records = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        records.addAndGet(send(requests.get(i), errors));
                        latency[i] = System.nanoTime() - start;
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return new Phase(name, requests.size(), records.get(), System.nanoTime() - t0, latency, errors.get());
    }

    /**
     * One request every {@code 1/rate} s whatever the answers do; a call's latency runs from when it was due, so a
     * stall counts against every call it delays (no coordinated omission).
     */
    private Phase openLoop(String name, List<Call> requests, int rate) throws Exception {
        long[] latency = new long[requests.size()];
        AtomicInteger errors = new AtomicInteger();
        AtomicLong records = new AtomicLong();
        long period = 1_000_000_000L / rate;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(16, rate));
        long t0 = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                long due = t0 + i * period;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int call = i;
                done.add(pool.submit(() -> {
                    records.addAndGet(send(requests.get(call), errors));
                    latency[call] = System.nanoTime() - due;
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return new Phase(name, requests.size(), records.get(), System.nanoTime() - t0, latency, errors.get());
    }

    /** Sends one request; for a submit, the records the receipt says were stored (0 for a health check). */
    private long send(Call call, AtomicInteger errors) {
        boolean submit = call.records() > 0;
        HttpRequest request = call.request();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                report(errors, "HTTP " + response.statusCode() + ": " + abbreviate(response.body()));
                return 0;
            }
            if (!submit) {
                return 0;
            }
            Matcher status = STATUS.matcher(response.body());
            Matcher stored = STORED.matcher(response.body());
            if (!status.find() || !"DONE".equals(status.group(1)) || !stored.find()) {
                report(errors, "no DONE receipt: " + abbreviate(response.body()));
                return 0;
            }
            long n = Long.parseLong(stored.group(1));
            acknowledged.addAndGet(n);
            return n;
        } catch (Exception e) {
            report(errors, e.toString());
            return 0;
        } finally {
            if (submit) {
                sent.addAndGet(call.records());
            }
        }
    }

    private static void report(AtomicInteger errors, String what) {
        if (errors.incrementAndGet() <= 5) {
            System.out.println("  error: " + what);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }

    // ---------------------------------------------------------------- verification and output

    /** Records in the library for the department, and the payloads with their received / stored / rejected sums. */
    private long[] count() throws SQLException {
        try (Connection c = databases.connect(BenchDatabases.SOAP);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM legal_person_record WHERE department ="
                        + " 'scjg') + (SELECT count(*) FROM natural_person_record WHERE department = 'scjg'),"
                        + " (SELECT count(*) FROM payload WHERE department = 'scjg'),"
                        + " (SELECT coalesce(sum(received), 0) FROM payload WHERE department = 'scjg'),"
                        + " (SELECT coalesce(sum(rejected), 0) FROM payload WHERE department = 'scjg')")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)};
        }
    }

    private void print(
            List<Phase> phases, int batch, int clients, Phase big, long cpuBatch, Phase one, long[] library) {
        System.out.printf("%n== SOAP benchmark: department %s, HTTP/1.1 keep-alive ==%n", DEPARTMENT);
        System.out.printf(
                "%-40s %8s %10s %10s %9s %9s %9s %7s%n",
                "phase", "calls", "calls/s", "records/s", "p50 ms", "p99 ms", "max ms", "errors");
        for (Phase p : phases) {
            System.out.printf(
                    "%-40s %,8d %,10.0f %10s %9.1f %9.1f %9.1f %7d%n",
                    p.name(),
                    p.calls(),
                    p.callsPerSecond(),
                    p.records() == 0 ? "-" : String.format("%,.0f", p.recordsPerSecond()),
                    p.percentileMillis(0.50),
                    p.percentileMillis(0.99),
                    p.percentileMillis(1.0),
                    p.errors());
        }
        System.out.printf(
                "(closed loop: %d clients; open loop: latency from when each call was due)%n"
                        + "hub CPU during the %d-record phase: %,d ms, %.0f µs per record%n",
                clients, batch, cpuBatch, big.records() == 0 ? 0.0 : cpuBatch * 1000.0 / big.records());
        System.out.printf(
                "targets: ≥ 1,000 records/s with %d per call: %,.0f %s; p99 of a 1-record call < 100 ms: %.1f ms %s%n",
                batch,
                big.recordsPerSecond(),
                big.recordsPerSecond() >= 1000 ? "MET" : "MISSED",
                one.percentileMillis(0.99),
                one.percentileMillis(0.99) < 100 ? "MET" : "MISSED");
        System.out.printf(
                "%nrecords sent %,d (warm-up included), stored per receipts %,d, in the library %,d %s;"
                        + " %,d payloads, %,d received, %,d rejected%n",
                sent.get(),
                acknowledged.get(),
                library[0],
                library[0] == sent.get() ? "= sent" : "!= SENT",
                library[1],
                library[2],
                library[3]);
    }
}
