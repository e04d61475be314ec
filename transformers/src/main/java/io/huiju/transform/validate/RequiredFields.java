package io.huiju.transform.validate;

import static io.huiju.transform.CanonicalField.*;

import io.huiju.model.Category;
import io.huiju.transform.CanonicalField;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The fields every record of a category needs whatever its subject (CREDIT-DATA §1, §2); what a subject kind needs on
 * top (§6.4) is the {@code RequiredFieldRule}'s. Public so that the templates departments fill mark the same columns.
 * 许可类别 stays optional: its code list is unverified, so demanding it would reject records for a guess.
 */
public final class RequiredFields {

    private static final List<CanonicalField> ALWAYS = List.of(
            SUBJECT_KIND,
            SUBJECT_NAME,
            DECISION_DOCUMENT_NUMBER,
            DECISION_DATE,
            DECISION_AUTHORITY,
            DECISION_AUTHORITY_CODE);

    private static final List<CanonicalField> LIST = List.of(LIST_REASON, LIST_INCLUSION_DATE);

    private static final Map<Category, List<CanonicalField>> BY_CATEGORY = Map.of(
            Category.LICENSE,
            List.of(DECISION_DOCUMENT_NAME, DECISION_VALID_FROM),
            Category.PENALTY,
            List.of(PENALTY_KINDS, DECISION_CONTENT, PENALTY_FACTS, PENALTY_LEGAL_BASIS),
            Category.RED_LIST,
            LIST,
            Category.BLACK_LIST,
            LIST);

    private RequiredFields() {}

    public static List<CanonicalField> of(Category category) {
        return Stream.concat(ALWAYS.stream(), BY_CATEGORY.get(category).stream())
                .toList();
    }
}
