package io.huiju.transform;

import io.huiju.model.Category;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every field of the canonical record a mapping may fill, by the dotted name mapping files use, with the kind of text it
 * holds (which decides how it is normalised) and the categories it belongs to (empty: all).
 */
public enum CanonicalField {
    SUBJECT_KIND("subject.kind", Type.TEXT),
    SUBJECT_NAME("subject.name", Type.TEXT),
    SUBJECT_USCC("subject.uscc", Type.CODE),
    SUBJECT_BUSINESS_REG_NO("subject.businessRegNo", Type.CODE),
    SUBJECT_ORG_CODE("subject.orgCode", Type.CODE),
    SUBJECT_TAX_REG_NO("subject.taxRegNo", Type.CODE),
    SUBJECT_INSTITUTION_CERT_NO("subject.institutionCertNo", Type.CODE),
    SUBJECT_SOCIAL_ORG_REG_NO("subject.socialOrgRegNo", Type.CODE),
    SUBJECT_LEGAL_REPRESENTATIVE("subject.legalRepresentative", Type.TEXT),
    SUBJECT_LEGAL_REP_ID_TYPE("subject.legalRepIdType", Type.TEXT),
    SUBJECT_LEGAL_REP_ID_NUMBER("subject.legalRepIdNumber", Type.CODE),
    SUBJECT_ID_TYPE("subject.idType", Type.TEXT),
    SUBJECT_ID_NUMBER("subject.idNumber", Type.CODE),

    DECISION_DOCUMENT_NAME("decision.documentName", Type.TEXT),
    DECISION_DOCUMENT_NUMBER("decision.documentNumber", Type.TEXT),
    DECISION_DATE("decision.date", Type.DATE),
    DECISION_VALID_FROM("decision.validFrom", Type.DATE),
    DECISION_VALID_TO("decision.validTo", Type.DATE),
    DECISION_CONTENT("decision.content", Type.TEXT),
    DECISION_AUTHORITY("decision.authority", Type.TEXT),
    DECISION_AUTHORITY_CODE("decision.authorityCode", Type.CODE),
    DECISION_SOURCE_DEPARTMENT("decision.sourceDepartment", Type.TEXT),
    DECISION_SOURCE_DEPARTMENT_CODE("decision.sourceDepartmentCode", Type.CODE),
    DECISION_STATUS("decision.status", Type.TEXT),
    DECISION_REMARKS("decision.remarks", Type.TEXT),

    LICENSE_CATEGORY("license.category", Type.TEXT, Category.LICENSE),
    LICENSE_CERTIFICATE_NAME("license.certificateName", Type.TEXT, Category.LICENSE),
    LICENSE_NUMBER("license.number", Type.TEXT, Category.LICENSE),

    PENALTY_VIOLATION_TYPE("penalty.violationType", Type.TEXT, Category.PENALTY),
    PENALTY_FACTS("penalty.facts", Type.TEXT, Category.PENALTY),
    PENALTY_LEGAL_BASIS("penalty.legalBasis", Type.TEXT, Category.PENALTY),
    PENALTY_KINDS("penalty.kinds", Type.TEXT, Category.PENALTY),
    PENALTY_FINE("penalty.fine", Type.AMOUNT, Category.PENALTY),
    PENALTY_CONFISCATED("penalty.confiscated", Type.AMOUNT, Category.PENALTY),
    PENALTY_SUSPENDED_LICENSE("penalty.suspendedLicense", Type.TEXT, Category.PENALTY),
    PENALTY_PUBLICITY_DEADLINE("penalty.publicityDeadline", Type.DATE, Category.PENALTY),

    LIST_REASON("list.reason", Type.TEXT, Category.RED_LIST, Category.BLACK_LIST),
    LIST_INCLUSION_DATE("list.inclusionDate", Type.DATE, Category.RED_LIST, Category.BLACK_LIST),
    LIST_REMOVAL_DATE("list.removalDate", Type.DATE, Category.RED_LIST, Category.BLACK_LIST),
    LIST_REMOVAL_REASON("list.removalReason", Type.TEXT, Category.RED_LIST, Category.BLACK_LIST);

    /** How a field's text is normalised: codes are upper-cased without spaces; dates and amounts are parsed. */
    public enum Type {
        TEXT,
        CODE,
        DATE,
        AMOUNT
    }

    private static final Map<String, CanonicalField> BY_PATH =
            Arrays.stream(values()).collect(Collectors.toMap(CanonicalField::path, Function.identity()));

    private final String path;
    private final Type type;
    private final Set<Category> categories;

    CanonicalField(String path, Type type, Category... categories) {
        this.path = path;
        this.type = type;
        this.categories =
                categories.length == 0 ? EnumSet.allOf(Category.class) : EnumSet.of(categories[0], categories);
    }

    public String path() {
        return path;
    }

    public Type type() {
        return type;
    }

    public boolean appliesTo(Category category) {
        return categories.contains(category);
    }

    public static Optional<CanonicalField> byPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }
}
