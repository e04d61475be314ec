package io.huiju.hub.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huiju.hub.pipeline.Headers;
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
 * the reader to reject with its reason; a record over the size limit is not copied at all, its line only says so
 * ({@code @defect}). On a shared topic, records whose department header names another department are left out (that
 * department's own instance takes them).
 *
 * <p>When a batch fails for a reason that is not a line's (the pipeline threw), the route feeds its records again one
 * at a time ({@link #one}), so that one poison record does not hold back the others; the one that fails on its own
 * becomes a dead letter on the dead-letter topic ({@link #deadLetter}).
 */
@Component("kafkaBatches")
public class KafkaBatches {

    /** Exchange property: the Kafka record header naming the department, on a shared topic; absent otherwise. */
    public static final String DEPARTMENT_HEADER = "HuijuKafkaDepartmentHeader";
    /** Exchange property: the largest record value, in bytes, copied into a payload. */
    public static final String MAX_RECORD_BYTES = "HuijuKafkaMaxRecordBytes";
    /** Header: how many records of the batch are this department's (0: nothing to ingest). */
    public static final String RECORDS = "HuijuKafkaRecords";
    /** Header: {@code topic/partition/offset} of the first and last record, for the dead letter and the log. */
    public static final String SOURCE = "HuijuSource";
    /** Exchange property: the department's records of the batch, to be fed again one at a time. */
    public static final String BATCH = "HuijuKafkaBatch";
    /** Exchange property: the record being fed on its own, for its dead letter. */
    public static final String RECORD = "HuijuKafkaRecord";

    /** Dead-letter record headers (UTF-8 text), named after Kafka Connect's {@code __connect.errors.*}. */
    static final String DLQ_TOPIC = "huiju.errors.topic";

    static final String DLQ_PARTITION = "huiju.errors.partition";
    static final String DLQ_OFFSET = "huiju.errors.offset";
    static final String DLQ_DEPARTMENT = "huiju.errors.department";
    static final String DLQ_PAYLOAD = "huiju.errors.payload-id";
    static final String DLQ_EXCEPTION = "huiju.errors.exception.class";
    static final String DLQ_REASON = "huiju.errors.reason";

    /** The code of a record over the size limit: a Kafka record is a line of the payload, as a CSV row is. */
    static final String TOO_LARGE = "LINE_TOO_LONG";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBatches.class);

    private final ObjectMapper json;

    KafkaBatches(ObjectMapper json) {
        this.json = json;
    }

    public void toJsonLines(Exchange exchange) throws Exception {
        String department = exchange.getIn().getHeader(Headers.DEPARTMENT, String.class);
        String departmentHeader = exchange.getProperty(DEPARTMENT_HEADER, String.class);
        List<?> records = exchange.getIn().getBody(List.class);
        // the records' exchanges, not their messages: a split over messages would use them as its own
        List<Exchange> mine = new ArrayList<>();
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
            mine.add((Exchange) item);
        }
        commitWhenDone(exchange, commits);
        exchange.setProperty(BATCH, mine);
        if (mine.size() == 1) {
            exchange.setProperty(RECORD, mine.get(0).getMessage());
        }
        String range = payload(exchange, mine.stream().map(Exchange::getMessage).toList());
        if (mine.isEmpty()) {
            LOG.debug("Kafka batch for {}: {} records, none of them this department's", department, skipped);
            return;
        }
        LOG.info(
                "Kafka batch for {}: {} records ({}), {} of other departments skipped",
                department,
                mine.size(),
                range,
                skipped);
    }

    /**
     * One record of a batch that failed, as a payload of its own; the body is that record (an item of {@link #BATCH}).
     * Its offset is committed with the batch's, once every record of the batch is stored, rejected or dead-lettered.
     */
    public void one(Exchange exchange) throws Exception {
        Message record = exchange.getIn().getBody(Exchange.class).getMessage();
        exchange.setProperty(RECORD, record);
        // a split copies the batch's exchange, failure state included: as it is, the record's own rejection (handled
        // by hub-errors) would still reach the caller as a failure, and a good record would become a dead letter
        exchange.getExchangeExtension().setRedeliveryExhausted(false);
        exchange.getExchangeExtension().setErrorHandlerHandled(null);
        exchange.removeProperty(Exchange.EXCEPTION_CAUGHT);
        LOG.info("Kafka record {} fed again on its own", payload(exchange, List.of(record)));
    }

    /**
     * The record that failed on its own, as the dead-letter topic takes it: its value and key as received, with headers
     * naming where it came from, the department, its archived payload and the failure. Every other header is dropped,
     * so that nothing of the pipeline's leaks into the topic.
     */
    public void deadLetter(Exchange exchange) {
        Message record = exchange.getProperty(RECORD, Message.class);
        Throwable e = cause(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
        Message out = exchange.getIn();
        String department = out.getHeader(Headers.DEPARTMENT, String.class);
        String payloadId = out.getHeader(Headers.PAYLOAD_ID, String.class);
        out.removeHeaders("*");
        out.setBody(record.getBody());
        if (record.getHeader(KafkaConstants.KEY) != null) {
            out.setHeader(KafkaConstants.KEY, record.getHeader(KafkaConstants.KEY));
        }
        out.setHeader(DLQ_TOPIC, String.valueOf(record.getHeader(KafkaConstants.TOPIC)));
        out.setHeader(DLQ_PARTITION, String.valueOf(record.getHeader(KafkaConstants.PARTITION)));
        out.setHeader(DLQ_OFFSET, String.valueOf(record.getHeader(KafkaConstants.OFFSET)));
        out.setHeader(DLQ_DEPARTMENT, department);
        if (payloadId != null) {
            out.setHeader(DLQ_PAYLOAD, payloadId);
        }
        out.setHeader(DLQ_EXCEPTION, e == null ? "" : e.getClass().getName());
        out.setHeader(DLQ_REASON, String.valueOf(e));
        LOG.error(
                "Kafka record {}/{}/{} of {} failed on its own and goes to the dead-letter topic (payload {})",
                record.getHeader(KafkaConstants.TOPIC),
                record.getHeader(KafkaConstants.PARTITION),
                record.getHeader(KafkaConstants.OFFSET),
                department,
                payloadId,
                e);
    }

    /**
     * What failed, without Camel's wrapping: a failure inside the split reaches here as "Sequential processing failed
     * for number 0", which tells the operator nothing about the record.
     */
    private static Throwable cause(Exception e) {
        Throwable t = e;
        while ((t instanceof org.apache.camel.CamelExchangeException
                        || t instanceof org.apache.camel.RuntimeCamelException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** Writes the records as the exchange's JSON Lines body and headers; returns the source range. */
    private String payload(Exchange exchange, List<Message> records) throws Exception {
        long max = exchange.getProperty(MAX_RECORD_BYTES, Long.MAX_VALUE, Long.class);
        List<String> sources = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Message record : records) {
            String source = record.getHeader(KafkaConstants.TOPIC) + "/" + record.getHeader(KafkaConstants.PARTITION)
                    + "/" + record.getHeader(KafkaConstants.OFFSET);
            sources.add(source);
            long size = size(record.getBody(), max);
            out.write(size > max ? tooLarge(source, size, max) : line(source, text(record.getBody())));
            out.write('\n');
        }
        exchange.getIn().setHeader(RECORDS, sources.size());
        if (sources.isEmpty()) {
            return "";
        }
        String first = sources.get(0);
        String range = sources.size() == 1 ? first : first + " .. " + sources.get(sources.size() - 1);
        exchange.getIn().setHeader(SOURCE, range);
        exchange.getIn().setHeader(Exchange.FILE_NAME, "kafka-" + first.replace('/', '-') + ".jsonl");
        exchange.getIn().setBody(out.toByteArray());
        return range;
    }

    /**
     * The offsets are committed when the exchange completes, i.e. after direct:ingest returned: the batch is stored, or
     * rejected, or its records fed one by one and the poison ones on the dead-letter topic. A failure nobody handled
     * commits nothing, and so does a hub that dies first: the batch comes again and the idempotent store finds it
     * unchanged. The last record of each partition is committed (sync), so a batch spanning partitions is committed in
     * all of them.
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

    /** The line of a record too large to copy: the reader turns it into a defect of that line, with this reason. */
    private byte[] tooLarge(String source, long size, long max) throws Exception {
        ObjectNode line = json.createObjectNode();
        line.put("@source", source);
        line.put("@defect", TOO_LARGE);
        line.put("@reason", "记录有" + size + "字节，超过上限" + max + "字节，未处理；每条记录须为一个决定，请拆分或精简后重报");
        return json.writeValueAsBytes(line);
    }

    /** The size of a record value in UTF-8 bytes, counted exactly only where it matters. */
    private static long size(Object value, long max) {
        if (value instanceof byte[] bytes) {
            return bytes.length;
        }
        String text = text(value);
        if (text == null) {
            return 0;
        }
        // at most 3 bytes a UTF-16 char: a value this short cannot be over, and its exact size does not matter
        return (long) text.length() * 3 <= max ? text.length() : text.getBytes(StandardCharsets.UTF_8).length;
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
