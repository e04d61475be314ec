package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.ConnectionFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jms.core.JmsTemplate;

/**
 * A city hub (龙岩 350800) and the province hub (福建 350000), each on its own PostgreSQL database and its own broker
 * (the repository's artemis/city and artemis/province broker.xml: separate journals, TCP on 127.0.0.1, core bridges up
 * and down). A city department's records go up, a provincial department's records about 龙岩 subjects come down; each
 * side gets exactly what it should, once, versions in order, and nothing that came down goes back up.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncIT {

    static final int N = 40;
    static final String UP = "huiju.sync.up";
    static final String DOWN = "huiju.sync.down.350800";

    static SyncBrokers brokers;
    static SyncHub city;
    static SyncHub province;

    @BeforeAll
    static void start() throws Exception {
        Path home = Path.of("target", "it-home", "sync-brokers").toAbsolutePath();
        TestHome.delete(home);
        brokers = new SyncBrokers(home);
        province = new SyncHub("sync", "province", "fjscjg", "350000", brokers.provinceUrl());
        city = new SyncHub("sync", "city", "scjg", "350800", brokers.cityUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {city, province, brokers}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    @Order(1)
    void recordsGoUpAndComeDownExactlyOnceInOrder() throws Exception {
        // Each side: N decisions about 龙岩 subjects (USCC 91350802…: registered in 新罗区), then a correction of each,
        // so every record has two versions that must arrive in order.
        PenaltyFile cityFile = new PenaltyFile();
        PenaltyFile provinceFile = new PenaltyFile();
        for (int i = 1; i <= N; i++) {
            cityFile.company(i);
            provinceFile.company(i);
        }
        city.drop("city-1.csv", cityFile.utf8());
        province.drop("province-1.csv", provinceFile.utf8());
        city.drop("city-2.csv", corrected(cityFile).utf8());
        province.drop("province-2.csv", corrected(provinceFile).utf8());

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    assertThat(
                                    province.count(
                                            "SELECT COUNT(*) FROM legal_person_record WHERE department = 'scjg' AND version = 2"))
                            .isEqualTo(N);
                    assertThat(
                                    city.count(
                                            "SELECT COUNT(*) FROM legal_person_record WHERE department = 'fjscjg' AND version = 2"))
                            .isEqualTo(N);
                });
        // Let anything still travelling (a loop, a duplicate) arrive before counting.
        Thread.sleep(3000);

        // Up: the province holds each city record once, at the city's latest content, the first version in history.
        assertThat(province.count("SELECT COUNT(*) FROM legal_person_record WHERE department = 'scjg'"))
                .isEqualTo(N);
        assertThat(province.count("SELECT COUNT(*) FROM sync_received WHERE origin = '350800'"))
                .isEqualTo(2 * N);
        assertThat(province.count("SELECT COUNT(*) FROM sync_received WHERE origin = '350800' AND outcome = 'STORED'"))
                .isEqualTo(2 * N);
        assertSameVersions(city, province, "scjg");
        assertThat(province.jdbc.queryForList(
                        "SELECT DISTINCT region_code FROM legal_person_record WHERE department = 'scjg'", String.class))
                .containsExactly("350800");

        // Down: the city holds each provincial record once, marked as returned by the province.
        assertThat(city.count("SELECT COUNT(*) FROM legal_person_record WHERE department = 'fjscjg'"))
                .isEqualTo(N);
        assertThat(city.count("SELECT COUNT(*) FROM sync_received WHERE origin = '350000'"))
                .isEqualTo(2 * N);
        assertSameVersions(province, city, "fjscjg");
        assertThat(city.jdbc.queryForList(
                        "SELECT body FROM legal_person_record WHERE department = 'fjscjg'", String.class))
                .allSatisfy(body -> assertThat(body).contains("\"channel\":\"PROVINCE\""));

        // No loop: the city reported only its own department's versions, the province returned only its own (a city's
        // record about its own subject does not come back to it).
        assertThat(city.jdbc.queryForList("SELECT DISTINCT destination FROM sync_outbox", String.class))
                .containsExactly(UP);
        assertThat(city.count("SELECT COUNT(*) FROM sync_outbox")).isEqualTo(2 * N);
        assertThat(city.count("SELECT COUNT(*) FROM sync_outbox o JOIN legal_person_record r"
                        + " ON r.record_id = o.record_id WHERE r.department <> 'scjg'"))
                .isZero();
        assertThat(province.jdbc.queryForList("SELECT DISTINCT destination FROM sync_outbox", String.class))
                .containsExactly(DOWN);
        assertThat(province.count("SELECT COUNT(*) FROM sync_outbox")).isEqualTo(2 * N);
        assertThat(province.count("SELECT COUNT(*) FROM sync_outbox o JOIN legal_person_record r"
                        + " ON r.record_id = o.record_id WHERE r.department <> 'fjscjg'"))
                .isZero();
        assertThat(city.count("SELECT COUNT(*) FROM sync_outbox WHERE sent_at IS NULL"))
                .isZero();
        assertThat(province.count("SELECT COUNT(*) FROM sync_outbox WHERE sent_at IS NULL"))
                .isZero();

        // Every queue on the way is drained, and nothing was dead-lettered.
        assertThat(SyncBrokers.depth(brokers.city, UP)).isZero();
        assertThat(SyncBrokers.depth(brokers.province, UP)).isZero();
        assertThat(SyncBrokers.depth(brokers.province, DOWN)).isZero();
        assertThat(SyncBrokers.depth(brokers.city, DOWN)).isZero();
        assertThat(SyncBrokers.depth(brokers.city, "huiju.DLQ")).isZero();
        assertThat(SyncBrokers.depth(brokers.province, "huiju.DLQ")).isZero();
    }

    @Test
    @Order(2)
    void aRedeliveredVersionIsUnchanged() {
        // The same version again under another duplicate-detection id (as after a lost acknowledgement with the
        // broker's
        // id cache gone): the province recognises it by origin, record id and version.
        Map<String, Object> sent = city.jdbc.queryForMap(
                "SELECT record_id, version, subject_code, body FROM sync_outbox ORDER BY id DESC FETCH FIRST 1 ROWS ONLY");
        int storedBefore = province.count("SELECT COUNT(*) FROM legal_person_record_history");
        send(
                brokers.provinceUrl(),
                UP,
                (String) sent.get("body"),
                "350800",
                "1",
                "redelivery-" + sent.get("record_id"));

        await().atMost(Duration.ofSeconds(30)).until(() -> SyncBrokers.depth(brokers.province, UP) == 0);
        assertThat(province.count("SELECT version FROM legal_person_record WHERE record_id = ?", sent.get("record_id")))
                .isEqualTo(2);
        assertThat(province.count("SELECT COUNT(*) FROM legal_person_record_history"))
                .isEqualTo(storedBefore);
        assertThat(province.count("SELECT COUNT(*) FROM sync_received WHERE origin = '350800'"))
                .isEqualTo(2 * N);
    }

    @Test
    @Order(3)
    void messagesNoRetryCanStoreGoToTheDeadLetterQueueWithTheirReason() throws Exception {
        String body = city.jdbc.queryForObject(
                "SELECT body FROM sync_outbox ORDER BY id FETCH FIRST 1 ROWS ONLY", String.class);
        send(brokers.provinceUrl(), UP, body, "350800", "99", "bad-schema");
        send(brokers.provinceUrl(), UP, body, "440300", "1", "bad-region");
        send(brokers.provinceUrl(), UP, "{not json", "350800", "1", "bad-body");

        await().atMost(Duration.ofSeconds(60)).until(() -> SyncBrokers.depth(brokers.province, "huiju.DLQ") == 3);
        JmsTemplate dlq = jms(brokers.provinceUrl());
        dlq.setReceiveTimeout(5000);
        List<String> reasons = List.of(
                reason(dlq.receive("huiju.DLQ")), reason(dlq.receive("huiju.DLQ")), reason(dlq.receive("huiju.DLQ")));
        assertThat(reasons)
                .anySatisfy(r -> assertThat(r).contains("schema version 99 unknown"))
                .anySatisfy(r -> assertThat(r).contains("region 440300 is not a city this province serves"))
                .anySatisfy(r -> assertThat(r).contains("corrupt body"));
        // the hub kept consuming
        assertThat(province.context.isActive()).isTrue();
    }

    @Test
    @Order(4)
    void whileTheProvinceIsNotReceivingVersionsWaitOnItsBrokerCarryingTheirIdsAndGroup() throws Exception {
        CamelContext camel = province.context.getBean(CamelContext.class);
        assertThat(linkHealth(province)).startsWith("200 ").contains("\"status\":\"UP\"");
        camel.getRouteController().stopRoute("sync-receive");
        try {
            assertThat(linkHealth(province))
                    .startsWith("503 ")
                    .contains("\"status\":\"DEGRADED\"")
                    .contains("\"receive\":\"Stopped\"");
            PenaltyFile file = new PenaltyFile().company(1).company(2).company(3);
            city.drop("city-3.csv", file.utf8());
            await().atMost(Duration.ofSeconds(60)).until(() -> SyncBrokers.depth(brokers.province, UP) == 3);

            Map<String, String> ids = new java.util.HashMap<>();
            city.jdbc.query(
                    "SELECT record_id, document_number FROM legal_person_record WHERE document_number LIKE ?",
                    rs -> {
                        ids.put(rs.getString(2), rs.getString(1));
                    },
                    file.documentNumber(0).replace("0号", "%"));
            List<String> seen = jms(brokers.provinceUrl()).browse(UP, (session, browser) -> {
                List<String> properties = new java.util.ArrayList<>();
                var messages = browser.getEnumeration();
                while (messages.hasMoreElements()) {
                    jakarta.jms.Message m = (jakarta.jms.Message) messages.nextElement();
                    properties.add(m.getStringProperty("_AMQ_DUPL_ID") + " " + m.getStringProperty("JMSXGroupID") + " "
                            + m.getStringProperty("HuijuSchemaVersion") + " " + m.getStringProperty("HuijuOrigin"));
                }
                return properties;
            });
            assertThat(seen)
                    .containsExactly(
                            ids.get(file.documentNumber(1)) + ":1 " + PenaltyFile.COMPANY_CODE + " 1 350800",
                            ids.get(file.documentNumber(2)) + ":1 " + PenaltyFile.COMPANY_CODE + " 1 350800",
                            ids.get(file.documentNumber(3)) + ":1 " + PenaltyFile.COMPANY_CODE + " 1 350800");
        } finally {
            camel.getRouteController().startRoute("sync-receive");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> SyncBrokers.depth(brokers.province, UP) == 0);
        assertThat(province.count("SELECT COUNT(*) FROM legal_person_record WHERE department = 'scjg'"))
                .isEqualTo(N + 3);
    }

    @Test
    @Order(5)
    void aRoundSentBeforeACrashButNotMarkedGoesAgainWithoutDoublesAndItsNewVersionsStillGo() throws Exception {
        // As after a crash between the broker's commit and the outbox's marking: the last versions sent are unsent
        // again. Artemis refuses a whole transaction holding a duplicate, so the relay must fall back to sending that
        // round one version at a time, or the round (and every version after it) would wait for ever.
        CamelContext camel = city.context.getBean(CamelContext.class);
        int receivedBefore = province.count("SELECT COUNT(*) FROM sync_received WHERE origin = '350800'");
        camel.getRouteController().stopRoute("sync-relay");
        try {
            city.jdbc.update("UPDATE sync_outbox SET sent_at = NULL WHERE id IN"
                    + " (SELECT id FROM sync_outbox ORDER BY id DESC FETCH FIRST 5 ROWS ONLY)");
            city.drop(
                    "city-4.csv",
                    new PenaltyFile().company(4).company(5).company(6).utf8());
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> city.count("SELECT COUNT(*) FROM sync_outbox WHERE sent_at IS NULL") == 8);
        } finally {
            camel.getRouteController().startRoute("sync-relay");
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> city.count("SELECT COUNT(*) FROM sync_outbox WHERE sent_at IS NULL") == 0);
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        province.count("SELECT COUNT(*) FROM legal_person_record WHERE department = 'scjg'") == N + 6);
        Thread.sleep(2000);
        assertThat(province.count("SELECT COUNT(*) FROM sync_received WHERE origin = '350800'"))
                .isEqualTo(receivedBefore + 3);
        assertThat(SyncBrokers.depth(brokers.province, UP)).isZero();
        assertThat(SyncBrokers.depth(brokers.province, "huiju.DLQ")).isZero();
    }

    /** GET /actuator/health/sync-link: the status code, a space, the body. */
    private static String linkHealth(SyncHub hub) throws Exception {
        String port = hub.context.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/sync-link"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    private static String reason(jakarta.jms.Message m) throws jakarta.jms.JMSException {
        return m == null ? "<none>" : m.getStringProperty("HuijuDeadLetterReason");
    }

    private static void send(String url, String address, String body, String origin, String schema, String dupId) {
        jms(url).send(address, session -> {
            var m = session.createTextMessage(body);
            m.setStringProperty("_AMQ_DUPL_ID", dupId);
            m.setStringProperty("HuijuOrigin", origin);
            m.setStringProperty("HuijuSchemaVersion", schema);
            return m;
        });
    }

    private static JmsTemplate jms(String url) {
        ConnectionFactory factory = new ActiveMQConnectionFactory(url);
        return new JmsTemplate(factory);
    }

    /** Every record of that department has, on the receiving side, the sender's content in each version, in order. */
    private static void assertSameVersions(SyncHub sender, SyncHub receiver, String department) {
        String sql = "SELECT r.record_id, 2 AS version, r.content_hash FROM legal_person_record r WHERE department = ?"
                + " UNION ALL SELECT h.record_id, h.version, h.content_hash FROM legal_person_record_history h"
                + " JOIN legal_person_record r ON r.record_id = h.record_id WHERE r.department = ?"
                + " ORDER BY 1, 2";
        List<Map<String, Object>> sent = sender.jdbc.queryForList(sql, department, department);
        List<Map<String, Object>> received = receiver.jdbc.queryForList(sql, department, department);
        assertThat(sent).hasSize(2 * N);
        assertThat(received).isEqualTo(sent);
    }

    private static PenaltyFile corrected(PenaltyFile file) {
        PenaltyFile correction = file.sameNumbers();
        for (int i = 1; i <= N; i++) {
            correction.company(i, r -> r.put("违法事实", "销售不合格电线，货值2000元（更正：货值2100元）"));
        }
        return correction;
    }
}
