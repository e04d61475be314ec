package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huiju.hub.pipeline.CheckedBatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Kafka channel against a real broker (KRaft, in-process, on free ports): records a department produces are
 * batched into payloads, stored, rejected line by line when bad, and survive the route being stopped mid-batch; every
 * accepted version is published to the outbound topic.
 */
class KafkaChannelIT extends HubTest {

    static final String OWN = "huiju.scjg";
    static final String SHARED = "huiju.shared";
    static final String CRASH = "huiju.zf";
    static final String NOMAP = "huiju.nomap";
    static final String POISON = "huiju.poison";
    static final String OUTBOUND = "huiju.credit.records";

    static final EmbeddedKafkaKraftBroker KAFKA = startKafka();
    static final String HOME = home();

    static EmbeddedKafkaKraftBroker startKafka() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(
                1, 1, OWN, SHARED, CRASH, NOMAP, NOMAP + ".dlq", POISON, POISON + ".dlq", OUTBOUND);
        broker.afterPropertiesSet();
        return broker;
    }

    static String home() {
        Path home = TestHome.create("kafka");
        try {
            kafkaInstance(home, "kafka-scjg", "scjg", "national-penalty", OWN, "");
            kafkaInstance(home, "kafka-zf-shared", "zf", "national-penalty", SHARED, "department");
            kafkaInstance(home, "kafka-zf", "zf", "national-penalty", CRASH, "");
            kafkaInstance(home, "kafka-nomap", "nomap", "no-such-mapping", NOMAP, "");
            kafkaInstance(
                    home,
                    "kafka-poison",
                    "scjg",
                    "national-penalty",
                    POISON,
                    "",
                    """
                          - name: maxRecordBytes
                            value: "4096"
                    """);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return home.toString();
    }

    static void kafkaInstance(Path home, String routeId, String department, String mapping, String topic, String header)
            throws IOException {
        kafkaInstance(home, routeId, department, mapping, topic, header, "");
    }

    static void kafkaInstance(
            Path home, String routeId, String department, String mapping, String topic, String header, String more)
            throws IOException {
        Files.writeString(
                home.resolve("routes/departments/" + routeId + ".camel.yaml"),
                """
                - templatedRoute:
                    routeTemplateRef: kafka-consume
                    routeId: %s
                    parameters:
                      - name: department
                        value: %s
                      - name: mapping
                        value: %s
                      - name: topic
                        value: %s
                      - name: groupId
                        value: huiju-%1$s
                      - name: maxPollRecords
                        value: "200"
                      - name: batchingIntervalMs
                        value: "1000"
                      - name: departmentHeader
                        value: "%s"
                """
                                .formatted(routeId, department, mapping, topic, header.isEmpty() ? " " : header)
                        + more);
    }

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("huiju.home", () -> HOME);
        registry.add("huiju.mappings", () -> TestHome.REPO.resolve("mappings").toString());
        registry.add("huiju.kafka.brokers", KAFKA::getBrokersAsString);
        registry.add("huiju.kafka.outbound.retention", () -> "1h");
        registry.add("huiju.kafka.outbound.purge-interval-ms", () -> "500");
    }

    // The broker is not stopped after the class: the hub's context is cached and closed at JVM exit, and its consumers
    // must still find the broker then to leave their groups (stopped first, they kept the test JVM from exiting for
    // Camel's whole shutdown timeout). It goes with the JVM.

    @Autowired
    CamelContext camel;

    final ObjectMapper json = new ObjectMapper();

    // ---------------------------------------------------------------- in

    @Test
    void recordsOnADepartmentTopicAreStoredAndBadOnesRejectedLineByLine() throws Exception {
        String prefix = prefix();
        long since = System.currentTimeMillis();
        try (KafkaProducer<String, String> producer = producer()) {
            // sent together, so that they are most likely polled as one batch (one payload)
            producer.send(new ProducerRecord<>(OWN, penalty(prefix, 1)));
            producer.send(new ProducerRecord<>(OWN, "this is not json"));
            producer.send(new ProducerRecord<>(OWN, penalty(prefix, 2)));
            producer.send(new ProducerRecord<>(OWN, "[\"an\", \"array\"]"));
            Map<String, String> unknown = penaltyFields(prefix, 3);
            unknown.put("CF_NOT_A_FIELD", "x");
            producer.send(new ProducerRecord<>(OWN, json.writeValueAsString(unknown)));
            producer.flush();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> countPrefix("legal_person_record", prefix) == 3);
        List<Map<String, Object>> payloads = awaitKafkaPayloads("scjg", since, 5);

        assertThat(payloads).allSatisfy(p -> assertThat(p.get("status")).isEqualTo("DONE"));
        assertThat(sum(payloads, "stored")).isEqualTo(3);
        assertThat(sum(payloads, "rejected")).isEqualTo(2);
        // the validator also names the required fields such a line lacks, as for any defective row
        assertThat(rejects(payloads)).contains("NOT_JSON", "NOT_OBJECT");
        assertThat(payloads)
                .anySatisfy(p -> assertThat(String.valueOf(p.get("warnings"))).contains("CF_NOT_A_FIELD"));
        Map<String, Object> row = library("legal_person_record", prefix + "1号");
        assertThat(row).containsEntry("department", "scjg");
        assertThat(String.valueOf(row.get("body"))).contains("KAFKA");
        assertThat(jdbc.queryForObject(
                        "SELECT channel FROM payload WHERE payload_id = ?", String.class, row.get("payload_id")))
                .isEqualTo("KAFKA");
        // the archive keeps every record as received, with where it came from
        String archived =
                Files.readString(Path.of(String.valueOf(payloads.get(0).get("archive_path"))), StandardCharsets.UTF_8);
        assertThat(archived).contains("\"@source\":\"" + OWN + "/0/");
    }

    @Test
    void onASharedTopicAnInstanceTakesOnlyItsDepartmentsRecords() throws Exception {
        String prefix = prefix();
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, SHARED, penalty(prefix, 1), "scjg");
            send(producer, SHARED, penalty(prefix, 2), "zf");
            send(producer, SHARED, penalty(prefix, 3), null);
            send(producer, SHARED, penalty(prefix, 4), "zf");
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> countPrefix("legal_person_record", prefix) == 2);
        assertThat(library("legal_person_record", prefix + "2号")).containsEntry("department", "zf");
        assertThat(library("legal_person_record", prefix + "4号")).containsEntry("department", "zf");
        assertThat(countPrefix("legal_person_record", prefix)).isEqualTo(2);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicWithItsOffsetAndTheGoodOnesOfItsBatchAreStoredOnce() throws Exception {
        String prefix = prefix();
        long since = System.currentTimeMillis();
        // A poison record is one the pipeline throws on instead of rejecting: a bug. None is known (the last one,
        // an amount of 1E+2147483647, is now rejected as AMOUNT_INVALID), so one is made here: the store step throws
        // on any batch holding this record's document number, as a bug in the store would.
        Map<String, String> poison = penaltyFields(prefix, 3);
        poison.put("CF_WSH", prefix + "POISON-3号");
        throwInTheStoreOn(prefix + "POISON-3号");
        // over this instance's 4,096-byte limit: rejected as its line, never copied into the payload
        Map<String, String> large = penaltyFields(prefix, 5);
        large.put("CF_SY", "货值".repeat(2000));
        try (KafkaProducer<String, String> producer = producer()) {
            // sent together, so that they are most likely polled as one batch (one payload)
            producer.send(new ProducerRecord<>(POISON, penalty(prefix, 1)));
            producer.send(new ProducerRecord<>(POISON, penalty(prefix, 2)));
            producer.send(new ProducerRecord<>(POISON, "poison-key", json.writeValueAsString(poison)));
            producer.send(new ProducerRecord<>(POISON, penalty(prefix, 4)));
            producer.send(new ProducerRecord<>(POISON, json.writeValueAsString(large)));
            producer.send(new ProducerRecord<>(POISON, penalty(prefix, 6)));
            producer.flush();
        }

        ConsumerRecord<String, String> dead = deadLetters(POISON + ".dlq", 1).get(0);
        assertThat(header(dead, "huiju.errors.topic")).isEqualTo(POISON);
        assertThat(header(dead, "huiju.errors.partition")).isEqualTo("0");
        assertThat(header(dead, "huiju.errors.offset")).isEqualTo("2");
        assertThat(header(dead, "huiju.errors.department")).isEqualTo("scjg");
        assertThat(header(dead, "huiju.errors.exception.class")).isEqualTo(IllegalStateException.class.getName());
        assertThat(header(dead, "huiju.errors.reason")).contains("poison for the test");
        assertThat(header(dead, "huiju.errors.payload-id")).isNotBlank();
        assertThat(dead.key()).isEqualTo("poison-key");
        assertThat(dead.value()).isEqualTo(json.writeValueAsString(poison));
        // and the poison record's own payload is archived and marked failed, for the operator
        assertThat(jdbc.queryForObject(
                        "SELECT status FROM payload WHERE payload_id = ?",
                        String.class,
                        header(dead, "huiju.errors.payload-id")))
                .isEqualTo("FAILED");

        // the good ones stored, each once; the large one rejected with its reason, not dead-lettered
        await().atMost(Duration.ofSeconds(60)).until(() -> countPrefix("legal_person_record", prefix) == 4);
        assertThat(List.of(1, 2, 4, 6)).allSatisfy(n -> assertThat(count("legal_person_record", prefix + n + "号"))
                .isEqualTo(1));
        List<Map<String, Object>> ours = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> kafkaPayloads("scjg", since).stream()
                                .filter(p -> String.valueOf(p.get("file_name")).startsWith("kafka-" + POISON))
                                .toList(),
                        ps -> ps.stream().noneMatch(p -> "RECEIVED".equals(p.get("status"))) && sum(ps, "stored") >= 4);
        assertThat(sum(ours, "stored")).isEqualTo(4);
        // the large record is rejected as its line, or, fed on its own, as the payload it is alone in
        List<String> reasons = new ArrayList<>(jdbc.queryForList(
                "SELECT r.reason FROM reject r JOIN payload p ON r.payload_id = p.payload_id"
                        + " WHERE p.file_name LIKE ? AND p.received_at >= ? AND r.code = 'LINE_TOO_LONG'",
                String.class,
                "kafka-" + POISON + "%",
                new Timestamp(since)));
        ours.stream()
                .filter(p -> "LINE_TOO_LONG".equals(p.get("error_code")))
                .forEach(p -> reasons.add(String.valueOf(p.get("error"))));
        assertThat(reasons)
                .anySatisfy(
                        reason -> assertThat(reason).contains(POISON + "/0/4").contains("4096"));

        // the partition moves on: the offsets are committed past the poison record, and later records come
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, POISON, penalty(prefix, 7), null);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> countPrefix("legal_person_record", prefix) == 5);
        await().atMost(Duration.ofSeconds(30)).until(() -> committed("huiju-kafka-poison", POISON) == 7);
        assertThat(deadLetters(POISON + ".dlq", 1)).hasSize(1);
    }

    /** The fault of {@link #aPoisonRecordGoesToTheDeadLetterTopicWithItsOffsetAndTheGoodOnesOfItsBatchAreStoredOnce}. */
    void throwInTheStoreOn(String documentNumber) throws Exception {
        AdviceWith.adviceWith(camel, "load-batches", route -> route.weaveById("store")
                .before()
                .process(exchange -> {
                    CheckedBatch batch = exchange.getIn().getBody(CheckedBatch.class);
                    if (batch.accepted().stream()
                            .anyMatch(r -> documentNumber.equals(r.decision().documentNumber()))) {
                        throw new IllegalStateException("poison for the test: " + documentNumber);
                    }
                }));
    }

    @Test
    void aBatchTheHubCannotProcessAtAllGoesToTheDeadLetterTopicRecordByRecordAndThePartitionMovesOn() throws Exception {
        String prefix = prefix();
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, NOMAP, penalty(prefix, 1), null);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> committed("huiju-kafka-nomap", NOMAP) == 1);
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, NOMAP, penalty(prefix, 2), null);
            send(producer, NOMAP, penalty(prefix, 3), null);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> committed("huiju-kafka-nomap", NOMAP) == 3);

        List<ConsumerRecord<String, String>> dead = deadLetters(NOMAP + ".dlq", 3);
        assertThat(dead).extracting(r -> header(r, "huiju.errors.offset")).containsExactly("0", "1", "2");
        assertThat(dead).extracting(r -> header(r, "huiju.errors.department")).containsOnly("nomap");
        assertThat(dead)
                .allSatisfy(r -> assertThat(header(r, "huiju.errors.reason")).contains("no-such-mapping"));
    }

    // ---------------------------------------------------------------- out

    @Test
    void everyAcceptedVersionIsPublishedKeyedBySubjectCodeWithItsIdAndVersion() throws Exception {
        String prefix = prefix();
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, OWN, penalty(prefix, 1), null);
            await().atMost(Duration.ofSeconds(60)).until(() -> countPrefix("legal_person_record", prefix) == 1);
            // the same decision again (unchanged: not published again), then corrected (version 2)
            send(producer, OWN, penalty(prefix, 1), null);
            Map<String, String> corrected = penaltyFields(prefix, 1);
            corrected.put("CF_NR_FK", "0.3");
            send(producer, OWN, json.writeValueAsString(corrected), null);
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        (Integer) library("legal_person_record", prefix + "1号").get("version") == 2);
        Map<String, Object> row = library("legal_person_record", prefix + "1号");

        List<ConsumerRecord<String, String>> published = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(OUTBOUND));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.value().contains(prefix)) {
                        published.add(r);
                    }
                }
                return published.size() >= 2;
            });
            // nothing more than the two versions comes
            consumer.poll(Duration.ofSeconds(3)).forEach(r -> {
                if (r.value().contains(prefix)) {
                    published.add(r);
                }
            });
        }

        assertThat(published).hasSize(2);
        assertThat(published).extracting(ConsumerRecord::key).containsOnly(PenaltyFile.COMPANY_CODE);
        assertThat(published)
                .extracting(r -> header(r, "huiju-record-id"))
                .containsOnly(String.valueOf(row.get("record_id")));
        assertThat(published).extracting(r -> header(r, "huiju-version")).containsExactly("1", "2");
        assertThat(published.get(1).value()).isEqualTo(String.valueOf(row.get("body")));
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM outbox WHERE record_id = ? AND published_at IS NULL",
                        Integer.class,
                        row.get("record_id")))
                .isZero();
    }

    @Test
    void publishedVersionsArePurgedAfterTheRetentionAndNoOtherRows() throws Exception {
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        String waiting = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        String insert = "INSERT INTO outbox (record_id, version, subject_code, body, created_at, published_at)"
                + " VALUES (?, 1, 'x', '{}', ?, ?)";
        // the relay held back, so that an unpublished version stays unpublished for the test
        camel.getRouteController().stopRoute("outbox-relay");
        try {
            // published 2 h and 10 min ago (this context's retention is 1 h), and one not published after 2 days
            jdbc.update(insert, old, new Timestamp(now - hours(3)), new Timestamp(now - hours(2)));
            jdbc.update(insert, recent, new Timestamp(now - hours(3)), new Timestamp(now - minutes(10)));
            jdbc.update(insert, waiting, new Timestamp(now - hours(48)), null);

            await().atMost(Duration.ofSeconds(30)).until(() -> outboxRows(old) == 0);
            assertThat(outboxRows(recent)).isEqualTo(1);
            assertThat(outboxRows(waiting)).isEqualTo(1);
        } finally {
            camel.getRouteController().startRoute("outbox-relay");
        }
    }

    static long hours(int n) {
        return Duration.ofHours(n).toMillis();
    }

    static long minutes(int n) {
        return Duration.ofMinutes(n).toMillis();
    }

    int outboxRows(String recordId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE record_id = ?", Integer.class, recordId);
    }

    // ---------------------------------------------------------------- crash and restart

    @Test
    void theRouteStoppedMidBatchAndRestartedLosesNothingAndStoresNothingTwice() throws Exception {
        String prefix = prefix();
        int records = 1500;
        long since = System.currentTimeMillis();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 1; i <= records; i++) {
                send(producer, CRASH, penalty(prefix, i), null);
            }
        }

        // stop it while a batch is between archive and receipt: some records stored, the batch not committed
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> countPrefix("legal_person_record", prefix) > 0
                        && !jdbc.queryForList(
                                        "SELECT payload_id FROM payload WHERE department = 'zf' AND channel = 'KAFKA'"
                                                + " AND status = 'RECEIVED' AND received_at >= ?",
                                        new Timestamp(since))
                                .isEmpty());
        int before = countPrefix("legal_person_record", prefix);
        camel.getRouteController().stopRoute("kafka-zf", 1, TimeUnit.MILLISECONDS);
        camel.getRouteController().startRoute("kafka-zf");

        await().atMost(Duration.ofSeconds(120)).until(() -> countPrefix("legal_person_record", prefix) == records);
        assertThat(before).isLessThan(records);
        // nothing twice: one row per decision, each in its first version, no history
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(DISTINCT document_number) FROM legal_person_record WHERE document_number LIKE ?",
                        Integer.class,
                        prefix + "%"))
                .isEqualTo(records);
        assertThat(jdbc.queryForObject(
                        "SELECT MAX(version) FROM legal_person_record WHERE document_number LIKE ?",
                        Integer.class,
                        prefix + "%"))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM legal_person_record_history h JOIN legal_person_record r"
                                + " ON h.record_id = r.record_id WHERE r.document_number LIKE ?",
                        Integer.class,
                        prefix + "%"))
                .isZero();
        // and every record was counted stored exactly once over all the payloads (re-delivered ones are unchanged)
        List<Map<String, Object>> payloads = kafkaPayloads("zf", since);
        assertThat(sum(payloads, "stored")).isEqualTo(records);
        assertThat(sum(payloads, "received") - sum(payloads, "stored")).isEqualTo(sum(payloads, "unchanged"));
        // offsets were committed batch by batch: after the restart only the batch in flight came again, not the topic
        assertThat(sum(payloads, "unchanged")).isLessThan(records / 2);

        // a crash after every batch was stored but before any offset was committed: the whole topic comes again
        camel.getRouteController().stopRoute("kafka-zf");
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString()))) {
            admin.alterConsumerGroupOffsets(
                            "huiju-kafka-zf", Map.of(new TopicPartition(CRASH, 0), new OffsetAndMetadata(0)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        long again = System.currentTimeMillis();
        camel.getRouteController().startRoute("kafka-zf");
        // done when the group has committed the whole topic again, i.e. every batch went through ingest
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> committed("huiju-kafka-zf") == records);
        List<Map<String, Object>> redelivered = kafkaPayloads("zf", again);
        assertThat(redelivered).isNotEmpty().allSatisfy(p -> assertThat(p.get("status"))
                .isIn("DONE", "DUPLICATE"));
        assertThat(sum(redelivered, "stored")).isZero();
        assertThat(countPrefix("legal_person_record", prefix)).isEqualTo(records);
        assertThat(jdbc.queryForObject(
                        "SELECT MAX(version) FROM legal_person_record WHERE document_number LIKE ?",
                        Integer.class,
                        prefix + "%"))
                .isEqualTo(1);
    }

    // ---------------------------------------------------------------- helpers

    /** Every record of a dead-letter topic, once there are that many (and a moment more for any extra one). */
    static List<ConsumerRecord<String, String>> deadLetters(String topic, int expected) {
        List<ConsumerRecord<String, String>> dead = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(dead::add);
                return dead.size() >= expected;
            });
            consumer.poll(Duration.ofSeconds(1)).forEach(dead::add);
        }
        return dead;
    }

    static String prefix() {
        return "岩市监罚〔2024〕K" + UUID.randomUUID().toString().substring(0, 6) + "-";
    }

    static Map<String, String> penaltyFields(String prefix, int number) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("CF_XDR_MC", "龙岩市新罗区恒达贸易有限公司");
        r.put("CF_XDR_LB", "法人及非法人组织");
        r.put("CF_XDR_SHXYM", PenaltyFile.COMPANY_CODE);
        r.put("CF_FRDB", "王建国");
        r.put("CF_WSH", prefix + number + "号");
        r.put("CF_WFXW", "销售不合格产品");
        r.put("CF_SY", "销售不合格电线，货值2000元");
        r.put("CF_YJ", "《中华人民共和国产品质量法》第四十九条");
        r.put("CF_CFLB", "罚款");
        r.put("CF_NR", "罚款2000元");
        r.put("CF_NR_FK", "0.2");
        r.put("CF_JDRQ", "2024-03-05");
        r.put("CF_GSJZQ", "2025-03-05");
        r.put("CF_CFJG", PenaltyFile.AUTHORITY);
        r.put("CF_CFJGDM", PenaltyFile.AUTHORITY_CODE);
        return r;
    }

    String penalty(String prefix, int number) throws IOException {
        return json.writeValueAsString(penaltyFields(prefix, number));
    }

    static long committed(String group) throws Exception {
        return committed(group, CRASH);
    }

    static long committed(String group, String topic) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString()))) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS)
                    .get(new TopicPartition(topic, 0));
            return offset == null ? -1 : offset.offset();
        }
    }

    static KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBrokersAsString());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p);
    }

    static void send(KafkaProducer<String, String> producer, String topic, String value, String department)
            throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, null, value);
        if (department != null) {
            record.headers().add("department", department.getBytes(StandardCharsets.UTF_8));
        }
        producer.send(record).get(30, TimeUnit.SECONDS);
    }

    int countPrefix(String table, String prefix) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM " + table + " WHERE document_number LIKE ?", Integer.class, prefix + "%");
    }

    List<Map<String, Object>> kafkaPayloads(String department, long since) {
        return jdbc.queryForList(
                "SELECT * FROM payload WHERE department = ? AND channel = 'KAFKA' AND received_at >= ?"
                        + " ORDER BY received_at",
                department,
                new Timestamp(since));
    }

    /** The payloads since then, once all of them are finished and they hold that many records. */
    List<Map<String, Object>> awaitKafkaPayloads(String department, long since, int received) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> kafkaPayloads(department, since),
                        ps -> ps.stream().noneMatch(p -> "RECEIVED".equals(p.get("status")))
                                && sum(ps, "received") >= received);
    }

    static int sum(List<Map<String, Object>> payloads, String column) {
        return payloads.stream()
                .mapToInt(p -> p.get(column) == null ? 0 : ((Number) p.get(column)).intValue())
                .sum();
    }

    List<String> rejects(List<Map<String, Object>> payloads) {
        List<String> codes = new ArrayList<>();
        for (Map<String, Object> p : payloads) {
            codes.addAll(jdbc.queryForList(
                    "SELECT code FROM reject WHERE payload_id = ?", String.class, p.get("payload_id")));
        }
        return codes;
    }
}
