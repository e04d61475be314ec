package io.huiju.hub.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommit;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns one poll's batch of Kafka records into one payload: JSON Lines, one record per line, each with its {@code
 * @source} ({@code topic/partition/offset}) so an operator can trace a line of the archive back to the record. A record
 * that is a JSON object is written as that object; anything else is kept as received, as the text of {@code @text}, for
 * the reader to reject with its reason. On a shared topic, records whose department header names another department
 * are left out (that department's own instance takes them).
 */
@Component("kafkaBatches")
public class KafkaBatches {

    /** Exchange property: the Kafka record header naming the department, on a shared topic; absent otherwise. */
    public static final String DEPARTMENT_HEADER = "HuijuKafkaDepartmentHeader";
    /** Header: how many records of the batch are this department's (0: nothing to ingest). */
    public static final String RECORDS = "HuijuKafkaRecords";
    /** Header: {@code topic/partition/offset} of the first and last record, for the dead letter and the log. */
    public static final String SOURCE = "HuijuSource";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBatches.class);

    private final ObjectMapper json;

    KafkaBatches(ObjectMapper json) {
        this.json = json;
    }

    public void toJsonLines(Exchange exchange) throws Exception {
        String department = exchange.getIn().getHeader("HuijuDepartment", String.class);
        String departmentHeader = exchange.getProperty(DEPARTMENT_HEADER, String.class);
        List<?> records = exchange.getIn().getBody(List.class);
        List<String> sources = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int skipped = 0;
        Map<TopicPartition, KafkaManualCommit> commits = new LinkedHashMap<>();
        for (Object item : records == null ? List.of() : records) {
            Message record = item instanceof Exchange e ? e.getMessage() : null;
            if (record == null) {
                continue;
            }
            if (record.getHeader(KafkaConstants.MANUAL_COMMIT) instanceof DefaultKafkaManualCommit commit) {
                commits.put(commit.getPartition(), commit);
            }
            if (departmentHeader != null
                    && !departmentHeader.isBlank()
                    && !department.equals(text(record.getHeader(departmentHeader)))) {
                skipped++;
                continue;
            }
            String source = record.getHeader(KafkaConstants.TOPIC) + "/" + record.getHeader(KafkaConstants.PARTITION)
                    + "/" + record.getHeader(KafkaConstants.OFFSET);
            sources.add(source);
            out.write(line(source, text(record.getBody())));
            out.write('\n');
        }
        commitWhenDone(exchange, commits);
        exchange.getIn().setHeader(RECORDS, sources.size());
        if (sources.isEmpty()) {
            LOG.debug("Kafka batch for {}: {} records, none of them this department's", department, skipped);
            return;
        }
        String first = sources.get(0);
        String range = sources.size() == 1 ? first : first + " .. " + sources.get(sources.size() - 1);
        exchange.getIn().setHeader(SOURCE, range);
        exchange.getIn().setHeader(Exchange.FILE_NAME, "kafka-" + first.replace('/', '-') + ".jsonl");
        exchange.getIn().setBody(out.toByteArray());
        LOG.info(
                "Kafka batch for {}: {} records ({}), {} of other departments skipped",
                department,
                sources.size(),
                range,
                skipped);
    }

    /**
     * The offsets are committed when the exchange completes, i.e. after direct:ingest returned: the batch is stored, or
     * rejected, or on the dead-letter queue (hub-errors handled it). A failure nobody handled commits nothing, and so
     * does a hub that dies first: the batch comes again and the idempotent store finds it unchanged. The last record
     * of each partition is committed (sync), so a batch spanning partitions is committed in all of them.
     */
    private static void commitWhenDone(Exchange exchange, Map<TopicPartition, KafkaManualCommit> commits) {
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                commits.values().forEach(KafkaManualCommit::commit);
                LOG.debug("Committed {}", commits.values());
            }
        });
    }

    private byte[] line(String source, String value) throws Exception {
        ObjectNode line = json.createObjectNode();
        line.put("@source", source);
        JsonNode parsed = parse(value);
        if (parsed instanceof ObjectNode object && !object.has("@source")) {
            line.setAll(object);
        } else {
            line.put("@text", value);
        }
        return json.writeValueAsBytes(line);
    }

    private JsonNode parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readTree(value);
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
    }
}
