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
import java.util.LinkedHashMap;
import java.util.Map;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The upload API: a department posts a file (CSV or workbook) and gets its payload id at once; the receipt follows at
 * {@code /api/payloads/{id}}, or in the answer itself with {@code wait=<seconds>}. A department sees only its own
 * payloads: another's id answers 404, as an id that does not exist.
 */
@RestController
class SubmissionController {

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionController.class);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

    private final ProducerTemplate camel;
    private final PayloadStore payloads;
    private final DepartmentRegistry departments;
    private final MappingCatalog mappings;
    private final Path uploads;

    SubmissionController(
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

    @PostMapping(path = "/api/payloads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> upload(
            @RequestAttribute(DepartmentBasicAuth.DEPARTMENT) String department,
            @RequestParam("file") MultipartFile file,
            @RequestParam(name = "mapping", required = false) String mapping,
            @RequestParam(name = "wait", defaultValue = "0") int waitSeconds)
            throws IOException {
        Department dept = departments.find(department).orElseThrow();
        String chosen = mapping != null && !mapping.isBlank() ? mapping : dept.getMapping();
        if (chosen == null) {
            return problem(HttpStatus.BAD_REQUEST, "请指定映射（参数 mapping），部门未配置默认映射");
        }
        try {
            mappings.get(chosen);
        } catch (NoSuchElementException e) {
            return problem(HttpStatus.BAD_REQUEST, "映射“" + chosen + "”不存在");
        }
        if (file.isEmpty() && file.getOriginalFilename() == null) {
            return problem(HttpStatus.BAD_REQUEST, "请上传文件（表单字段 file）");
        }

        // The part is streamed to a file of our own (never held in memory); the pipeline archives it from there.
        Files.createDirectories(uploads);
        Path received = Files.createTempFile(uploads, "upload-", ".part");
        file.transferTo(received);
        String payloadId = PayloadArchiver.newPayloadId(Instant.now());
        CompletableFuture<Exchange> done = camel.asyncSend("direct:web-upload", exchange -> {
            exchange.setProperty(Headers.ASSIGNED_PAYLOAD_ID, payloadId);
            exchange.getIn().setHeader(Headers.DEPARTMENT, department);
            exchange.getIn().setHeader(Headers.CHANNEL, Channel.WEB.name());
            exchange.getIn().setHeader(Headers.MAPPING, chosen);
            exchange.getIn().setHeader(Exchange.FILE_NAME, file.getOriginalFilename());
            exchange.getIn().setBody(received.toFile());
        });
        done.whenComplete((exchange, failure) -> {
            try {
                Files.deleteIfExists(received);
            } catch (IOException e) {
                LOG.warn("Upload {} could not be removed after processing", received, e);
            }
        });
        LOG.info("Upload {} from {} accepted as payload {}", file.getOriginalFilename(), department, payloadId);

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
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("payloadId", payloadId);
        answer.put("receiptUrl", "/api/payloads/" + payloadId);
        Optional<Receipt> receipt = payloads.find(payloadId);
        receipt.ifPresent(r -> answer.put("receipt", r));
        boolean finished = receipt.map(r -> !"RECEIVED".equals(r.status())).orElse(false);
        return ResponseEntity.status(finished ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(answer);
    }

    @GetMapping("/api/payloads/{payloadId}")
    ResponseEntity<Receipt> receipt(
            @RequestAttribute(DepartmentBasicAuth.DEPARTMENT) String department, @PathVariable String payloadId) {
        return own(department, payloadId)
                .map(ResponseEntity::ok)
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/api/payloads/{payloadId}/feedback")
    ResponseEntity<Resource> feedback(
            @RequestAttribute(DepartmentBasicAuth.DEPARTMENT) String department, @PathVariable String payloadId) {
        return own(department, payloadId)
                .filter(r -> r.feedbackPath() != null && Files.isRegularFile(Path.of(r.feedbackPath())))
                .map(r -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                        .header("Content-Disposition", "attachment; filename=\"" + payloadId + ".feedback.csv\"")
                        .body((Resource) new FileSystemResource(r.feedbackPath())))
                .orElse(ResponseEntity.notFound().build());
    }

    private Optional<Receipt> own(String department, String payloadId) {
        return payloads.find(payloadId).filter(r -> department.equals(r.department()));
    }

    static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
