package io.huiju.hub.console;

import io.huiju.hub.store.PayloadStore;
import io.huiju.hub.store.Receipt;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a console user may see a payload: a department user its department's only,
 * platform staff every one. A refusal is audited and looks like a payload that does not exist.
 */
@Component
public class Payloads {

    private final PayloadStore store;
    private final AuditLog audit;

    Payloads(PayloadStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    public Optional<Receipt> visible(ConsoleUser user, String payloadId) {
        Optional<Receipt> found = store.find(payloadId);
        if (found.isPresent() && !user.sees(found.get().department())) {
            audit.record(
                    user.getUsername(),
                    user.department(),
                    AuditLog.Action.DENIED,
                    payloadId,
                    "payload of another department (" + found.get().department() + ")");
            return Optional.empty();
        }
        return found;
    }
}
