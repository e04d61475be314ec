package io.huiju.hub.pipeline;

import io.huiju.adapter.file.SafeFileNames;
import io.huiju.hub.config.HubProperties;
import io.huiju.hub.config.HubProperties.Department;
import io.huiju.hub.store.DepartmentRegistry;
import io.huiju.hub.store.PayloadStore;
import io.huiju.model.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * First step of every payload: copy the bytes as received into the archive (hashing them on the way, never holding them
 * in memory), give the payload its id and a row in the payload table. From here on nothing can be lost: whatever
 * happens later, the original can be found by its payload id and replayed.
 */
@Component("payloadArchiver")
public class PayloadArchiver {

    private static final Logger LOG = LoggerFactory.getLogger(PayloadArchiver.class);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneId.systemDefault());

    private final HubProperties properties;
    private final DepartmentRegistry departments;
    private final PayloadStore payloads;

    PayloadArchiver(HubProperties properties, DepartmentRegistry departments, PayloadStore payloads) {
        this.properties = properties;
        this.departments = departments;
        this.payloads = payloads;
    }

    public void archive(Exchange exchange) throws IOException, PayloadRejectedException {
        exchange.getIn().setHeader(Headers.OUTCOME_FOLDER, ".done");
        String code = exchange.getIn().getHeader(Headers.DEPARTMENT, String.class);
        Channel channel = Channel.valueOf(exchange.getIn().getHeader(Headers.CHANNEL, "FILE", String.class));
        String mapping = exchange.getIn().getHeader(Headers.MAPPING, String.class);
        String fileName = SafeFileNames.of(exchange.getIn().getHeader(Exchange.FILE_NAME, String.class));
        Instant receivedAt = Instant.now();
        // A channel that must answer before processing ends (the upload API) gives the id itself, as an exchange
        // property: headers can come from outside (Kafka, JMS), properties cannot.
        String assigned = exchange.getProperty(Headers.ASSIGNED_PAYLOAD_ID, String.class);
        String payloadId = assigned != null ? assigned : newPayloadId(receivedAt);
        exchange.getIn().setHeader(Headers.PAYLOAD_ID, payloadId);
        // Every log line about this payload carries its id (Camel's MDC unit of work clears it when routing ends).
        MDC.put(Headers.PAYLOAD_ID, payloadId);

        // The department is looked up after the id is given, so even a payload for an unknown department is archived.
        String folder = code == null ? "_unknown" : SafeFileNames.of(code);
        Path target = properties
                .getArchive()
                .resolve(folder)
                .resolve(DAY.format(receivedAt))
                .resolve(payloadId + "-" + fileName);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        String sha256;
        long size;
        try (InputStream body = exchange.getIn().getMandatoryBody(InputStream.class);
                DigestInputStream in = new DigestInputStream(body, sha256());
                OutputStream out = Files.newOutputStream(partial)) {
            size = in.transferTo(out);
            sha256 = HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (org.apache.camel.InvalidPayloadException e) {
            throw new IOException("payload body cannot be read as a stream", e);
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);

        Optional<Department> department = Optional.ofNullable(code).flatMap(departments::find);
        Path feedback = properties.getFeedback().resolve(folder).resolve(payloadId + "-" + fileName + ".feedback.csv");
        Optional<String> earlier = department.flatMap(d -> payloads.findDone(d.getCode(), sha256));
        String status = earlier.isPresent() ? "DUPLICATE" : "RECEIVED";
        payloads.insert(
                payloadId,
                folder,
                channel.name(),
                fileName,
                sha256,
                size,
                target.toString(),
                mapping,
                status,
                earlier.orElse(null),
                receivedAt);
        LOG.info("Archived {} from {} via {}: {} bytes, sha256 {}", fileName, folder, channel, size, sha256);
        if (department.isEmpty()) {
            throw new PayloadRejectedException("UNKNOWN_DEPARTMENT", "部门代码“" + code + "”未在平台登记，请联系平台管理员");
        }
        exchange.setProperty(
                Headers.CONTEXT,
                new PayloadContext(
                        payloadId, department.get(), channel, fileName, mapping, target, feedback, receivedAt));
        if (exchange.getIn().getHeader(Headers.UPLOAD_INCOMPLETE, false, Boolean.class)) {
            throw new PayloadRejectedException("UPLOAD_INCOMPLETE", "文件上传中途中断，平台收到的文件不完整（已存档，未处理），请重新上传完整文件");
        }
        earlier.ifPresent(id -> exchange.getIn().setHeader(Headers.DUPLICATE_OF, id));
    }

    /** {@code yyyyMMddHHmmss-xxxxxxxx}: sorts by time, unique by its random part. */
    public static String newPayloadId(Instant at) {
        return ID_TIME.format(at) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
