package io.huiju.hub.web;

import io.huiju.hub.store.Receipt;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
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

    private final Submissions submissions;

    SubmissionController(Submissions submissions) {
        this.submissions = submissions;
    }

    @PostMapping(path = "/api/payloads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> upload(
            @RequestAttribute(DepartmentBasicAuth.DEPARTMENT) String department,
            @RequestParam("file") MultipartFile file,
            @RequestParam(name = "mapping", required = false) String mapping,
            @RequestParam(name = "wait", defaultValue = "0") int waitSeconds)
            throws IOException {
        Submissions.Submitted submitted;
        try {
            submitted = submissions.submit(department, file, mapping, waitSeconds);
        } catch (Submissions.Refused e) {
            return problem(e.status(), e.getMessage());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("payloadId", submitted.payloadId());
        answer.put("receiptUrl", "/api/payloads/" + submitted.payloadId());
        submitted.receipt().ifPresent(r -> answer.put("receipt", r));
        return ResponseEntity.status(submitted.finished() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(answer);
    }

    @GetMapping("/api/payloads/{payloadId}")
    ResponseEntity<Receipt> receipt(
            @RequestAttribute(DepartmentBasicAuth.DEPARTMENT) String department, @PathVariable String payloadId) {
        return submissions
                .own(department, payloadId)
                .map(ResponseEntity::ok)
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/api/payloads/{payloadId}/feedback")
    ResponseEntity<Resource> feedback(
            @RequestAttribute(DepartmentBasicAuth.DEPARTMENT) String department, @PathVariable String payloadId) {
        return submissions
                .feedback(department, payloadId)
                .map(path -> Submissions.download(payloadId, path))
                .orElse(ResponseEntity.notFound().build());
    }

    static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message));
    }
}
