package io.huiju.hub.console.conflict;

import io.huiju.hub.console.AuditLog;
import io.huiju.hub.store.CreditLibraryStore;
import io.huiju.hub.sync.SyncMessages;
import io.huiju.model.CreditRecord;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An operator's decision on a conflict, in one transaction: the conflict is closed with the side, the reason, who and
 * when; keeping the incoming side writes it as the record's next version through the library store's own path
 * ({@link CreditLibraryStore#storeChosen}), so history, the Kafka outbox and the sync outbox follow as for any new
 * version. Keeping the current side changes nothing in the library. Audited once it is committed.
 */
@Component
class ConflictResolution {

    static final int LONGEST_REASON = 1000;

    private final ConflictStore conflicts;
    private final CreditLibraryStore libraries;
    private final SyncMessages bodies;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final Clock clock;

    ConflictResolution(
            ConflictStore conflicts,
            CreditLibraryStore libraries,
            SyncMessages bodies,
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            AuditLog audit,
            Clock clock) {
        this.conflicts = conflicts;
        this.libraries = libraries;
        this.bodies = bodies;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.audit = audit;
        this.clock = clock;
    }

    /** Resolves the conflict; refuses (and changes nothing) without a reason, or when it is no longer open. */
    Conflict resolve(long id, String side, String reason, String username) {
        Side chosen = side(side);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new ResolutionRefused(HttpStatus.BAD_REQUEST, "请填写处理理由", "Please give the reason for the decision");
        }
        if (why.length() > LONGEST_REASON) {
            throw new ResolutionRefused(
                    HttpStatus.BAD_REQUEST,
                    "处理理由最多 " + LONGEST_REASON + " 个字",
                    "The reason may be at most " + LONGEST_REASON + " characters long");
        }
        Conflict done;
        try {
            done = transaction.execute(status -> decide(id, chosen, why, username));
        } catch (ConcurrencyFailureException | DuplicateKeyException e) {
            // another resolution of this conflict, or a batch writing the same record, got there first
            throw conflicts
                    .find(id)
                    .filter(c -> !c.open())
                    .map(ConflictResolution::alreadyResolved)
                    .orElseGet(() -> new ResolutionRefused(
                            HttpStatus.CONFLICT,
                            "该记录正被其他报送更新，未作处理，请稍后重试",
                            "The record was being updated by another submission; nothing was done, please try again"));
        }
        audit.record(
                username,
                null,
                AuditLog.Action.RESOLVE_CONFLICT,
                done.incomingPayloadId(),
                "conflict " + id + " " + done.naturalKey() + ": " + chosen
                        + (done.resolvedVersion() == null ? "" : " (version " + done.resolvedVersion() + ")") + ": "
                        + why);
        return done;
    }

    private Conflict decide(long id, Side side, String reason, String username) {
        Conflict conflict = conflicts
                .find(id)
                .orElseThrow(
                        () -> new ResolutionRefused(HttpStatus.NOT_FOUND, "冲突 " + id + " 不存在", "No conflict " + id));
        if (!conflicts.close(id, side, reason, username, clock.instant())) {
            throw alreadyResolved(conflicts.find(id).orElseThrow());
        }
        if (side == Side.KEEP_INCOMING) {
            CreditRecord incoming = bodies.read(conflict.incomingBody());
            if (libraries.storeChosen(List.of(incoming)).stored() > 0) {
                conflicts.wroteVersion(id, currentVersion(incoming));
            }
        }
        return conflicts.find(id).orElseThrow();
    }

    private int currentVersion(CreditRecord r) {
        return jdbc.queryForObject(
                "SELECT version FROM " + CreditLibraryStore.table(r.library()) + " WHERE record_id = ?",
                Integer.class,
                r.identity().recordId());
    }

    private static ResolutionRefused alreadyResolved(Conflict c) {
        return new ResolutionRefused(
                HttpStatus.CONFLICT,
                "冲突 " + c.id() + " 已由 " + c.resolvedBy() + " 于 " + c.resolvedAt() + " 处理（" + c.resolution() + "），未再次处理",
                "Conflict " + c.id() + " was already resolved by " + c.resolvedBy() + " at " + c.resolvedAt() + " ("
                        + c.resolution() + "); nothing was done again");
    }

    private static Side side(String side) {
        try {
            return Side.valueOf(String.valueOf(side).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ResolutionRefused(
                    HttpStatus.BAD_REQUEST,
                    "请选择保留哪一方（KEEP_CURRENT 或 KEEP_INCOMING）",
                    "Choose the side to keep (KEEP_CURRENT or KEEP_INCOMING)");
        }
    }
}
