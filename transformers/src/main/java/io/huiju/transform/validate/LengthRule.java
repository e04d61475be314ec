package io.huiju.transform.validate;

import io.huiju.transform.CanonicalField;
import java.util.Map;

/**
 * Values longer than the credit libraries hold (V1__credit_libraries.sql: subject_name 500, document_number 300,
 * subject_code 64, authority_code 32). Without this a single such row made the store refuse its whole batch, and the
 * payload ended on the dead-letter queue instead of the row in the department's feedback. The document number is held
 * to 200 because it is also part of the 600-character natural key. Lengths in characters, as the columns count them.
 */
final class LengthRule implements Rule {

    private static final int CODE = 64;
    private static final Map<CanonicalField, Integer> LIMITS = Map.of(
            CanonicalField.SUBJECT_NAME, 500,
            CanonicalField.DECISION_DOCUMENT_NUMBER, 200,
            CanonicalField.DECISION_AUTHORITY_CODE, 32);

    @Override
    public void check(Inspection in) {
        for (Map.Entry<CanonicalField, String> e : in.row().values().entrySet()) {
            CanonicalField field = e.getKey();
            String value = e.getValue();
            int limit = LIMITS.getOrDefault(field, field.type() == CanonicalField.Type.CODE ? CODE : Integer.MAX_VALUE);
            if (value != null && value.codePointCount(0, value.length()) > limit) {
                in.error(
                        field,
                        "TOO_LONG",
                        String.format(
                                "%s长度为%d个字符，超过上限%d个字符",
                                in.label(field), value.codePointCount(0, value.length()), limit));
            }
        }
    }
}
