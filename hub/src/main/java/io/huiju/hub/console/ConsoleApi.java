package io.huiju.hub.console;

import io.huiju.hub.config.HubProperties.Department;
import io.huiju.hub.console.upload.RepeatedUploads;
import io.huiju.hub.pipeline.MappingCatalog;
import io.huiju.hub.store.DepartmentRegistry;
import io.huiju.hub.store.PayloadStore;
import io.huiju.hub.store.Receipt;
import io.huiju.hub.store.RejectStore;
import io.huiju.hub.web.Submissions;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The JSON the console's pages fetch. Whose data a request sees comes from the login only, never from a parameter. */
@RestController
@RequestMapping("/console/api")
class ConsoleApi {

    private static final int LIST_SIZE = 200;
    /** The upload waits this long for the receipt before answering; the page polls for it after that. */
    private static final int UPLOAD_WAIT_SECONDS = 30;

    private final Payloads payloads;
    private final PayloadStore store;
    private final RejectStore rejects;
    private final Submissions submissions;
    private final DepartmentRegistry departments;
    private final MappingCatalog mappings;
    private final AuditLog audit;
    private final RepeatedUploads repeats;

    ConsoleApi(
            Payloads payloads,
            PayloadStore store,
            RejectStore rejects,
            Submissions submissions,
            DepartmentRegistry departments,
            MappingCatalog mappings,
            AuditLog audit,
            RepeatedUploads repeats) {
        this.payloads = payloads;
        this.store = store;
        this.rejects = rejects;
        this.submissions = submissions;
        this.departments = departments;
        this.mappings = mappings;
        this.audit = audit;
        this.repeats = repeats;
    }

    /** Who is logged in, the CSRF token the page sends with its POSTs, and what the upload page offers. */
    @GetMapping("/me")
    Map<String, Object> me(@AuthenticationPrincipal ConsoleUser user, CsrfToken csrf) {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("username", user.getUsername());
        me.put(
                "roles",
                user.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .map(a -> a.substring("ROLE_".length()).toLowerCase(java.util.Locale.ROOT))
                        .toList());
        me.put("department", user.department());
        Department dept = user.department() == null
                ? null
                : departments.find(user.department()).orElse(null);
        me.put("departmentName", dept == null ? null : dept.getName());
        me.put("defaultMapping", dept == null ? null : dept.getMapping());
        me.put("mappings", mappings.names());
        me.put(
                "csrf",
                Map.of("header", csrf.getHeaderName(), "parameter", csrf.getParameterName(), "token", csrf.getToken()));
        return me;
    }

    @GetMapping("/payloads")
    List<Receipt> list(@AuthenticationPrincipal ConsoleUser user) {
        return store.latest(user.department(), LIST_SIZE);
    }

    @GetMapping("/payloads/{payloadId}")
    ResponseEntity<Map<String, Object>> payload(
            @AuthenticationPrincipal ConsoleUser user, @PathVariable String payloadId) {
        return payloads.visible(user, payloadId)
                .map(receipt -> {
                    audit.record(user.getUsername(), user.department(), AuditLog.Action.VIEW_PAYLOAD, payloadId, null);
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("receipt", receipt);
                    answer.put("hasFeedback", receipt.feedbackPath() != null);
                    answer.put(
                            "rejects",
                            rejects.find(payloadId).stream()
                                    .map(l -> Map.of(
                                            "line", l.line(),
                                            "field",
                                                    String.valueOf(l.violation().field()),
                                            "code", l.violation().code(),
                                            "reason", l.violation().reason(),
                                            "severity", l.violation().severity().name()))
                                    .toList());
                    return ResponseEntity.ok(answer);
                })
                .orElse(ResponseEntity.notFound().build());
    }

    @GetMapping("/payloads/{payloadId}/feedback")
    ResponseEntity<Resource> feedback(@AuthenticationPrincipal ConsoleUser user, @PathVariable String payloadId) {
        return payloads.visible(user, payloadId)
                .filter(r -> r.feedbackPath() != null
                        && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(r.feedbackPath())))
                .map(r -> {
                    audit.record(
                            user.getUsername(), user.department(), AuditLog.Action.DOWNLOAD_FEEDBACK, payloadId, null);
                    return Submissions.download(payloadId, java.nio.file.Path.of(r.feedbackPath()));
                })
                .orElse(ResponseEntity.notFound().build());
    }

    /** The same way in as {@code POST /api/payloads}, for the department of the logged-in submitter. */
    @PostMapping(path = "/payloads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> upload(
            @AuthenticationPrincipal ConsoleUser user,
            @RequestParam("file") MultipartFile file,
            @RequestParam(name = "mapping", required = false) String mapping)
            throws IOException {
        Submissions.Submitted submitted;
        boolean repeat;
        try (RepeatedUploads.Claim claim = repeats.claim(user.getUsername(), mapping, file)) {
            Optional<String> earlier = claim.earlier();
            repeat = earlier.isPresent();
            submitted = repeat
                    ? new Submissions.Submitted(earlier.get(), store.find(earlier.get()))
                    : submissions.submit(user.department(), file, mapping, UPLOAD_WAIT_SECONDS);
            claim.submitted(submitted.payloadId());
        } catch (Submissions.Refused e) {
            return ResponseEntity.status(e.status()).body(Map.of("error", e.getMessage()));
        }
        audit.record(
                user.getUsername(),
                user.department(),
                AuditLog.Action.UPLOAD,
                submitted.payloadId(),
                file.getOriginalFilename() + (repeat ? " (the same file again: answered with this payload)" : ""));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("payloadId", submitted.payloadId());
        answer.put("repeat", repeat);
        submitted.receipt().ifPresent(r -> answer.put("receipt", r));
        return ResponseEntity.status(submitted.finished() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(answer);
    }
}
