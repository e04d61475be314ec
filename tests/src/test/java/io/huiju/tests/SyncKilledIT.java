package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The city-province link with, in turn, the province broker, the province hub, the city broker and the city hub killed
 * (SIGKILL: each runs as a process of its own; the brokers from the repository's broker.xml files) while records
 * stream both ways, then started again on the same journal or database. Afterwards each side holds exactly what was
 * sent, once, and no version was stored twice.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncKilledIT {

    static final int N = 1000;

    static Path home;
    static int cityPort;
    static int provincePort;
    static final Process[] brokers = new Process[2];
    static final List<Process> started = new ArrayList<>();
    static SyncHub city;

    /**
     * Rounds and batches of 20 instead of 500: with the defaults the N versions cross in two or three transactions,
     * and a kill would land before or after them, never in the middle of a stream.
     */
    static final List<String> SMALL_BATCHES = List.of("--huiju.sync.relay-batch=20", "--huiju.sync.receive-batch=20");

    static SyncHub province;

    @BeforeAll
    static void start() throws Exception {
        home = Path.of("target", "it-home", "sync-killed").toAbsolutePath();
        TestHome.delete(home);
        java.nio.file.Files.createDirectories(home);
        cityPort = SyncBrokers.freePort();
        provincePort = SyncBrokers.freePort();
        brokers[1] = broker("province", 0);
        brokers[0] = broker("city", 0);
        province = SyncHub.process(
                "sync-killed", "province", "fjscjg", "350000", "tcp://127.0.0.1:" + provincePort, SMALL_BATCHES);
        city = SyncHub.process("sync-killed", "city", "scjg", "350800", "tcp://127.0.0.1:" + cityPort, SMALL_BATCHES);
        province.start();
        city.start();
    }

    @AfterAll
    static void stop() throws Exception {
        for (SyncHub c : new SyncHub[] {city, province}) {
            if (c != null) {
                c.close();
            }
        }
        for (Process p : started) {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Something the test kills mid-stream and starts again. */
    interface Part {
        void kill() throws Exception;

        void restart() throws Exception;
    }

    @Test
    @Order(1)
    void theProvinceBrokerKilledMidStream() throws Exception {
        streamBothWaysKilling(1, brokerPart("province", 1));
    }

    @Test
    @Order(2)
    void theProvinceHubKilledMidStream() throws Exception {
        streamBothWaysKilling(2, hubPart(province));
    }

    @Test
    @Order(3)
    void theCityBrokerKilledMidStream() throws Exception {
        streamBothWaysKilling(3, brokerPart("city", 0));
    }

    @Test
    @Order(4)
    void theCityHubKilledMidStream() throws Exception {
        streamBothWaysKilling(4, hubPart(city));
    }

    private static Part brokerPart(String side, int index) {
        return new Part() {
            @Override
            public void kill() throws Exception {
                brokers[index].destroyForcibly();
                assertThat(brokers[index].waitFor(30, TimeUnit.SECONDS)).isTrue();
            }

            @Override
            public void restart() throws Exception {
                brokers[index] = broker(side, started.size());
            }
        };
    }

    private static Part hubPart(SyncHub hub) {
        return new Part() {
            @Override
            public void kill() throws Exception {
                hub.kill();
            }

            @Override
            public void restart() throws Exception {
                hub.start();
            }
        };
    }

    private void streamBothWaysKilling(int round, Part killed) throws Exception {
        int upBefore = province.count("SELECT COUNT(*) FROM legal_person_record WHERE department = 'scjg'");
        int downBefore = city.count("SELECT COUNT(*) FROM legal_person_record WHERE department = 'fjscjg'");
        PenaltyFile up = new PenaltyFile();
        PenaltyFile down = new PenaltyFile();
        for (int i = 1; i <= N; i++) {
            up.company(i);
            down.company(i);
        }
        // the province's file first: drop() waits for the file to be stored, and the city's versions start to travel
        // as soon as the city stored its own, so the kill below must come right after the city's drop
        province.drop("down-" + round + ".csv", down.utf8());
        city.drop("up-" + round + ".csv", up.utf8());

        // kill while the province has some of the city's records but not all (counted just before the kill: what is
        // already on the province broker still arrives while the city's side dies)
        int seen = await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> province.count("SELECT COUNT(*) FROM sync_received WHERE origin = '350800'"),
                        count -> count > (round - 1) * N + N / 10);
        killed.kill();
        assertThat(seen - (round - 1) * N).as("killed mid-stream").isLessThan(N);
        Thread.sleep(3000);
        killed.restart();

        await().atMost(Duration.ofSeconds(300))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    assertThat(province.count("SELECT COUNT(*) FROM legal_person_record WHERE department = 'scjg'"))
                            .isEqualTo(upBefore + N);
                    assertThat(city.count("SELECT COUNT(*) FROM legal_person_record WHERE department = 'fjscjg'"))
                            .isEqualTo(downBefore + N);
                });
        Thread.sleep(3000);
        // exactly once: one version per record on each side, every version received once by origin
        assertThat(province.count("SELECT COUNT(*) FROM legal_person_record WHERE department = 'scjg'"))
                .isEqualTo(upBefore + N);
        assertThat(city.count("SELECT COUNT(*) FROM legal_person_record WHERE department = 'fjscjg'"))
                .isEqualTo(downBefore + N);
        assertThat(province.count("SELECT COUNT(*) FROM legal_person_record_history"))
                .isZero();
        assertThat(city.count("SELECT COUNT(*) FROM legal_person_record_history"))
                .isZero();
        assertThat(province.count("SELECT COUNT(*) FROM legal_person_record WHERE version <> 1"))
                .isZero();
        assertThat(city.count("SELECT COUNT(*) FROM legal_person_record WHERE version <> 1"))
                .isZero();
        assertThat(province.count("SELECT COUNT(*) FROM sync_received WHERE origin = '350800'"))
                .isEqualTo(round * N);
        assertThat(city.count("SELECT COUNT(*) FROM sync_received WHERE origin = '350000'"))
                .isEqualTo(round * N);
        // nothing loops back up, nothing is left behind
        assertThat(city.count("SELECT COUNT(*) FROM sync_outbox")).isEqualTo(round * N);
        assertThat(city.count("SELECT COUNT(*) FROM sync_outbox WHERE sent_at IS NULL"))
                .isZero();
        assertThat(province.count("SELECT COUNT(*) FROM sync_outbox WHERE sent_at IS NULL"))
                .isZero();
    }

    private static Process broker(String side, int run) throws IOException {
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        SyncBrokerMain.class.getName(),
                        side,
                        home.resolve(side + "-broker").toString(),
                        String.valueOf(cityPort),
                        String.valueOf(provincePort))
                .redirectErrorStream(true)
                .redirectOutput(home.resolve(side + "-broker-" + run + ".log").toFile())
                .start();
        started.add(p);
        int port = side.equals("city") ? cityPort : provincePort;
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> listening(port));
        return p;
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
