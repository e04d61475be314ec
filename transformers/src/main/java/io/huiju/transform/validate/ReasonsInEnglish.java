package io.huiju.transform.validate;

import java.util.Map;

/**
 * An English sentence per violation code, for the console's English UI. The Chinese reason the rules write stays the
 * authority (it names the value and what it should be); this says what kind of problem it is, so a reader without
 * Chinese knows what to fix. A code without an entry answers null and the page shows the Chinese.
 */
public final class ReasonsInEnglish {

    private static final Map<String, String> BY_CODE = Map.ofEntries(
            Map.entry("REQUIRED", "This field is required."),
            Map.entry("TOO_LONG", "The text is longer than the field allows."),
            Map.entry("CONTROL_CHARACTER", "The text contains a control character; retype it."),
            Map.entry("DATE_FORMAT", "Not a date; write it as yyyy-MM-dd, e.g. 2024-03-05."),
            Map.entry("DATE_INVALID", "Not a valid date."),
            Map.entry("DATE_IN_FUTURE", "The date lies in the future."),
            Map.entry("DATE_ORDER", "The date comes before the date it must follow."),
            Map.entry("AMOUNT_INVALID", "Not an amount; write a number in 10,000 yuan."),
            Map.entry("AMOUNT_NEGATIVE", "The amount is negative."),
            Map.entry("AMOUNT_LIKELY_YUAN", "The amount looks like yuan; the field is in 10,000 yuan."),
            Map.entry("FINE_REQUIRED", "The penalty kinds include a fine: the fine amount is required."),
            Map.entry("FINE_NOT_IN_LAYOUT", "The penalty kinds include a fine, but there is no fine amount."),
            Map.entry("USCC_LENGTH", "A unified social credit code has 18 characters."),
            Map.entry(
                    "USCC_CHARSET", "The code holds a character a credit code never has (I, O, Z, S, V, lower case…)."),
            Map.entry("USCC_CHECK", "The check character (the 18th) of the unified social credit code is wrong."),
            Map.entry("USCC_ORG_CODE_CHECK", "The organisation code inside the credit code (positions 9-17) is wrong."),
            Map.entry("ID_NUMBER_FORMAT", "Not a resident ID number (18 characters, or 15 digits)."),
            Map.entry("ID_NUMBER_CHECK", "The check character (the last) of the ID number is wrong."),
            Map.entry("ID_NUMBER_BIRTH_DATE", "The birth date inside the ID number is not a real date."),
            Map.entry("SUBJECT_KIND_UNKNOWN", "Not a subject type: choose one from the list."),
            Map.entry("SUBJECT_KIND_MISMATCH", "The value does not fit the subject type."),
            Map.entry(
                    "PLACEHOLDER_NEEDS_REG_NO",
                    "With the placeholder code the business registration number is required."),
            Map.entry("PENALTY_KIND_UNKNOWN", "Not a penalty kind of the Administrative Penalty Law."),
            Map.entry("PENALTY_KIND_LEGACY", "An old penalty kind name; use the current one."));

    private ReasonsInEnglish() {}

    public static String of(String code) {
        return BY_CODE.get(code);
    }
}
