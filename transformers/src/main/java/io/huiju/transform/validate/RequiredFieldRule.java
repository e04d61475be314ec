package io.huiju.transform.validate;

import static io.huiju.transform.CanonicalField.*;

import io.huiju.model.Subject;
import io.huiju.model.SubjectKind;
import io.huiju.transform.CanonicalField;

/** What every record of a category needs ({@link RequiredFields}) and what its subject kind needs (CREDIT-DATA §6.4). */
final class RequiredFieldRule implements Rule {

    @Override
    public void check(Inspection in) {
        RequiredFields.of(in.row().category()).forEach(field -> require(in, field, ""));
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
