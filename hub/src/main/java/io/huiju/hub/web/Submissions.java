package io.huiju.hub.web;

import io.huiju.hub.config.HubProperties;
import io.huiju.hub.config.HubProperties.Department;
import io.huiju.hub.pipeline.Headers;
import io.huiju.hub.pipeline.MappingCatalog;
import io.huiju.hub.pipeline.PayloadArchiver;
import io.huiju.hub.store.DepartmentRegistry;
import io.huiju.hub.store.PayloadStore;
import io.huiju.hub.store.Receipt;
import io.huiju.model.Channel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file a department hands over on the web, through the upload API or the console alike: checked, written to disk,
 * sent to the {@code web-upload} route, and its receipt read back. The department comes from the caller's login only.
 */
@Component
public class Submissions {

    private static final Logger LOG = LoggerFactory.getLogger(Submissions.class);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

    /** What the caller gets at once: the payload id, and the receipt when the payload has already reached one. */
    public record Submitted(String payloadId, Optional<Receipt> receipt) {

        public boolean finished() {
            return receipt.map(r -> !"RECEIVED".equals(r.status())).orElse(false);
        }
    }

    /** An upload refused before it became a payload, with the HTTP status and a reason the department can act on. */
    public static class Refused extends RuntimeException {
        private final HttpStatus status;

        Refused(HttpStatus status, String message) {
            super(message);
            this.status = status;
        }

        public HttpStatus status() {
            return status;
        }
    }

    private final ProducerTemplate camel;
    private final PayloadStore payloads;
    private final DepartmentRegistry departments;
    private final MappingCatalog mappings;
    private final Path uploads;

    Submissions(
            ProducerTemplate camel,
            PayloadStore payloads,
            DepartmentRegistry departments,
            MappingCatalog mappings,
            HubProperties properties) {
        this.camel = camel;
        this.payloads = payloads;
        this.departments = departments;
        this.mappings = mappings;
        this.uploads = properties.getHome().resolve("data").resolve("uploads");
    }

    /**
     * Hands the file to the pipeline as a payload of the department, read with the mapping (null: the department's),
     * and waits up to {@code waitSeconds} (at most ten minutes) for its receipt.
     */
    public Submitted submit(String department, MultipartFile file, String mapping, int waitSeconds) throws IOException {
        String chosen = mapping(department, mapping);
        if (file == null || (file.isEmpty() && file.getOriginalFilename() == null)) {
            throw new Refused(HttpStatus.BAD_REQUEST, "请上传文件（表单字段 file）");
        }

        // The part is streamed to a file of our own (never held in memory); the pipeline archives it from there.
        Path received = newUpload();
        file.transferTo(received);
        return send(
                department,
                PayloadArchiver.newPayloadId(Instant.now()),
                received,
                file.getOriginalFilename(),
                chosen,
                waitSeconds);
    }

    /**
     * A small payload the hub wrote itself for the department (a record entered in the console), handed over like an
     * uploaded file under the payload id the caller chose (see {@link PayloadArchiver#newPayloadId}).
     */
    public Submitted submit(
            String department, String payloadId, String fileName, byte[] content, String mapping, int waitSeconds)
            throws IOException {
        String chosen = mapping(department, mapping);
        Path received = newUpload();
        Files.write(received, content);
        return send(department, payloadId, received, fileName, chosen, waitSeconds);
    }

    private String mapping(String department, String mapping) {
        Department dept = departments.find(department).orElseThrow();
        String chosen = mapping != null && !mapping.isBlank() ? mapping : dept.getMapping();
        if (chosen == null) {
            throw new Refused(HttpStatus.BAD_REQUEST, "请指定映射（参数 mapping），部门未配置默认映射");
        }
        try {
            mappings.get(chosen);
        } catch (NoSuchElementException e) {
            throw new Refused(HttpStatus.BAD_REQUEST, "映射“" + chosen + "”不存在");
        }
        return chosen;
    }

    private Path newUpload() throws IOException {
        Files.createDirectories(uploads);
        return Files.createTempFile(uploads, "upload-", ".part");
    }

    private Submitted send(
            String department, String payloadId, Path received, String fileName, String chosen, int waitSeconds) {
        CompletableFuture<Exchange> done = camel.asyncSend("direct:web-upload", exchange -> {
            exchange.setProperty(Headers.ASSIGNED_PAYLOAD_ID, payloadId);
            exchange.getIn().setHeader(Headers.DEPARTMENT, department);
            exchange.getIn().setHeader(Headers.CHANNEL, Channel.WEB.name());
            exchange.getIn().setHeader(Headers.MAPPING, chosen);
            exchange.getIn().setHeader(Exchange.FILE_NAME, fileName);
            exchange.getIn().setBody(received.toFile());
        });
        done.whenComplete((exchange, failure) -> {
            try {
                Files.deleteIfExists(received);
            } catch (IOException e) {
                LOG.warn("Upload {} could not be removed after processing", received, e);
            }
        });
        LOG.info("Upload {} from {} accepted as payload {}", fileName, department, payloadId);

        if (waitSeconds > 0) {
            try {
                done.get(Math.min(waitSeconds, LONGEST_WAIT.toSeconds()), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                // still running: the caller polls the receipt
            } catch (ExecutionException e) {
                LOG.warn("Upload {} of {} ended in error", payloadId, department, e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new Submitted(payloadId, payloads.find(payloadId));
    }

    /** The department's own payload; another department's answers empty, as one that does not exist. */
    public Optional<Receipt> own(String department, String payloadId) {
        return payloads.find(payloadId).filter(r -> department.equals(r.department()));
    }

    /** The feedback file of a payload the department owns, when it has one. */
    public Optional<Path> feedback(String department, String payloadId) {
        return own(department, payloadId)
                .map(Receipt::feedbackPath)
                .map(Path::of)
                .filter(Files::isRegularFile);
    }

    /** The feedback CSV as an attachment named after the payload, for the upload API and the console alike. */
    public static ResponseEntity<Resource> download(String payloadId, Path feedback) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + payloadId + ".feedback.csv\"")
                .body(new FileSystemResource(feedback));
    }
}
