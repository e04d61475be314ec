package io.huiju.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The Kafka channel (issue [3]), both ways, against a real KRaft broker started in this JVM:
 *
 * <ul>
 *   <li>IN: N generated penalty records (JSON objects keyed by the national field codes) on a department topic, taken
 *       by a hub's {@code kafka-consume} feed into a fresh PostgreSQL library, beside a plain {@link KafkaConsumer}
 *       reading the same N records from the same topic;
 *   <li>OUT: the versions the hub stored, published by its outbox relay to {@code huiju.credit.records}, beside a plain
 *       {@link KafkaProducer} sending the same bodies (read back from the outbox) with the same settings (acks=all,
 *       idempotent).
 * </ul>
 *
 * <p>Exit codes: 0 done, 1 not every record received or published or a payload FAILED, 2 a setup problem, 3 timeout.
 */
public final class KafkaBenchmark {

    private static final String USAGE =
            "KafkaBenchmark [--rows N] [--max-poll-records 500] [--batching-interval-ms 2000]"
                    + " [--relay-batch 500] [--relay-interval-ms 1000]"
                    + " [--jdbc-base jdbc:postgresql://127.0.0.1:5432/] [--user postgres] [--password P]"
                    + " [--timeout-minutes 30] [--hub-xmx 512m] [--seed S] [--hub-java-options \"-XX:...\"] [--keep]";
    private static final Set<String> OPTIONS = Set.of(
            "--rows",
            "--max-poll-records",
            "--batching-interval-ms",
            "--relay-batch",
            "--relay-interval-ms",
            "--jdbc-base",
            "--user",
            "--password",
            "--timeout-minutes",
            "--hub-xmx",
            "--seed",
            "--hub-java-options");
    private static final Set<String> FLAGS = Set.of("--keep");

    static final String HUB = "huiju_bench_hub_kafka";
    static final String TOPIC = "huiju.bench";
    static final String OUTBOUND = "huiju.credit.records";
    /** The anchor's own topic for OUT, so that the hub's topic holds only what the hub published. */
    static final String ANCHOR_OUT = "huiju.bench.anchor-out";

    private static final long POLL_MILLIS = 250;
    private static final List<String> CODES =
            PenaltyLayout.CODES.stream().map(c -> c.toUpperCase(Locale.ROOT)).toList();

    private final Args args;
    private final Path root;
    private final Path out;
    private final BenchDatabases databases;
    private final ObjectMapper json = new ObjectMapper();

    private KafkaBenchmark(Args args, Path root) {
        this.args = args;
        this.root = root;
        this.out = root.resolve("bench/out");
        this.databases = BenchDatabases.of(args);
    }

    public static void main(String[] argv) {
        BenchMain.exit(
                argv, OPTIONS, FLAGS, USAGE, args -> new KafkaBenchmark(args, IngestBenchmark.repositoryRoot()).run());
    }

    private int run() throws Exception {
        long rows = args.getLong("--rows", 200_000);
        if (rows < 1) {
            throw new IllegalArgumentException("--rows must be at least 1");
        }
        HubIngest.requireInstallation(root);
        IngestBenchmark.printMachine(databases);
        Files.createDirectories(out);
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, TOPIC, OUTBOUND, ANCHOR_OUT);
        broker.afterPropertiesSet();
        String brokers = broker.getBrokersAsString();
        System.out.printf("Kafka broker (KRaft, in this JVM): %s%n", brokers);
        try {
            long started = System.nanoTime();
            Produced produced = produce(brokers, rows);
            System.out.printf(
                    "produced %,d records (%,d bytes of values) to %s in %,d ms (%,.0f records/s, batched, acks=all):"
                            + " %,d new, %,d updates, %,d invalid%n",
                    rows,
                    produced.bytes(),
                    TOPIC,
                    (System.nanoTime() - started) / 1_000_000,
                    rows * 1e9 / (System.nanoTime() - started),
                    produced.counts().fresh(),
                    produced.counts().updates(),
                    produced.counts().invalid());

            Rate consumer = rawConsumer(brokers, rows);
            databases.recreate(HUB);
            HubRun hub = hub(brokers, rows);
            Rate producer = hub.published() > 0 ? rawProducer(brokers) : new Rate(0, 0, 0);
            printTable(rows, produced.counts(), hub, consumer, producer);
            if (hub.timedOut()) {
                return 3;
            }
            long expected = produced.counts().fresh() + produced.counts().updates();
            return hub.received() == rows && hub.failedPayloads() == 0 && hub.published() == expected ? 0 : 1;
        } finally {
            broker.destroy();
            if (args.has("--keep")) {
                System.out.println("kept PostgreSQL " + HUB);
            } else {
                databases.drop(HUB);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- source

    record Produced(PenaltyFileGenerator.Counts counts, long bytes) {}

    /** The generator's rows as JSON objects keyed by the national field codes, empty fields left out. */
    private Produced produce(String brokers, long rows) throws IOException {
        try (KafkaProducer<String, String> producer = producer(brokers)) {
            long[] bytes = {0};
            PenaltyFileGenerator.Counts counts = new PenaltyFileGenerator(
                            args.getLong("--seed", PenaltyFileGenerator.DEFAULT_SEED))
                    .write(rows, new RowSink() {
                        @Override
                        public void header(List<String> names) {}

                        @Override
                        public void row(String[] fields) throws IOException {
                            ObjectNode record = json.createObjectNode();
                            for (int i = 0; i < fields.length; i++) {
                                if (!fields[i].isEmpty()) {
                                    record.put(CODES.get(i), fields[i]);
                                }
                            }
                            String value = json.writeValueAsString(record);
                            bytes[0] += value.getBytes(StandardCharsets.UTF_8).length;
                            producer.send(new ProducerRecord<>(TOPIC, value));
                        }

                        @Override
                        public void close() {
                            producer.flush();
                        }
                    });
            return new Produced(counts, bytes[0]);
        }
    }

    // ------------------------------------------------------------------------------------------------- anchors

    /** Records, bytes (values) and wall clock of a plain client. */
    record Rate(long records, long bytes, long millis) {
        double perSecond() {
            return records * 1000.0 / Math.max(1, millis);
        }
    }

    /**
     * A plain consumer in a group of its own, from the earliest offset, string values as the hub's kafka component
     * reads them, until it has seen N records; its wall clock from subscribe.
     */
    private Rate rawConsumer(String brokers, long rows) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-anchor-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, (int) args.getLong("--max-poll-records", 500));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        System.out.printf("%nanchor IN: plain KafkaConsumer reading %s%n", TOPIC);
        long t0 = System.nanoTime();
        long seen = 0;
        long bytes = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(TOPIC));
            while (seen < rows) {
                for (var r : consumer.poll(Duration.ofMillis(500))) {
                    seen++;
                    bytes += r.serializedValueSize();
                }
                if (System.nanoTime() - t0 > Duration.ofMinutes(5).toNanos()) {
                    throw new IllegalStateException("the anchor consumer saw " + seen + " of " + rows + " records");
                }
            }
            consumer.commitSync();
        }
        return new Rate(seen, bytes, (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * A plain producer sending the bodies the hub published (read back from its outbox, in order, keyed by subject
     * code) to a topic of its own, with the relay's settings: acks=all, idempotent; batched as the client does by
     * default, every send waited for at the end.
     */
    private Rate rawProducer(String brokers) throws Exception {
        List<String[]> bodies = new ArrayList<>();
        try (Connection c = databases.connect(HUB);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT subject_code, body FROM outbox ORDER BY id")) {
            while (rs.next()) {
                bodies.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        System.out.printf("%nanchor OUT: plain KafkaProducer sending the %,d outbox bodies%n", bodies.size());
        long bytes = 0;
        long t0 = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer(brokers)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(bodies.size());
            for (String[] b : bodies) {
                bytes += b[1].getBytes(StandardCharsets.UTF_8).length;
                sent.add(producer.send(new ProducerRecord<>(ANCHOR_OUT, b[0], b[1])));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        }
        return new Rate(bodies.size(), bytes, (System.nanoTime() - t0) / 1_000_000);
    }

    private static KafkaProducer<String, String> producer(String brokers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    // ------------------------------------------------------------------------------------------------- hub

    /**
     * What the hub did. IN: wall clock from the feed's route file until every record was in a finished payload. OUT:
     * the relay's own span, first to last published_at in the outbox, and the wall clock until the outbox was drained.
     */
    record HubRun(
            long inMillis,
            long drainedMillis,
            boolean timedOut,
            long payloads,
            long failedPayloads,
            long received,
            long stored,
            long unchanged,
            long rejected,
            long conflicts,
            long published,
            long publishedBytes,
            long relayMillis,
            long backlogMillis,
            long hubCpuMillis) {}

    private HubRun hub(String brokers, long rows) throws Exception {
        Path home = out.resolve("home-kafka");
        HubIngest.deleteTree(home);
        HubIngest.copyTree(root.resolve("routes"), home.resolve("routes"));
        HubIngest.copyTree(root.resolve("mappings"), home.resolve("mappings"));
        Path departments = Files.createDirectories(home.resolve("routes/departments"));
        Path gcLog = out.resolve("hub-kafka-gc.log");
        Path log = out.resolve("hub-kafka.log");
        Files.deleteIfExists(gcLog);
        List<String> javaOptions = new ArrayList<>();
        String extra = args.get("--hub-java-options", "").trim();
        if (!extra.isEmpty()) {
            javaOptions.addAll(List.of(extra.split("\\s+")));
        }
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
        List<String> hubArguments = List.of(
                "--huiju.kafka.brokers=" + brokers,
                "--huiju.kafka.outbound.batch=" + args.getLong("--relay-batch", 500),
                "--huiju.kafka.outbound.interval-ms=" + args.getLong("--relay-interval-ms", 1000));
        System.out.printf(
                "%nstarting the hub on port %d (-Xmx%s), feed kafka-consume maxPollRecords %,d, relay %,d per %,d ms,"
                        + " log %s%n",
                launch.port(),
                xmx,
                args.getLong("--max-poll-records", 500),
                args.getLong("--relay-batch", 500),
                args.getLong("--relay-interval-ms", 1000),
                log);
        Duration timeout = Duration.ofMinutes(args.getLong("--timeout-minutes", 30));
        try (HubProcess hub = HubProcess.start(launch, hubArguments);
                Connection store = databases.connect(HUB)) {
            hub.awaitHealthy(Duration.ofSeconds(120));
            long hubBefore = hub.cpuMillis();
            long t0 = System.nanoTime();
            Files.writeString(departments.resolve("bench-kafka.camel.yaml"), route(), StandardCharsets.UTF_8);
            long inAt = -1;
            long drainedAt = -1;
            long nextReport = t0 + Duration.ofSeconds(10).toNanos();
            Sums sums = Sums.NONE;
            Outbox outbox = Outbox.NONE;
            boolean timedOut = false;
            while (true) {
                long now = System.nanoTime();
                sums = Sums.read(store);
                outbox = Outbox.read(store);
                if (inAt < 0 && sums.received() >= rows && sums.open() == 0) {
                    inAt = now;
                }
                if (inAt >= 0 && outbox.pending() == 0 && outbox.total() >= sums.stored()) {
                    drainedAt = now;
                    break;
                }
                if (now - t0 > timeout.toNanos()) {
                    System.out.println("the hub did not take and publish every record within " + timeout.toMinutes()
                            + " minutes; last lines of its log:\n" + hub.tail(20));
                    timedOut = true;
                    break;
                }
                hub.requireAlive("while consuming the topic");
                if (now >= nextReport) {
                    System.out.printf(
                            "  %4d s  %,d payloads, %,d of %,d records received, %,d stored, %,d rejected;"
                                    + " %,d of %,d versions published%n",
                            (now - t0) / 1_000_000_000,
                            sums.payloads(),
                            sums.received(),
                            rows,
                            sums.stored(),
                            sums.rejected(),
                            outbox.total() - outbox.pending(),
                            outbox.total());
                    nextReport += Duration.ofSeconds(10).toNanos();
                }
                Thread.sleep(POLL_MILLIS);
            }
            long hubCpu = hub.cpuMillis() - hubBefore;
            long backlog = timedOut ? -1 : backlog(hub, store, outbox.total(), timeout);
            hub.close();
            return new HubRun(
                    inAt < 0 ? -1 : (inAt - t0) / 1_000_000,
                    drainedAt < 0 ? -1 : (drainedAt - t0) / 1_000_000,
                    timedOut,
                    sums.payloads(),
                    sums.failed(),
                    sums.received(),
                    sums.stored(),
                    sums.unchanged(),
                    sums.rejected(),
                    sums.conflicts(),
                    outbox.total() - outbox.pending(),
                    outbox.bytes(),
                    outbox.relayMillis(),
                    backlog,
                    hubCpu);
        }
    }

    /**
     * The relay alone: while ingesting, it only keeps pace with what is stored. Every version is marked unpublished
     * again, as after Kafka was down, and the relay's wall clock to drain that backlog is its own rate (the versions are
     * published a second time, which at-least-once delivery allows).
     */
    private static long backlog(HubProcess hub, Connection store, long versions, Duration timeout) throws Exception {
        System.out.printf(
                "%nOUT backlog: the %,d versions marked unpublished again, drained by the relay alone%n", versions);
        long t0 = System.nanoTime();
        try (Statement s = store.createStatement()) {
            s.executeUpdate("UPDATE outbox SET published_at = NULL");
        }
        while (Outbox.read(store).pending() > 0) {
            if (System.nanoTime() - t0 > timeout.toNanos()) {
                return -1;
            }
            hub.requireAlive("while draining the outbox");
            Thread.sleep(POLL_MILLIS);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private String route() {
        return """
                - templatedRoute:
                    routeTemplateRef: kafka-consume
                    routeId: kafka-bench
                    parameters:
                      - name: department
                        value: bench
                      - name: mapping
                        value: national-penalty
                      - name: topic
                        value: %s
                      - name: maxPollRecords
                        value: "%d"
                      - name: batchingIntervalMs
                        value: "%d"
                """
                .formatted(
                        TOPIC, args.getLong("--max-poll-records", 500), args.getLong("--batching-interval-ms", 2000));
    }

    /** The sums over the bench department's payloads in the hub's store; open: not finished yet. */
    private record Sums(
            long payloads,
            long open,
            long failed,
            long received,
            long stored,
            long unchanged,
            long rejected,
            long conflicts) {

        static final Sums NONE = new Sums(0, 0, 0, 0, 0, 0, 0, 0);

        static Sums read(Connection c) throws SQLException {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(*) FILTER (WHERE status = 'RECEIVED'),"
                            + " COUNT(*) FILTER (WHERE status = 'FAILED'),"
                            + " COALESCE(SUM(received), 0), COALESCE(SUM(stored), 0), COALESCE(SUM(unchanged), 0),"
                            + " COALESCE(SUM(rejected), 0), COALESCE(SUM(conflicts), 0)"
                            + " FROM payload WHERE department = 'bench'")) {
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

    /** The outbox: versions written, not yet published, their bytes, first to last published_at. */
    private record Outbox(long total, long pending, long bytes, long relayMillis) {

        static final Outbox NONE = new Outbox(0, 0, 0, 0);

        static Outbox read(Connection c) throws SQLException {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(*) FILTER (WHERE published_at IS NULL),"
                            + " COALESCE(SUM(OCTET_LENGTH(body)), 0),"
                            + " COALESCE(EXTRACT(EPOCH FROM MAX(published_at) - MIN(published_at)) * 1000, 0)"
                            + " FROM outbox")) {
                rs.next();
                return new Outbox(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            } catch (SQLException e) {
                if ("42P01".equals(e.getSQLState())) {
                    return NONE;
                }
                throw e;
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- report

    private void printTable(long rows, PenaltyFileGenerator.Counts g, HubRun hub, Rate consumer, Rate producer) {
        double in = rows * 1000.0 / Math.max(1, hub.inMillis());
        double relay = hub.published() * 1000.0 / Math.max(1, hub.relayMillis());
        System.out.printf(
                "%n== Kafka benchmark: %,d records, KRaft broker in the bench JVM, PostgreSQL library ==%n", rows);
        System.out.printf("%-44s %22s %22s%n", "", "hub", "anchor (plain client)");
        System.out.printf(
                "%-44s %22s %22s%n",
                "IN  elapsed ms (topic → library)",
                String.format("%,d", hub.inMillis()),
                String.format("%,d", consumer.millis()));
        System.out.printf(
                "%-44s %22s %22s%n",
                "IN  records/s (kafka-consume | KafkaConsumer)",
                String.format("%,.0f", in),
                String.format("%,.0f", consumer.perSecond()));
        System.out.printf(
                "%-44s %22s%n", "IN  ratio hub / anchor", String.format("%.1f %%", 100 * in / consumer.perSecond()));
        System.out.printf(
                "%-44s %22s %22s%n",
                "OUT versions (bytes of values)",
                String.format("%,d (%,d)", hub.published(), hub.publishedBytes()),
                String.format("%,d (%,d)", producer.records(), producer.bytes()));
        System.out.printf(
                "%-44s %22s %22s%n",
                "OUT elapsed ms (relay, while ingesting)",
                String.format("%,d", hub.relayMillis()),
                String.format("%,d", producer.millis()));
        System.out.printf(
                "%-44s %22s %22s%n",
                "OUT records/s (relay keeping pace | anchor)",
                String.format("%,.0f", relay),
                String.format("%,.0f", producer.perSecond()));
        System.out.printf(
                "%-44s %22s%n",
                "OUT ratio hub / anchor", String.format("%.1f %%", 100 * relay / Math.max(1e-9, producer.perSecond())));
        System.out.printf(
                "%-44s %22s%n",
                "  until the outbox was drained",
                hub.drainedMillis() < 0 ? "n/a" : String.format("%,d ms", hub.drainedMillis()));
        double backlog = hub.published() * 1000.0 / Math.max(1, hub.backlogMillis());
        System.out.printf(
                "%-44s %22s %22s%n",
                "OUT backlog elapsed ms (relay alone)",
                hub.backlogMillis() < 0 ? "n/a" : String.format("%,d", hub.backlogMillis()),
                String.format("%,d", producer.millis()));
        System.out.printf(
                "%-44s %22s %22s%n",
                "OUT backlog records/s (relay | KafkaProducer)",
                hub.backlogMillis() < 0 ? "n/a" : String.format("%,.0f", backlog),
                String.format("%,.0f", producer.perSecond()));
        System.out.printf(
                "%-44s %22s%n",
                "OUT backlog ratio hub / anchor",
                String.format("%.1f %%", 100 * backlog / Math.max(1e-9, producer.perSecond())));
        System.out.printf("%-44s %,22d%n", "hub CPU ms (IN and OUT)", hub.hubCpuMillis());
        System.out.printf("%n%-44s %22s %22s%n", "outcome", "hub", "generator");
        System.out.printf("%-44s %22s%n", "status", hub.timedOut() ? "TIMEOUT" : "done");
        System.out.printf(
                "%-44s %,22d %22s%n", "payloads (FAILED)", hub.payloads(), "(" + hub.failedPayloads() + " failed)");
        row("received", hub.received(), g.rows(), "records produced");
        row("stored", hub.stored(), g.fresh() + g.updates(), "new + updates");
        row("published", hub.published(), g.fresh() + g.updates(), "new + updates");
        row("unchanged", hub.unchanged(), 0, "none generated");
        row("rejected", hub.rejected(), g.invalid(), "invalid rows");
        row("conflicts", hub.conflicts(), 0, "none generated");
    }

    private static void row(String name, long hub, long generator, String note) {
        System.out.printf("%-44s %,22d %,22d  %s%n", name, hub, generator, note);
    }
}
