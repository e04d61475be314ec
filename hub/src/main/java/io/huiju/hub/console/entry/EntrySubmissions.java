package io.huiju.hub.console.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.huiju.hub.config.HubProperties.Department;
import io.huiju.hub.console.AuditLog;
import io.huiju.hub.console.ConsoleUser;
import io.huiju.hub.pipeline.PayloadArchiver;
import io.huiju.hub.store.PayloadStore;
import io.huiju.hub.store.Receipt;
import io.huiju.hub.web.Submissions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A filled form handed over as a payload of the user's department: checked first (a form with errors is answered with
 * its problems and stored nowhere), then written as a one-line JSON Lines file in the layout's column names and sent
 * through {@link Submissions}, the way every uploaded file goes: archived, read, validated again, stored, receipted.
 */
@Component
class EntrySubmissions {

    /** The submit waits this long for the receipt; the page polls after that, as the upload page does. */
    static final int WAIT_SECONDS = 30;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What became of a form: its payload and receipt, whether an earlier submit had stored it, or its problems. */
    record Outcome(String payloadId, Optional<Receipt> receipt, boolean repeated, List<EntryCheck.Problem> problems) {

        boolean refused() {
            return payloadId == null;
        }
    }

    private final EntryForm form;
    private final EntryCheck check;
    private final EntryClaims claims;
    private final Submissions submissions;
    private final PayloadStore payloads;
    private final AuditLog audit;
    private final Clock clock;

    EntrySubmissions(
            EntryForm form,
            EntryCheck check,
            EntryClaims claims,
            Submissions submissions,
            PayloadStore payloads,
            AuditLog audit,
            Clock clock) {
        this.form = form;
        this.check = check;
        this.claims = claims;
        this.submissions = submissions;
        this.payloads = payloads;
        this.audit = audit;
        this.clock = clock;
    }

    Outcome submit(
            ConsoleUser user, Department department, EntryCategory category, String token, Map<String, String> values)
            throws IOException {
        List<EntryCheck.Problem> problems = check.check(category, department, values);
        if (problems.stream().anyMatch(EntryCheck.Problem::isError)) {
            return new Outcome(null, Optional.empty(), false, problems);
        }
        String payloadId = PayloadArchiver.newPayloadId(clock.instant());
        Optional<String> first = claims.claim(department.getCode(), token, payloadId, user.getUsername());
        if (first.isPresent()) {
            return new Outcome(first.get(), receiptOf(first.get()), true, problems);
        }
        byte[] line = (JSON.writeValueAsString(form.row(category, values)) + "\n").getBytes(StandardCharsets.UTF_8);
        String fileName = "entry-" + category.slug() + "-" + token.substring(0, Math.min(8, token.length())) + ".jsonl";
        Submissions.Submitted submitted;
        try {
            submitted = submissions.submit(
                    department.getCode(), payloadId, fileName, line, category.mapping(), WAIT_SECONDS);
        } catch (IOException | RuntimeException e) {
            claims.release(department.getCode(), token);
            throw e;
        }
        audit.record(
                user.getUsername(),
                department.getCode(),
                AuditLog.Action.ENTRY,
                payloadId,
                category.slug() + " " + token);
        return new Outcome(payloadId, submitted.receipt(), false, problems);
    }

    /**
     * The receipt of the payload an earlier submit of the same form became, once that payload is done; that submit may
     * still be on its way (a double click), so this waits for it as long as a submit waits for its own.
     */
    private Optional<Receipt> receiptOf(String payloadId) {
        Instant until = clock.instant().plus(Duration.ofSeconds(WAIT_SECONDS));
        Optional<Receipt> receipt = payloads.find(payloadId);
        while (receipt.map(r -> "RECEIVED".equals(r.status())).orElse(true)
                && clock.instant().isBefore(until)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            receipt = payloads.find(payloadId);
        }
        return receipt;
    }
}
