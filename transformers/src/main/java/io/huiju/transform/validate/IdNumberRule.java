package io.huiju.transform.validate;

import io.huiju.model.code.ResidentId;
import io.huiju.transform.CanonicalField;
import java.time.LocalDate;
import java.util.List;

/**
 * GB 11643 resident ID numbers of the subject and of the legal representative (CREDIT-DATA §4). Numbers in reasons
 * are masked: reasons are stored and passed around far more widely than the record itself.
 */
final class IdNumberRule implements Rule {

    private static final List<CanonicalField> NUMBERS =
            List.of(CanonicalField.SUBJECT_ID_NUMBER, CanonicalField.SUBJECT_LEGAL_REP_ID_NUMBER);

    @Override
    public void check(Inspection in) {
        for (CanonicalField field : NUMBERS) {
            String given = in.text(field);
            if (given != null && in.isResidentId(field)) {
                check(in, field, given);
            }
        }
    }

    private static void check(Inspection in, CanonicalField field, String given) {
        String number = in.idNumber(field);
        String value = in.quoted(field, mask(given));
        if (!number.equals(given)) {
            in.warning(field, "ID_NUMBER_15_CONVERTED", value + "是15位旧身份证号，已按18位号码“" + mask(number) + "”入库，请在源系统中更新");
        }
        switch (ResidentId.validate(number, in.today())) {
            case OK -> {}
            case LENGTH -> in.error(field, "ID_NUMBER_FORMAT", value + lengthProblem(given));
            case CHARSET -> in.error(field, "ID_NUMBER_FORMAT", value + "只能是数字，末位可为大写X");
            case BIRTH_DATE -> in.error(field, "ID_NUMBER_BIRTH_DATE", value + birthDateProblem(number, in.today()));
            case CHECK_CHARACTER ->
                in.error(
                        field,
                        "ID_NUMBER_CHECK",
                        value + "校验位错误，应为“" + ResidentId.checkCharacter(number.substring(0, 17)) + "”");
        }
    }

    private static String lengthProblem(String given) {
        return given.length() == ResidentId.OLD_LENGTH
                ? "是15位，但15位旧号码只能是数字"
                : "应为18位（或15位旧号码），实为" + given.length() + "位";
    }

    private static String birthDateProblem(String number, LocalDate today) {
        String digits = number.substring(6, 14);
        return ResidentId.birthDate(number)
                .map(date -> date.isAfter(today) ? "中的出生日期“" + digits + "”晚于今天" : "中的出生日期“" + digits + "”早于1900年")
                .orElse("中的出生日期“" + digits + "”不是有效日期");
    }

    /** Region code and last four stay, so the department can find the row; the birth date and sequence do not. */
    static String mask(String number) {
        if (number.length() <= 10) {
            return number;
        }
        return number.substring(0, 6) + "*".repeat(number.length() - 10) + number.substring(number.length() - 4);
    }
}
