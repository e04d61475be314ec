package io.huiju.transform.validate;

import io.huiju.model.Subject;
import io.huiju.model.SubjectKind;
import io.huiju.model.code.OrgCode;
import io.huiju.model.code.Uscc;
import io.huiju.transform.CanonicalField;
import java.util.List;

/** GB 32100 check characters of the subject's and the authorities' unified social credit codes (CREDIT-DATA §3, §6.5). */
final class CreditCodeRule implements Rule {

    private static final List<CanonicalField> AUTHORITY_CODES =
            List.of(CanonicalField.DECISION_AUTHORITY_CODE, CanonicalField.DECISION_SOURCE_DEPARTMENT_CODE);

    @Override
    public void check(Inspection in) {
        String subjectCode = in.text(CanonicalField.SUBJECT_USCC);
        // The placeholder is judged by the subject-kind rule, and a natural person's code is a mismatch, not a typo.
        boolean natural = in.kind().filter(k -> k == SubjectKind.NATURAL_PERSON).isPresent();
        if (!Subject.USCC_PLACEHOLDER.equals(subjectCode) && !natural) {
            check(in, CanonicalField.SUBJECT_USCC);
        }
        AUTHORITY_CODES.forEach(field -> check(in, field));
    }

    private static void check(Inspection in, CanonicalField field) {
        String code = in.text(field);
        if (code == null) {
            return;
        }
        String value = in.quoted(field, code);
        switch (Uscc.validate(code)) {
            case OK -> {}
            case LENGTH -> in.error(field, "USCC_LENGTH", value + "应为18位，实为" + code.length() + "位");
            case CHARSET ->
                in.error(
                        field,
                        "USCC_CHARSET",
                        value + "含非法字符“" + code.charAt(Uscc.firstInvalidCharacter(code))
                                + "”；统一社会信用代码只用数字和除I、O、Z、S、V以外的大写字母");
            case CHECK_CHARACTER ->
                in.error(field, "USCC_CHECK", value + "校验位错误，应为“" + Uscc.checkCharacter(code.substring(0, 17)) + "”");
            case ORG_CODE_CHECK -> {
                String org = Uscc.orgCode(code);
                in.error(
                        field,
                        "USCC_ORG_CODE_CHECK",
                        value + "第9–17位的组织机构代码“" + org + "”校验位错误，应为“" + OrgCode.checkCharacter(org.substring(0, 8))
                                + "”");
            }
        }
    }
}
