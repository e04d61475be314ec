package io.huiju.hub.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.huiju.model.Category;
import io.huiju.model.CreditRecord;
import io.huiju.model.Details;
import io.huiju.model.LicenseDetails;
import io.huiju.model.ListDetails;
import io.huiju.model.PenaltyDetails;
import org.springframework.stereotype.Component;

/**
 * The wire format of a sync message: the canonical record as JSON, exactly the body the library stores, so the
 * province keeps what the city stored. Version {@value #SCHEMA_VERSION}; a receiver refuses versions it does not
 * know. The category details carry no type name, so they are read as the class their category names.
 */
@Component
public class SyncMessages {

    static final String SCHEMA_VERSION = "1";
    /** The message properties every sync message carries: its schema version and the sending hub's region code. */
    static final String SCHEMA_VERSION_HEADER = "HuijuSchemaVersion";

    static final String ORIGIN_HEADER = "HuijuOrigin";

    private final ObjectMapper json;

    SyncMessages(ObjectMapper json) {
        this.json = json;
    }

    /** A library body (or a sync message) read back into the canonical record; also the console's conflict resolution. */
    public CreditRecord read(String body) {
        try {
            ObjectNode tree = (ObjectNode) json.readTree(body);
            Category category = Category.valueOf(tree.path("category").asText());
            var details = tree.remove("details");
            CreditRecord r = json.treeToValue(tree, CreditRecord.class);
            if (r.identity() == null || r.subject() == null || r.decision() == null || r.provenance() == null) {
                throw new SyncMessageRejected("corrupt body: identity, subject, decision or provenance missing");
            }
            Details d = details == null ? null : json.treeToValue(details, detailsClass(category));
            return new CreditRecord(r.identity(), category, r.subject(), r.decision(), d, r.provenance());
        } catch (JsonProcessingException | ClassCastException | IllegalArgumentException e) {
            throw new SyncMessageRejected("corrupt body: " + e.getMessage(), e);
        }
    }

    private static Class<? extends Details> detailsClass(Category category) {
        return switch (category) {
            case LICENSE -> LicenseDetails.class;
            case PENALTY -> PenaltyDetails.class;
            case RED_LIST, BLACK_LIST -> ListDetails.class;
        };
    }
}
