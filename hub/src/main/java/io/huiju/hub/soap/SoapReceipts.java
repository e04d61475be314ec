package io.huiju.hub.soap;

import io.huiju.adapter.soap.SubmittedRecords;
import io.huiju.adapter.soap.api.Outcome;
import io.huiju.adapter.soap.api.Problem;
import io.huiju.adapter.soap.api.RecordOutcome;
import io.huiju.hub.store.PayloadStore;
import io.huiju.hub.store.Receipt;
import io.huiju.hub.store.RejectStore;
import io.huiju.model.Violation;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A department's receipts as the SOAP contract gives them: status and counts, and on request what became of each
 * record (by its position in the batch): stored, unchanged, rejected with every violation, or held as a conflict.
 */
@Component
class SoapReceipts {

    /** Most receipts one listFeedback answer holds; the caller asks again from the last one's receivedAt. */
    static final int PAGE = 1000;

    private static final DatatypeFactory XML_TIME = datatypeFactory();

    private final PayloadStore payloads;
    private final RejectStore rejects;
    private final JdbcTemplate jdbc;

    SoapReceipts(PayloadStore payloads, RejectStore rejects, JdbcTemplate jdbc) {
        this.payloads = payloads;
        this.rejects = rejects;
        this.jdbc = jdbc;
    }

    /** The department's own payload; another department's id is as unknown as an id that does not exist. */
    Optional<Receipt> own(String department, String payloadId) {
        return payloads.find(payloadId).filter(r -> department.equals(r.department()));
    }

    List<io.huiju.adapter.soap.api.Receipt> since(String department, Instant since) {
        List<String> ids = jdbc.queryForList(
                "SELECT payload_id FROM payload WHERE department = ? AND received_at >= ? ORDER BY received_at, payload_id"
                        + " FETCH FIRST " + PAGE + " ROWS ONLY",
                String.class,
                department,
                Timestamp.from(since));
        List<io.huiju.adapter.soap.api.Receipt> receipts = new ArrayList<>();
        for (String id : ids) {
            payloads.find(id).ifPresent(r -> receipts.add(of(r, false)));
        }
        return receipts;
    }

    io.huiju.adapter.soap.api.Receipt of(Receipt r, boolean withRecords) {
        io.huiju.adapter.soap.api.Receipt answer = new io.huiju.adapter.soap.api.Receipt();
        answer.setPayloadId(r.payloadId());
        answer.setStatus(r.status());
        answer.setReference(reference(r.fileName()));
        answer.setReceivedAt(time(r.receivedAt()));
        answer.setCompletedAt(r.completedAt() == null ? null : time(r.completedAt()));
        answer.setReceived(r.received());
        answer.setStored(r.stored());
        answer.setUnchanged(r.unchanged());
        answer.setRejected(r.rejected());
        answer.setConflicts(r.conflicts());
        answer.setDuplicateOf(r.duplicateOf());
        answer.setErrorCode(r.errorCode());
        answer.setError(r.error());
        answer.setWarnings(r.warnings());
        if (withRecords && !"RECEIVED".equals(r.status())) {
            answer.getRecord().addAll(records(r));
        }
        return answer;
    }

    private List<RecordOutcome> records(Receipt r) {
        Map<Long, List<Violation>> problems = new TreeMap<>();
        for (RejectStore.Line line : rejects.find(r.payloadId())) {
            problems.computeIfAbsent(line.line(), l -> new ArrayList<>()).add(line.violation());
        }
        Set<Long> stored = new HashSet<>(jdbc.queryForList(
                // the current version, or a version since superseded
                """
                SELECT line FROM legal_person_record WHERE payload_id = ?
                UNION SELECT line FROM legal_person_record_history WHERE payload_id = ?
                UNION SELECT line FROM natural_person_record WHERE payload_id = ?
                UNION SELECT line FROM natural_person_record_history WHERE payload_id = ?""",
                Long.class,
                r.payloadId(),
                r.payloadId(),
                r.payloadId(),
                r.payloadId()));
        Set<Long> conflicts = new HashSet<>(jdbc.queryForList(
                "SELECT incoming_line FROM conflict WHERE incoming_payload_id = ?", Long.class, r.payloadId()));
        List<RecordOutcome> outcomes = new ArrayList<>();
        long last = Math.max(r.received(), problems.isEmpty() ? 0 : ((TreeMap<Long, ?>) problems).lastKey());
        for (long index = 1; index <= last; index++) {
            List<Violation> found = problems.getOrDefault(index, List.of());
            RecordOutcome outcome = new RecordOutcome();
            outcome.setIndex(index);
            outcome.setOutcome(outcome(index, found, stored, conflicts));
            for (Violation v : found) {
                Problem p = new Problem();
                p.setField(v.field());
                p.setCode(v.code());
                p.setReason(v.reason());
                p.setSeverity(v.severity().name());
                outcome.getProblem().add(p);
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private static Outcome outcome(long index, List<Violation> found, Set<Long> stored, Set<Long> conflicts) {
        if (found.stream().anyMatch(v -> v.severity() == Violation.Severity.ERROR)) {
            return Outcome.REJECTED;
        }
        if (conflicts.contains(index)) {
            return Outcome.CONFLICT;
        }
        return stored.contains(index) ? Outcome.STORED : Outcome.UNCHANGED;
    }

    /** The department's own name for the batch (its reference), or the file name of another channel's payload. */
    private static String reference(String fileName) {
        if (fileName == null) {
            return null;
        }
        return fileName.endsWith(SubmittedRecords.EXTENSION)
                ? fileName.substring(0, fileName.length() - SubmittedRecords.EXTENSION.length())
                : fileName;
    }

    static XMLGregorianCalendar time(Instant at) {
        return XML_TIME.newXMLGregorianCalendar(GregorianCalendar.from(at.atZone(ZoneOffset.UTC)));
    }

    private static DatatypeFactory datatypeFactory() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
