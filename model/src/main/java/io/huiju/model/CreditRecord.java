package io.huiju.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** The canonical credit record every channel's data is turned into. Immutable; build it with {@link #of}. */
public record CreditRecord(
        Identity identity,
        Category category,
        Subject subject,
        Decision decision,
        Details details,
        Provenance provenance) {

    /** Builds a record and derives its identity (natural key, record id, content hash; version 0). */
    public static CreditRecord of(
            Category category, Subject subject, Decision decision, Details details, Provenance provenance) {
        String naturalKey = naturalKey(category, subject, decision);
        String recordId = UUID.nameUUIDFromBytes(naturalKey.getBytes(StandardCharsets.UTF_8))
                .toString();
        // Provenance is left out on purpose: who sent it is not what it says.
        String content = ContentText.of(category, subject, decision, details);
        Identity identity = new Identity(recordId, naturalKey, 0, sha256(content));
        return new CreditRecord(identity, category, subject, decision, details, provenance);
    }

    /**
     * Category + issuing authority's credit code + document number + subject code: a re-submission of the same
     * decision about the same subject is an update, not a new record.
     */
    public static String naturalKey(Category category, Subject subject, Decision decision) {
        return category.codePrefix() + "|" + decision.authorityCode() + "|" + decision.documentNumber() + "|"
                + subject.code();
    }

    public Library library() {
        return subject.kind().library();
    }

    public CreditRecord withVersion(int version) {
        return new CreditRecord(identity.withVersion(version), category, subject, decision, details, provenance);
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
