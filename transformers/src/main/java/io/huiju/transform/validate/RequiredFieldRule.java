package io.huiju.transform.validate;

import static io.huiju.transform.CanonicalField.*;

import io.huiju.model.Category;
import io.huiju.model.Subject;
import io.huiju.model.SubjectKind;
import io.huiju.transform.CanonicalField;
import java.util.List;
import java.util.Map;

/**
 * What every record needs, what its category needs (CREDIT-DATA §1, §2) and what its subject kind needs (§6.4).
 * 许可类别 stays optional: its code list is unverified, so demanding it would reject records for a guess.
 */
final class RequiredFieldRule implements Rule {

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

    @Override
    public void check(Inspection in) {
        ALWAYS.forEach(field -> require(in, field, ""));
        BY_CATEGORY.get(in.row().category()).forEach(field -> require(in, field, ""));
        in.kind().ifPresent(kind -> checkSubject(in, kind));
    }

    private static void checkSubject(Inspection in, SubjectKind kind) {
        String when = in.quoted(SUBJECT_KIND, kind.label()) + "时";
        switch (kind) {
            case LEGAL_PERSON -> require(in, SUBJECT_USCC, when);
            case NATURAL_PERSON -> require(in, SUBJECT_ID_NUMBER, when);
            case INDIVIDUAL_BUSINESS -> {
                String uscc = in.text(SUBJECT_USCC);
                if (uscc == null) {
                    in.error(
                            SUBJECT_USCC,
                            "REQUIRED",
                            when + in.label(SUBJECT_USCC) + "不能为空；没有统一社会信用代码的个体工商户填“" + Subject.USCC_PLACEHOLDER + "”并填"
                                    + in.label(SUBJECT_BUSINESS_REG_NO));
                } else if (Subject.USCC_PLACEHOLDER.equals(uscc) && in.text(SUBJECT_BUSINESS_REG_NO) == null) {
                    in.error(
                            SUBJECT_BUSINESS_REG_NO,
                            "PLACEHOLDER_NEEDS_REG_NO",
                            in.quoted(SUBJECT_USCC, uscc) + "是无代码个体工商户的占位代码，此时" + in.label(SUBJECT_BUSINESS_REG_NO)
                                    + "不能为空");
                }
            }
        }
    }

    private static void require(Inspection in, CanonicalField field, String when) {
        if (in.text(field) == null) {
            in.error(field, "REQUIRED", when + in.label(field) + "不能为空");
        }
    }
}
