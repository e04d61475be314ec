package io.huiju.bench;

import jakarta.jms.BytesMessage;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.artemis.core.config.FileDeploymentManager;
import org.apache.activemq.artemis.core.config.impl.FileConfiguration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * City–province sync (issue [4]): records/s from a city hub's store to a province hub's store through the core bridge
 * "up", beside the raw figure of a plain JMS producer → the same city broker → bridge → province broker → a plain JMS
 * consumer, with the same message size, persistent.
 *
 * <p>The two brokers are the repository's artemis/city and artemis/province broker.xml, embedded in this JVM (each its
 * own journal under bench/out/sync-brokers, real TCP on free 127.0.0.1 ports, security off as in SyncIT: no user store
 * here). The hubs are processes from the hub jar (profiles postgres,city and postgres,province), each on a fresh
 * PostgreSQL database. The city takes a generated penalty CSV file in its inbox; the clock runs from the first version
 * in its sync_outbox (created_at) until the province has received as many versions as the city's outbox holds (the
 * province's last sync_received.received_at; both timestamps from the same PostgreSQL server).
 *
 * <p>Backlog: the province hub stopped, the city takes another file of {@code --backlog} rows, the bridge moves them to
 * the province broker's queue; the province hub is started again, and the drain is timed from its start and from its
 * health.
 *
 * <p>Exit codes: 0 done, 1 a count does not match, 2 a setup problem, 3 timeout.
 */
public final class SyncBenchmark {

    private static final String USAGE = "SyncBenchmark [--rows 50000] [--backlog 20000]"
            + " [--jdbc-base jdbc:postgresql://127.0.0.1:5432/] [--user postgres] [--password P]"
            + " [--timeout-minutes 30] [--hub-xmx 512m] [--seed S] [--keep]";
    private static final Set<String> OPTIONS = Set.of(
            "--rows", "--backlog", "--jdbc-base", "--user", "--password", "--timeout-minutes", "--hub-xmx", "--seed");
    private static final Set<String> FLAGS = Set.of("--keep");

    static final String CITY = "huiju_bench_sync_city";
    static final String PROVINCE = "huiju_bench_sync_province";
    static final String UP = "huiju.sync.up";
    private static final long POLL_MILLIS = 250;

    private final Args args;
    /** The two brokers, for the depths of huiju.sync.up the progress lines show. */
    private EmbeddedActiveMQ cityBroker;

    private EmbeddedActiveMQ provinceBroker;
    private final Path root;
    private final Path out;
    private final BenchDatabases databases;
    private final Duration timeout;

    private SyncBenchmark(Args args, Path root) {
        this.args = args;
        this.root = root;
        this.out = root.resolve("bench/out");
        this.databases = BenchDatabases.of(args);
        this.timeout = Duration.ofMinutes(args.getLong("--timeout-minutes", 30));
    }

    public static void main(String[] argv) {
        BenchMain.exit(
                argv, OPTIONS, FLAGS, USAGE, args -> new SyncBenchmark(args, IngestBenchmark.repositoryRoot()).run());
    }

    private int run() throws Exception {
        long rows = args.getLong("--rows", 50_000);
        long backlogRows = args.getLong("--backlog", 20_000);
        if (rows < 1 || backlogRows < 0) {
            throw new IllegalArgumentException("--rows must be at least 1, --backlog at least 0");
        }
        HubIngest.requireInstallation(root);
        IngestBenchmark.printMachine(databases);
        String loadAtStart = uptime();
        System.out.println("load at start: " + loadAtStart);
        Files.createDirectories(out);
        long seed = args.getLong("--seed", PenaltyFileGenerator.DEFAULT_SEED);
        Path first = generate(out.resolve("sync-1.csv"), rows, seed);
        Path second = backlogRows > 0 ? generate(out.resolve("sync-2.csv"), backlogRows, seed + 1) : null;

        Path brokerData = out.resolve("sync-brokers");
        HubIngest.deleteTree(brokerData);
        int cityPort = freePort();
        int provincePort = freePort();
        ports(cityPort, provincePort);
        provinceBroker = broker("province", brokerData.resolve("province"));
        cityBroker = broker("city", brokerData.resolve("city"));
        String cityUrl = "tcp://127.0.0.1:" + cityPort;
        String provinceUrl = "tcp://127.0.0.1:" + provincePort;
        System.out.printf(
                "brokers (artemis/*/broker.xml, embedded, security off): city %s, province %s%n", cityUrl, provinceUrl);
        databases.recreate(CITY);
        databases.recreate(PROVINCE);
        Result hub = null;
        Rate raw = null;
        Rate rawBatched = null;
        try {
            hub = hubs(cityUrl, provinceUrl, first, rows, second);
            if (hub.versions() > 0) {
                raw = raw(cityUrl, provinceUrl, hub.versions(), (int) hub.averageBytes(), 1);
                rawBatched = raw(cityUrl, provinceUrl, hub.versions(), (int) hub.averageBytes(), RAW_BATCH);
            }
        } finally {
            cityBroker.stop();
            provinceBroker.stop();
            if (args.has("--keep")) {
                System.out.println("kept PostgreSQL " + CITY + " and " + PROVINCE);
            } else {
                databases.drop(CITY);
                databases.drop(PROVINCE);
            }
        }
        String loadAtEnd = uptime();
        printTable(rows, backlogRows, hub, raw, rawBatched, loadAtStart, loadAtEnd);
        if (hub.timedOut()) {
            return 3;
        }
        return hub.versions() == hub.received() && hub.backlogVersions() == hub.backlogReceived() ? 0 : 1;
    }

    // ------------------------------------------------------------------------------------------------- setup

    private static Path generate(Path file, long rows, long seed) throws IOException {
        long t0 = System.nanoTime();
        try (CsvLineWriter csv = CsvLineWriter.open(file)) {
            PenaltyFileGenerator.Counts counts = new PenaltyFileGenerator(seed).write(rows, csv);
            PenaltyFileGenerator.print(counts, file, (System.nanoTime() - t0) / 1_000_000);
        }
        return file;
    }

    static void ports(int cityPort, int provincePort) {
        System.setProperty("huiju.city.host", "127.0.0.1");
        System.setProperty("huiju.city.port", String.valueOf(cityPort));
        System.setProperty("huiju.city.350800.host", "127.0.0.1");
        System.setProperty("huiju.city.350800.port", String.valueOf(cityPort));
        System.setProperty("huiju.province.host", "127.0.0.1");
        System.setProperty("huiju.province.port", String.valueOf(provincePort));
    }

    private EmbeddedActiveMQ broker(String side, Path data) throws Exception {
        FileConfiguration config = new FileConfiguration();
        FileDeploymentManager files = new FileDeploymentManager(
                root.resolve("artemis/" + side + "/broker.xml").toUri().toString());
        files.addDeployable(config);
        files.readConfiguration();
        config.setSecurityEnabled(false);
        config.setBindingsDirectory(data.resolve("bindings").toString());
        config.setJournalDirectory(data.resolve("journal").toString());
        config.setPagingDirectory(data.resolve("paging").toString());
        config.setLargeMessagesDirectory(data.resolve("large-messages").toString());
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        broker.start();
        return broker;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String uptime() {
        try {
            Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
            String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return s;
        } catch (IOException e) {
            return "(uptime: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(interrupted)";
        }
    }

    // ------------------------------------------------------------------------------------------------- hubs

    record Result(
            boolean timedOut,
            long versions,
            long received,
            double averageBytes,
            long millis,
            long fromSendMillis,
            long backlogVersions,
            long backlogReceived,
            long drainFromStartMillis,
            long drainFromHealthyMillis,
            long cityCpuMillis,
            long provinceCpuMillis) {

        /** The first file's figures, the backlog timed out. */
        Result timedOutLater() {
            return new Result(
                    true,
                    versions,
                    received,
                    averageBytes,
                    millis,
                    fromSendMillis,
                    0,
                    0,
                    -1,
                    -1,
                    cityCpuMillis,
                    provinceCpuMillis);
        }
    }

    private Path home(String role) throws IOException {
        Path home = out.resolve("home-sync-" + role);
        HubIngest.deleteTree(home);
        HubIngest.copyTree(root.resolve("routes"), home.resolve("routes"));
        HubIngest.copyTree(root.resolve("mappings"), home.resolve("mappings"));
        Path departments = Files.createDirectories(home.resolve("routes/departments"));
        if (role.equals("city")) {
            Files.writeString(
                    departments.resolve("bench.camel.yaml"),
                    """
                    - templatedRoute:
                        routeTemplateRef: file-drop
                        routeId: file-drop-bench
                        parameters:
                          - name: department
                            value: bench
                          - name: mapping
                            value: national-penalty
                    """,
                    StandardCharsets.UTF_8);
        }
        Files.createDirectories(home.resolve("inbox/bench"));
        Files.createDirectories(home.resolve("incoming"));
        return home;
    }

    private HubProcess start(String role, Path home, String database, String brokerUrl, int run) throws IOException {
        Path log = out.resolve("hub-sync-" + role + "-" + run + ".log");
        HubProcess.Launch launch = new HubProcess.Launch(
                root.resolve(HubIngest.HUB_JAR),
                home,
                HubProcess.freePort(),
                databases.url(database),
                args.get("--user", "postgres"),
                args.get("--password", ""),
                args.get("--hub-xmx", "512m"),
                List.of("-Dhuiju.dropbox.ftp.enabled=false", "-Dhuiju.dropbox.sftp.enabled=false"),
                out.resolve("hub-sync-" + role + "-" + run + "-gc.log"),
                log);
        System.out.printf("starting the %s hub on port %d, log %s%n", role, launch.port(), log);
        return HubProcess.start(
                launch,
                List.of(
                        "--spring.profiles.active=" + role,
                        "--spring.artemis.mode=native",
                        "--spring.artemis.broker-url=" + brokerUrl,
                        "--spring.artemis.embedded.enabled=false",
                        "--camel.main.name=huiju-" + role));
    }

    private Result hubs(String cityUrl, String provinceUrl, Path first, long rows, Path second) throws Exception {
        Path cityHome = home("city");
        Path provinceHome = home("province");
        try (HubProcess city = start("city", cityHome, CITY, cityUrl, 1);
                Connection cityDb = databases.connect(CITY);
                Connection provinceDb = databases.connect(PROVINCE)) {
            HubProcess province = start("province", provinceHome, PROVINCE, provinceUrl, 1);
            try {
                city.awaitHealthy(Duration.ofSeconds(180));
                province.awaitHealthy(Duration.ofSeconds(180));
                long cityCpu = city.cpuMillis();
                long provinceCpu = province.cpuMillis();
                System.out.printf("%nthrough the hubs: %,d rows into the city's inbox%n", rows);
                drop(cityHome, first);
                boolean timedOut = !await(city, province, cityDb, provinceDb, "the first file", 1);
                long versions = count(cityDb, "SELECT COUNT(*) FROM sync_outbox");
                long received = count(provinceDb, "SELECT COUNT(*) FROM sync_received");
                double average = versions == 0
                        ? 0
                        : count(cityDb, "SELECT COALESCE(SUM(OCTET_LENGTH(body)), 0) FROM sync_outbox")
                                / (double) versions;
                long millis = count(
                                provinceDb,
                                "SELECT (EXTRACT(EPOCH FROM MAX(received_at)) * 1000)::BIGINT FROM sync_received")
                        - count(cityDb, "SELECT (EXTRACT(EPOCH FROM MIN(created_at)) * 1000)::BIGINT FROM sync_outbox");
                // the same without the time the city's own store took to hand its first versions to the outbox
                long fromSend = count(
                                provinceDb,
                                "SELECT (EXTRACT(EPOCH FROM MAX(received_at)) * 1000)::BIGINT FROM sync_received")
                        - count(cityDb, "SELECT (EXTRACT(EPOCH FROM MIN(sent_at)) * 1000)::BIGINT FROM sync_outbox");
                cityCpu = city.cpuMillis() - cityCpu;
                provinceCpu = province.cpuMillis() - provinceCpu;
                Result firstFile = new Result(
                        timedOut, versions, received, average, millis, fromSend, 0, 0, -1, -1, cityCpu, provinceCpu);
                if (second == null || timedOut) {
                    return firstFile;
                }

                System.out.printf(
                        "%nbacklog: the province hub stopped, %s into the city's inbox%n", second.getFileName());
                province.close();
                drop(cityHome, second);
                long deadline = System.nanoTime() + timeout.toNanos();
                while (!cityDone(cityDb, 2)
                        || count(cityDb, "SELECT COUNT(*) FROM sync_outbox WHERE sent_at IS NULL") > 0) {
                    city.requireAlive("while storing the backlog");
                    if (System.nanoTime() > deadline) {
                        return firstFile.timedOutLater();
                    }
                    Thread.sleep(POLL_MILLIS);
                }
                long total = count(cityDb, "SELECT COUNT(*) FROM sync_outbox");
                long backlog = total - versions;
                // the bridge forwards what the city broker holds; wait until none is left there
                System.out.printf(
                        "  the city sent %,d versions to its broker (%s); restarting the province hub%n",
                        backlog, depths());
                analyzeIfNoAutovacuum(provinceDb);
                long t0 = System.nanoTime();
                province = start("province", provinceHome, PROVINCE, provinceUrl, 2);
                province.awaitHealthy(Duration.ofSeconds(180));
                long healthy = System.nanoTime();
                boolean drained = await(city, province, cityDb, provinceDb, "the backlog", 2);
                long end = System.nanoTime();
                long backlogReceived = count(provinceDb, "SELECT COUNT(*) FROM sync_received") - received;
                return new Result(
                        !drained,
                        versions,
                        received,
                        average,
                        millis,
                        fromSend,
                        backlog,
                        backlogReceived,
                        (end - t0) / 1_000_000,
                        (end - healthy) / 1_000_000,
                        cityCpu,
                        provinceCpu);
            } finally {
                province.close();
            }
        }
    }

    private static void drop(Path home, Path file) throws IOException {
        Path staged = home.resolve("incoming").resolve(file.getFileName());
        Files.copy(file, staged, StandardCopyOption.REPLACE_EXISTING);
        Files.move(staged, home.resolve("inbox/bench").resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The city has seen that many files and finished each. */
    private static boolean cityDone(Connection cityDb, int files) throws SQLException {
        return count(cityDb, "SELECT COUNT(*) FROM payload WHERE department = 'bench' AND status = 'RECEIVED'") == 0
                && count(cityDb, "SELECT COUNT(*) FROM payload WHERE department = 'bench'") >= files;
    }

    /** Until the city has finished its files and the province has received every version of the city's outbox. */
    private boolean await(
            HubProcess city, HubProcess province, Connection cityDb, Connection provinceDb, String what, int files)
            throws Exception {
        long t0 = System.nanoTime();
        long nextReport = t0 + Duration.ofSeconds(10).toNanos();
        while (true) {
            long now = System.nanoTime();
            boolean done = cityDone(cityDb, files);
            long outbox = count(cityDb, "SELECT COUNT(*) FROM sync_outbox");
            long sent = count(cityDb, "SELECT COUNT(*) FROM sync_outbox WHERE sent_at IS NOT NULL");
            long received = count(provinceDb, "SELECT COUNT(*) FROM sync_received");
            if (done && outbox > 0 && received >= outbox) {
                return true;
            }
            if (now - t0 > timeout.toNanos()) {
                System.out.println("timed out waiting for " + what + "; city log:\n" + city.tail(10)
                        + "\nprovince log:\n" + province.tail(10));
                return false;
            }
            city.requireAlive("while syncing " + what);
            province.requireAlive("while syncing " + what);
            if (now >= nextReport) {
                System.out.printf(
                        "  %4d s  city outbox %,d versions, %,d sent; %s; province received %,d%n",
                        (now - t0) / 1_000_000_000, outbox, sent, depths(), received);
                nextReport += Duration.ofSeconds(10).toNanos();
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /**
     * A production PostgreSQL runs autovacuum, which keeps the planner's statistics of tables that grew (here: the
     * province's sync_received and libraries, filled by the first file while the province was up). Where it is off
     * (this machine's server: autovacuum=off), the planner still takes sync_received for empty and reads it whole for
     * every received batch; so, during the province's outage, the benchmark does what autovacuum would have done.
     */
    private static void analyzeIfNoAutovacuum(Connection db) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SHOW autovacuum")) {
            rs.next();
            if ("off".equals(rs.getString(1))) {
                System.out.println("  autovacuum is off on this server: ANALYZE on the province database, as it would");
                s.execute("ANALYZE");
            }
        }
    }

    /** What waits in huiju.sync.up on each broker: for the bridge on the city's, for the province hub on the other. */
    private String depths() {
        return String.format(
                "waiting on the city broker %,d, on the province broker %,d", depth(cityBroker), depth(provinceBroker));
    }

    private static long depth(EmbeddedActiveMQ broker) {
        var queue = broker.getActiveMQServer().locateQueue(UP);
        return queue == null ? 0 : queue.getMessageCount();
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0;
            }
            throw e;
        }
    }

    // ------------------------------------------------------------------------------------------------- raw

    record Rate(long records, int bytes, long millis) {
        double perSecond() {
            return records * 1000.0 / Math.max(1, millis);
        }
    }

    /** Messages per JMS transaction on both ends of the batched raw path: the hubs' relay and receive batch sizes. */
    static final int RAW_BATCH = 500;

    /**
     * A plain JMS producer on the city broker sending N persistent messages of the hubs' average body size to
     * huiju.sync.up (duplicate-detection id and group set as the relay sets them), the bridge, and a plain JMS consumer
     * on the province broker's huiju.sync.up; wall clock from the first send to the last message received. With batch
     * 1 each send blocks until the broker has it and the consumer acknowledges each message (a JMS client's defaults);
     * with a larger batch both ends use transactions of that many messages (as the hubs' relay and receiver do, the
     * consumer committing early when none follows within 20 ms). The hubs are stopped by then.
     */
    private static Rate raw(String cityUrl, String provinceUrl, long n, int size, int batch) throws Exception {
        System.out.printf(
                "%nraw: plain JMS producer → city broker → bridge → province broker → consumer, %,d messages"
                        + " of %,d bytes, persistent, %s%n",
                n, size, batch == 1 ? "one at a time" : "transactions of " + batch);
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        AtomicLong got = new AtomicLong();
        long[] lastAt = {0};
        String run = batch == 1 ? "raw1-" : "rawT-";
        try (ActiveMQConnectionFactory cityCf = new ActiveMQConnectionFactory(cityUrl);
                ActiveMQConnectionFactory provinceCf = new ActiveMQConnectionFactory(provinceUrl);
                jakarta.jms.Connection producerConnection = cityCf.createConnection();
                jakarta.jms.Connection consumerConnection = provinceCf.createConnection()) {
            Session consumerSession = consumerConnection.createSession(
                    batch == 1 ? Session.AUTO_ACKNOWLEDGE : Session.SESSION_TRANSACTED);
            MessageConsumer consumer = consumerSession.createConsumer(consumerSession.createQueue(UP));
            consumerConnection.start();
            Thread receiver = new Thread(() -> {
                try {
                    int inTransaction = 0;
                    while (got.get() < n) {
                        jakarta.jms.Message m = consumer.receive(inTransaction == 0 ? 60_000 : 20);
                        if (m == null && inTransaction == 0) {
                            return;
                        }
                        if (m != null) {
                            got.incrementAndGet();
                            inTransaction++;
                        }
                        if (batch > 1 && (m == null || inTransaction == batch)) {
                            consumerSession.commit();
                            inTransaction = 0;
                        }
                    }
                    if (batch > 1) {
                        consumerSession.commit();
                    }
                    lastAt[0] = System.nanoTime();
                } catch (Exception e) {
                    e.printStackTrace();
                }
            });
            receiver.start();
            Session session = producerConnection.createSession(
                    batch == 1 ? Session.AUTO_ACKNOWLEDGE : Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue(UP));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            long t0 = System.nanoTime();
            for (long i = 0; i < n; i++) {
                BytesMessage m = session.createBytesMessage();
                m.writeBytes(body);
                m.setStringProperty("_AMQ_DUPL_ID", run + i + ":1");
                m.setStringProperty("JMSXGroupID", "g" + (i % 1000));
                producer.send(m);
                if (batch > 1 && ((i + 1) % batch == 0 || i + 1 == n)) {
                    session.commit();
                }
            }
            long sentAt = System.nanoTime();
            receiver.join(Duration.ofMinutes(10).toMillis());
            System.out.printf("  sent in %,d ms, received %,d%n", (sentAt - t0) / 1_000_000, got.get());
            long end = lastAt[0] == 0 ? System.nanoTime() : lastAt[0];
            return new Rate(got.get(), size, (end - t0) / 1_000_000);
        }
    }

    // ------------------------------------------------------------------------------------------------- report

    private static String ratio(double hubRate, Rate raw) {
        return raw == null ? "n/a" : String.format("%.1f %%", 100 * hubRate / Math.max(1e-9, raw.perSecond()));
    }

    private static void printTable(
            long rows, long backlogRows, Result hub, Rate raw, Rate rawBatched, String loadAtStart, String loadAtEnd) {
        System.out.printf(
                "%n== City–province sync benchmark: %,d rows, then a backlog of %,d rows; two brokers (artemis/*/broker.xml,"
                        + " embedded, persistent), two hub processes, PostgreSQL ==%n",
                rows, backlogRows);
        double hubRate = hub.versions() * 1000.0 / Math.max(1, hub.millis());
        double fromSendRate = hub.versions() * 1000.0 / Math.max(1, hub.fromSendMillis());
        String format = "%-52s %20s %20s %20s%n";
        System.out.printf(format, "", "hubs", "raw, one at a time", "raw, transactions");
        System.out.printf(
                format,
                "messages (bytes each, average)",
                String.format("%,d (%,.0f)", hub.versions(), hub.averageBytes()),
                raw == null ? "n/a" : String.format("%,d (%,d)", raw.records(), raw.bytes()),
                rawBatched == null ? "n/a" : String.format("%,d (%,d)", rawBatched.records(), rawBatched.bytes()));
        System.out.printf(
                format,
                "elapsed ms (outbox → library | send → receive)",
                String.format("%,d", hub.millis()),
                raw == null ? "n/a" : String.format("%,d", raw.millis()),
                rawBatched == null ? "n/a" : String.format("%,d", rawBatched.millis()));
        System.out.printf(
                format,
                "records/s",
                String.format("%,.0f", hubRate),
                raw == null ? "n/a" : String.format("%,.0f", raw.perSecond()),
                rawBatched == null ? "n/a" : String.format("%,.0f", rawBatched.perSecond()));
        System.out.printf(
                format, "ratio hubs / raw (target ≥ 50 %)", "", ratio(hubRate, raw), ratio(hubRate, rawBatched));
        System.out.printf(
                format,
                "hubs from the relay's first send: ms, records/s",
                String.format("%,d, %,.0f", hub.fromSendMillis(), fromSendRate),
                ratio(fromSendRate, raw),
                ratio(fromSendRate, rawBatched));
        System.out.printf("%-52s %,20d%n", "received by the province", hub.received());
        System.out.printf("%-52s %,20d%n", "hub CPU ms, city (first file)", hub.cityCpuMillis());
        System.out.printf("%-52s %,20d%n", "hub CPU ms, province (first file)", hub.provinceCpuMillis());
        if (backlogRows > 0) {
            System.out.printf(
                    "%-52s %20s%n",
                    "backlog versions (received)",
                    String.format("%,d (%,d)", hub.backlogVersions(), hub.backlogReceived()));
            System.out.printf(
                    "%-52s %20s%n",
                    "backlog drain ms from the province hub's start", String.format("%,d", hub.drainFromStartMillis()));
            System.out.printf(
                    "%-52s %20s%n",
                    "backlog drain ms from its health UP", String.format("%,d", hub.drainFromHealthyMillis()));
            System.out.printf(
                    "%-52s %20s%n",
                    "backlog records/s (from health UP)",
                    String.format("%,.0f", hub.backlogVersions() * 1000.0 / Math.max(1, hub.drainFromHealthyMillis())));
            System.out.printf(
                    "%-52s %20s%n",
                    "100,000 at that rate (target < 2 min)",
                    String.format(
                            "%,.0f s",
                            100_000.0 * hub.drainFromHealthyMillis() / Math.max(1, hub.backlogVersions()) / 1000));
        }
        System.out.printf("%-52s %20s%n", "status", hub.timedOut() ? "TIMEOUT" : "done");
        System.out.println("load at start: " + loadAtStart);
        System.out.println("load at end:   " + loadAtEnd);
    }
}
