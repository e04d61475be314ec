package io.huiju.hub.console.entry;

import io.huiju.hub.config.HubProperties.Department;
import io.huiju.hub.console.ConsoleUser;
import io.huiju.hub.store.DepartmentRegistry;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's entry form: its fields, the check of a form as it is typed, and its submit. The department is the
 * logged-in user's, never a parameter; POSTs need the submitter role (ConsoleSecurity) and the CSRF token.
 */
@RestController
@RequestMapping("/console/api/entry")
class EntryApi {

    // The page sends a UUID; anything of this shape is accepted, nothing that could not be a token.
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9-]{8,64}");

    /** A submitted form: the page's client token and the values by canonical field path. */
    record Filled(String token, Map<String, String> values) {}

    private final EntryForm form;
    private final EntryCheck check;
    private final EntrySubmissions submissions;
    private final EntryCorrections corrections;
    private final DepartmentRegistry departments;

    EntryApi(
            EntryForm form,
            EntryCheck check,
            EntrySubmissions submissions,
            EntryCorrections corrections,
            DepartmentRegistry departments) {
        this.form = form;
        this.check = check;
        this.submissions = submissions;
        this.corrections = corrections;
        this.departments = departments;
    }

    @GetMapping("/{category}/fields")
    ResponseEntity<Map<String, Object>> fields(
            @AuthenticationPrincipal ConsoleUser user, @PathVariable("category") String slug) {
        Optional<EntryCategory> category = EntryCategory.of(slug);
        Optional<Department> department = department(user);
        if (category.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "没有“" + slug + "”这一类信用信息");
        }
        if (department.isEmpty()) {
            return problem(HttpStatus.FORBIDDEN, "只有部门用户可以录入记录");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("category", slug);
        answer.put("label", category.get().category().label());
        answer.put("mapping", category.get().mapping());
        answer.put("fields", form.fields(category.get(), department.get()));
        return ResponseEntity.ok(answer);
    }

    @PostMapping("/{category}/check")
    ResponseEntity<Map<String, Object>> check(
            @AuthenticationPrincipal ConsoleUser user,
            @PathVariable("category") String slug,
            @RequestBody Map<String, String> values) {
        Optional<EntryCategory> category = EntryCategory.of(slug);
        Optional<Department> department = department(user);
        if (category.isEmpty() || department.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "没有“" + slug + "”这一类信用信息");
        }
        return ResponseEntity.ok(Map.of("problems", check.check(category.get(), department.get(), values)));
    }

    @PostMapping("/{category}")
    ResponseEntity<Map<String, Object>> submit(
            @AuthenticationPrincipal ConsoleUser user,
            @PathVariable("category") String slug,
            @RequestBody Filled filled)
            throws IOException {
        Optional<EntryCategory> category = EntryCategory.of(slug);
        Optional<Department> department = department(user);
        if (category.isEmpty() || department.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "没有“" + slug + "”这一类信用信息");
        }
        if (filled.token() == null || !TOKEN.matcher(filled.token()).matches()) {
            return problem(HttpStatus.BAD_REQUEST, "表单缺少有效的提交标识（token），请刷新页面后重试");
        }
        EntrySubmissions.Outcome outcome = submissions.submit(
                user,
                department.get(),
                category.get(),
                filled.token(),
                filled.values() == null ? Map.of() : filled.values());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("problems", outcome.problems());
        if (outcome.refused()) {
            answer.put("error", "记录有误，未提交：请按各字段下的提示修改后再提交");
            return ResponseEntity.unprocessableEntity().body(answer);
        }
        answer.put("payloadId", outcome.payloadId());
        answer.put("repeated", outcome.repeated());
        outcome.receipt().ifPresent(r -> answer.put("receipt", r));
        boolean finished =
                outcome.receipt().map(r -> !"RECEIVED".equals(r.status())).orElse(false);
        return ResponseEntity.status(finished ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(answer);
    }

    /** A rejected row of one of the department's payloads, to correct in the form (entry.html?from=…&row=…). */
    @GetMapping("/correction")
    ResponseEntity<Map<String, Object>> correction(
            @AuthenticationPrincipal ConsoleUser user,
            @RequestParam("from") String payloadId,
            @RequestParam("row") long line)
            throws IOException {
        Optional<Department> department = department(user);
        if (department.isEmpty()) {
            return problem(HttpStatus.FORBIDDEN, "只有部门用户可以录入记录");
        }
        return corrections
                .row(user, department.get(), payloadId, line)
                .map(row -> ResponseEntity.ok(Map.<String, Object>of(
                        "category", row.category().slug(), "values", row.values(), "from", payloadId, "row", line)))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "未找到批次“" + payloadId + "”的第" + line + "行"));
    }

    private Optional<Department> department(ConsoleUser user) {
        return user.department() == null ? Optional.empty() : departments.find(user.department());
    }

    private static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(Map.of("error", message, "problems", List.of()));
    }
}
