package io.huiju.transform.validate;

import static io.huiju.transform.CanonicalField.*;

import io.huiju.model.Subject;
import io.huiju.model.SubjectKind;
import io.huiju.model.code.Uscc;
import io.huiju.transform.CanonicalField;
import java.util.List;

/**
 * The subject kind must match the codes given (CREDIT-DATA §6.4). Legal persons are not required to have a 91… code:
 * government bodies (11…), public institutions (12…), social organisations (5…) and cooperatives (93…) are legal
 * persons too.
 */
final class SubjectKindRule implements Rule {

    private static final String INDIVIDUAL_BUSINESS_PREFIX = "92";
    private static final List<CanonicalField> LEGAL_REP =
            List.of(SUBJECT_LEGAL_REPRESENTATIVE, SUBJECT_LEGAL_REP_ID_NUMBER);

    @Override
    public void check(Inspection in) {
        String kindText = in.text(SUBJECT_KIND);
        if (kindText == null) {
            return;
        }
        SubjectKind kind = in.kind().orElse(null);
        if (kind == null) {
            in.error(
                    SUBJECT_KIND,
                    "SUBJECT_KIND_UNKNOWN",
                    in.quoted(SUBJECT_KIND, kindText) + "不是有效值，应为法人及非法人组织、自然人或个体工商户");
            return;
        }
        String kindValue = in.quoted(SUBJECT_KIND, kind.label());
        String uscc = in.text(SUBJECT_USCC);
        switch (kind) {
            case NATURAL_PERSON -> {
                if (uscc != null) {
                    mismatch(in, SUBJECT_USCC, kindValue + "时不填" + in.label(SUBJECT_USCC) + "，但填了“" + uscc + "”");
                }
                for (CanonicalField field : LEGAL_REP) {
                    if (in.text(field) != null) {
                        mismatch(in, field, kindValue + "时不填" + in.label(field));
                    }
                }
            }
            case LEGAL_PERSON -> {
                if (Subject.USCC_PLACEHOLDER.equals(uscc)) {
                    mismatch(
                            in,
                            SUBJECT_USCC,
                            in.quoted(SUBJECT_USCC, uscc) + "只用于没有统一社会信用代码的个体工商户，与" + kindValue + "不符");
                } else if (Uscc.isValid(uscc) && uscc.startsWith(INDIVIDUAL_BUSINESS_PREFIX)) {
                    mismatch(in, SUBJECT_USCC, in.quoted(SUBJECT_USCC, uscc) + "以92开头，是个体工商户的代码，与" + kindValue + "不符");
                }
            }
            case INDIVIDUAL_BUSINESS -> {
                // An invalid code says nothing reliable about its prefix; the credit-code rule reports it.
                if (Uscc.isValid(uscc) && !uscc.startsWith(INDIVIDUAL_BUSINESS_PREFIX)) {
                    mismatch(
                            in,
                            SUBJECT_USCC,
                            in.quoted(SUBJECT_USCC, uscc) + "不以92开头，不是个体工商户的代码，与" + kindValue + "不符；没有统一社会信用代码的个体工商户填“"
                                    + Subject.USCC_PLACEHOLDER + "”并填" + in.label(SUBJECT_BUSINESS_REG_NO));
                }
            }
        }
    }

    private static void mismatch(Inspection in, CanonicalField field, String reason) {
        in.error(field, "SUBJECT_KIND_MISMATCH", reason);
    }
}
