package io.huiju.transform.template;

import io.huiju.model.Category;
import io.huiju.transform.CanonicalField;

/**
 * The English of each field, beside its Chinese rule in {@link ColumnNote}: a label and what to fill, for the console's
 * English UI. Kept here so that a field's words in both languages are in one package, written once for every channel.
 */
public final class FieldEnglish {

    private FieldEnglish() {}

    // Exhaustive on purpose: a new canonical field fails compilation here until its English is written.
    public static String label(CanonicalField field) {
        return switch (field) {
            case SUBJECT_KIND -> "Subject type";
            case SUBJECT_NAME -> "Subject name";
            case SUBJECT_USCC -> "Unified social credit code";
            case SUBJECT_BUSINESS_REG_NO -> "Business registration number";
            case SUBJECT_ORG_CODE -> "Organisation code";
            case SUBJECT_TAX_REG_NO -> "Tax registration number";
            case SUBJECT_INSTITUTION_CERT_NO -> "Public institution certificate number";
            case SUBJECT_SOCIAL_ORG_REG_NO -> "Social organisation registration number";
            case SUBJECT_LEGAL_REPRESENTATIVE -> "Legal representative";
            case SUBJECT_LEGAL_REP_ID_TYPE -> "Legal representative's ID type";
            case SUBJECT_LEGAL_REP_ID_NUMBER -> "Legal representative's ID number";
            case SUBJECT_ID_TYPE -> "ID type";
            case SUBJECT_ID_NUMBER -> "ID number";
            case DECISION_DOCUMENT_NAME -> "Decision document title";
            case DECISION_DOCUMENT_NUMBER -> "Decision document number";
            case DECISION_DATE -> "Decision date";
            case DECISION_VALID_FROM -> "Valid from";
            case DECISION_VALID_TO -> "Valid to";
            case DECISION_CONTENT -> "Content of the decision";
            case DECISION_AUTHORITY -> "Deciding authority";
            case DECISION_AUTHORITY_CODE -> "Authority's unified social credit code";
            case DECISION_SOURCE_DEPARTMENT -> "Reporting department";
            case DECISION_SOURCE_DEPARTMENT_CODE -> "Reporting department's unified social credit code";
            case DECISION_STATUS -> "Current status";
            case DECISION_REMARKS -> "Remarks";
            case LICENSE_CATEGORY -> "License category";
            case LICENSE_CERTIFICATE_NAME -> "License certificate name";
            case LICENSE_NUMBER -> "License number";
            case PENALTY_VIOLATION_TYPE -> "Type of violation";
            case PENALTY_FACTS -> "Facts of the violation";
            case PENALTY_LEGAL_BASIS -> "Legal basis";
            case PENALTY_KINDS -> "Penalty kinds";
            case PENALTY_FINE -> "Fine (10,000 yuan)";
            case PENALTY_CONFISCATED -> "Confiscated amount (10,000 yuan)";
            case PENALTY_SUSPENDED_LICENSE -> "Suspended or revoked license";
            case PENALTY_PUBLICITY_DEADLINE -> "End of publicity";
            case LIST_REASON -> "Grounds for listing";
            case LIST_INCLUSION_DATE -> "Listed on";
            case LIST_REMOVAL_DATE -> "Removed on";
            case LIST_REMOVAL_REASON -> "Reason for removal";
        };
    }

    /** {@link ColumnNote#requirement} in English. */
    static String requirement(String chinese) {
        return switch (chinese) {
            case "必填" -> "Required";
            case "条件必填" -> "Required in some cases";
            default -> "Optional";
        };
    }

    /** What to fill, as {@link ColumnNote#rule} says it in Chinese (meaning and format; the lists are the same). */
    public static String hint(CanonicalField field, Category category) {
        String meaning = meaning(field, category);
        String format = format(field);
        return format == null ? meaning : meaning + " " + format;
    }

    private static String format(CanonicalField field) {
        if (ColumnNote.CREDIT_CODES.contains(field)) {
            return "18 characters, digits and capital letters (no I, O, Z, S, V); the 18th is a check character.";
        }
        return switch (field.type()) {
            case DATE -> "A date as yyyy-MM-dd, e.g. 2024-03-05.";
            case AMOUNT -> "A number in 10,000 yuan (2,000 yuan is 0.2), not negative, without a unit.";
            case CODE, TEXT -> null;
        };
    }

    private static String meaning(CanonicalField field, Category category) {
        return switch (field) {
            case SUBJECT_NAME -> "The registered full name of an organisation or business; a person's name.";
            case SUBJECT_KIND ->
                "Decides which fields are required: an organisation needs its credit code, an individual business a code"
                        + " starting with 92, a natural person an ID number and no credit code or legal representative.";
            case SUBJECT_USCC ->
                "Required for organisations and individual businesses, empty for natural persons. An individual business"
                        + " without a code fills 00000000000000000X and its business registration number.";
            case SUBJECT_BUSINESS_REG_NO ->
                "Required when an individual business has no credit code (filled as 00000000000000000X).";
            case SUBJECT_ORG_CODE -> "The 9-character organisation code, positions 9 to 17 of the credit code.";
            case SUBJECT_TAX_REG_NO -> "The number on the tax registration certificate.";
            case SUBJECT_INSTITUTION_CERT_NO -> "The number on the public institution's certificate.";
            case SUBJECT_SOCIAL_ORG_REG_NO -> "The number on the social organisation's registration certificate.";
            case SUBJECT_LEGAL_REPRESENTATIVE ->
                "The legal representative (head, operator) of an organisation or business; empty for a natural person.";
            case SUBJECT_LEGAL_REP_ID_TYPE -> "The legal representative's ID type; empty for a natural person.";
            case SUBJECT_LEGAL_REP_ID_NUMBER ->
                "The legal representative's ID number; a resident ID has 18 characters, the last a check character"
                        + " that may be X.";
            case SUBJECT_ID_TYPE -> "A natural person's ID type.";
            case SUBJECT_ID_NUMBER ->
                "Required for a natural person. With type 身份证 or no type: the 18-character resident ID (15 digits for"
                        + " old ones), the last a check character that may be X.";
            case DECISION_DOCUMENT_NAME -> "The title of the decision document.";
            case DECISION_DOCUMENT_NUMBER -> "The number of the decision document, as printed on it.";
            case DECISION_DATE -> "The day the decision was taken; not later than today.";
            case DECISION_VALID_FROM -> "The first day of validity.";
            case DECISION_VALID_TO -> "The last day of validity; not before the decision date nor the first day.";
            case DECISION_CONTENT ->
                category == Category.PENALTY
                        ? "What the penalty is, e.g. 罚款2000元 (a fine of 2,000 yuan)."
                        : "What was decided.";
            case DECISION_AUTHORITY -> "The full name of the authority that decided.";
            case DECISION_AUTHORITY_CODE -> "The unified social credit code of the authority that decided.";
            case DECISION_SOURCE_DEPARTMENT -> "The full name of the department reporting the data.";
            case DECISION_SOURCE_DEPARTMENT_CODE -> "The unified social credit code of the reporting department.";
            case DECISION_STATUS -> "The decision's current status.";
            case DECISION_REMARKS -> "Anything else worth saying.";
            case LICENSE_CATEGORY -> "The category of the license.";
            case LICENSE_CERTIFICATE_NAME -> "The name of the license certificate, e.g. 食品经营许可证.";
            case LICENSE_NUMBER -> "The number of the license certificate.";
            case PENALTY_VIOLATION_TYPE -> "The type of the violation.";
            case PENALTY_FACTS -> "The main facts of the violation.";
            case PENALTY_LEGAL_BASIS -> "The articles of law the penalty rests on.";
            case PENALTY_KINDS ->
                "The kinds of Article 9 of the Administrative Penalty Law (2021); several separated by 、, e.g. 警告、罚款."
                        + " Old names must be replaced by the current ones.";
            case PENALTY_FINE -> "Required, and above 0, when the kinds include 罚款 (fine).";
            case PENALTY_CONFISCATED -> "The amount of illegal gains or property confiscated.";
            case PENALTY_SUSPENDED_LICENSE ->
                "When a license is suspended or revoked: the certificate's name and number.";
            case PENALTY_PUBLICITY_DEADLINE -> "The last day of publicity; not before the decision date.";
            case LIST_REASON -> "The grounds or facts for listing.";
            case LIST_INCLUSION_DATE -> "The day of listing; not later than today.";
            case LIST_REMOVAL_DATE -> "The day of removal, empty while listed; not before the day of listing.";
            case LIST_REMOVAL_REASON -> "Why the subject was removed, empty while listed.";
        };
    }
}
