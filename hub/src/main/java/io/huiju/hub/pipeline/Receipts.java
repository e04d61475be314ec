package io.huiju.hub.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.huiju.hub.store.PayloadStore;
import io.huiju.hub.store.Receipt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The last step of every payload, whatever became of it: its status in the payload table, a receipt file beside the
 * feedback file, and the folder a file channel moves the file to.
 */
@Component("receipts")
public class Receipts {

    private static final Logger LOG = LoggerFactory.getLogger(Receipts.class);

    private final PayloadStore payloads;
    private final FeedbackFiles feedback;
    private final ObjectMapper json;

    Receipts(PayloadStore payloads, FeedbackFiles feedback, ObjectMapper json) {
        this.payloads = payloads;
        this.feedback = feedback;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public void complete(Exchange exchange) {
        // The status goes last: whoever sees DONE finds the feedback file already there.
        PayloadContext payload = context(exchange);
        feedback.ensure(payload.feedbackFile());
        exchange.getIn().setHeader(Headers.FEEDBACK_FILE, payload.feedbackFile().toString());
        payloads.finish(
                payload.payloadId(), "DONE", null, null, payload.feedbackFile().toString());
        Receipt r = writeReceipt(exchange, payload);
        LOG.info(
                "Payload {} done: received {}, stored {}, unchanged {}, rejected {}, conflicts {}",
                r.payloadId(),
                r.received(),
                r.stored(),
                r.unchanged(),
                r.rejected(),
                r.conflicts());
    }

    public void duplicate(Exchange exchange) {
        PayloadContext payload = context(exchange);
        String earlier = exchange.getIn().getHeader(Headers.DUPLICATE_OF, String.class);
        payloads.finish(payload.payloadId(), "DUPLICATE", "DUPLICATE_PAYLOAD", "与已处理的数据包 " + earlier + " 内容完全相同，未重复入库");
        writeReceipt(exchange, payload);
        LOG.info("Payload {} is a re-send of {}: nothing stored again", payload.payloadId(), earlier);
    }

    /** A bad payload: the department gets the reason in its feedback file; the original stays archived. */
    public void rejected(Exchange exchange) {
        exchange.getIn().setHeader(Headers.OUTCOME_FOLDER, ".error");
        PayloadRejectedException e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, PayloadRejectedException.class);
        String payloadId = exchange.getIn().getHeader(Headers.PAYLOAD_ID, String.class);
        LOG.warn("Payload {} rejected ({}): {}", payloadId, e.code(), e.getMessage());
        if (payloadId == null) {
            return;
        }
        // The status goes last: whoever sees REJECTED finds the feedback already there.
        PayloadContext payload = exchange.getProperty(Headers.CONTEXT, PayloadContext.class);
        if (payload != null) {
            feedback.writePayloadProblem(payload.feedbackFile(), e.code(), e.getMessage());
            exchange.getIn()
                    .setHeader(Headers.FEEDBACK_FILE, payload.feedbackFile().toString());
        }
        payloads.finish(
                payloadId,
                "REJECTED",
                e.code(),
                e.getMessage(),
                payload == null ? null : payload.feedbackFile().toString());
        if (payload != null) {
            writeReceipt(exchange, payload);
        }
    }

    /** The body of the dead-letter message: a reference to the archived payload, never the payload itself. */
    public String deadLetter(Exchange exchange) throws IOException {
        exchange.getIn().setHeader(Headers.OUTCOME_FOLDER, ".error");
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        PayloadContext payload = exchange.getProperty(Headers.CONTEXT, PayloadContext.class);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("payloadId", exchange.getIn().getHeader(Headers.PAYLOAD_ID));
        message.put("department", exchange.getIn().getHeader(Headers.DEPARTMENT));
        message.put("channel", exchange.getIn().getHeader(Headers.CHANNEL));
        message.put("mapping", exchange.getIn().getHeader(Headers.MAPPING));
        message.put("archived", payload == null ? null : payload.archived().toString());
        // where a streamed payload came from (Kafka: topic/partition/offset of its first and last record)
        message.put("source", exchange.getIn().getHeader("HuijuSource"));
        message.put("reason", String.valueOf(e));
        message.put("failedAt", Instant.now().toString());
        LOG.error("Payload {} failed and goes to the dead-letter queue", message.get("payloadId"), e);
        return json.writeValueAsString(message);
    }

    /** Marks the payload failed; a store that is down must not hide the dead letter already sent. */
    public void failed(Exchange exchange) {
        String payloadId = exchange.getIn().getHeader(Headers.PAYLOAD_ID, String.class);
        if (payloadId == null) {
            return;
        }
        try {
            Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            payloads.finish(payloadId, "FAILED", "HUB_ERROR", "平台处理出错，已记录待重新处理：" + e);
            PayloadContext payload = exchange.getProperty(Headers.CONTEXT, PayloadContext.class);
            if (payload != null) {
                writeReceipt(exchange, payload);
            }
        } catch (RuntimeException again) {
            LOG.error("Payload {} could not be marked failed; its dead letter holds the details", payloadId, again);
        }
    }

    private Receipt writeReceipt(Exchange exchange, PayloadContext payload) {
        Receipt receipt = payloads.find(payload.payloadId()).orElseThrow();
        Path file = payload.feedbackFile()
                .resolveSibling(
                        payload.feedbackFile().getFileName().toString().replace(".feedback.csv", ".receipt.json"));
        try {
            Files.createDirectories(file.getParent());
            json.writeValue(file.toFile(), receipt);
            exchange.getIn().setHeader(Headers.RECEIPT_FILE, file.toString());
        } catch (IOException e) {
            LOG.error("Receipt file {} could not be written", file, e);
        }
        return receipt;
    }

    private static PayloadContext context(Exchange exchange) {
        return exchange.getProperty(Headers.CONTEXT, PayloadContext.class);
    }
}
