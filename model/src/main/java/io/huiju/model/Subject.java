package io.huiju.model;

/**
 * 行政相对人: who the decision is about. Legal persons and individual businesses are identified by their unified social
 * credit code (or, for an individual business with the placeholder code, by its 工商注册号); natural persons by ID type
 * and number.
 */
public record Subject(
        SubjectKind kind,
        String name,
        String uscc,
        String businessRegNo,
        String orgCode,
        String taxRegNo,
        String institutionCertNo,
        String socialOrgRegNo,
        String legalRepresentative,
        String legalRepIdType,
        String legalRepIdNumber,
        String idType,
        String idNumber) {

    /** The individual-business placeholder of GB 32100 practice: no USCC yet, the 工商注册号 identifies the subject. */
    public static final String USCC_PLACEHOLDER = "00000000000000000X";

    /** The code that identifies the subject in natural keys: USCC, else 工商注册号, else the ID number. */
    public String code() {
        if (kind == SubjectKind.NATURAL_PERSON) {
            return idNumber;
        }
        if (uscc == null || uscc.isEmpty() || USCC_PLACEHOLDER.equals(uscc)) {
            return businessRegNo;
        }
        return uscc;
    }
}
