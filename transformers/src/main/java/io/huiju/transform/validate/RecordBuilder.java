package io.huiju.transform.validate;

import static io.huiju.transform.CanonicalField.*;

import io.huiju.model.CreditRecord;
import io.huiju.model.Decision;
import io.huiju.model.Details;
import io.huiju.model.LicenseDetails;
import io.huiju.model.ListDetails;
import io.huiju.model.PenaltyDetails;
import io.huiju.model.Subject;
import io.huiju.model.SubjectKind;

/** Turns a row that passed every rule into the canonical record; it relies on the rules, so it checks nothing. */
final class RecordBuilder {

    private RecordBuilder() {}

    static CreditRecord build(Inspection in) {
        return CreditRecord.of(
                in.row().category(),
                subject(in),
                decision(in),
                details(in),
                in.row().provenance());
    }

    private static Subject subject(Inspection in) {
        SubjectKind kind = in.kind().orElseThrow();
        String idType = in.text(SUBJECT_ID_TYPE);
        if (idType == null && kind == SubjectKind.NATURAL_PERSON) {
            idType = Inspection.ID_CARD;
        }
        return new Subject(
                kind,
                in.text(SUBJECT_NAME),
                in.text(SUBJECT_USCC),
                in.text(SUBJECT_BUSINESS_REG_NO),
                in.text(SUBJECT_ORG_CODE),
                in.text(SUBJECT_TAX_REG_NO),
                in.text(SUBJECT_INSTITUTION_CERT_NO),
                in.text(SUBJECT_SOCIAL_ORG_REG_NO),
                in.text(SUBJECT_LEGAL_REPRESENTATIVE),
                in.text(SUBJECT_LEGAL_REP_ID_TYPE),
                in.idNumber(SUBJECT_LEGAL_REP_ID_NUMBER),
                idType,
                in.idNumber(SUBJECT_ID_NUMBER));
    }

    private static Decision decision(Inspection in) {
        return new Decision(
                in.text(DECISION_DOCUMENT_NAME),
                in.text(DECISION_DOCUMENT_NUMBER),
                in.date(DECISION_DATE),
                in.date(DECISION_VALID_FROM),
                in.date(DECISION_VALID_TO),
                in.text(DECISION_CONTENT),
                in.text(DECISION_AUTHORITY),
                in.text(DECISION_AUTHORITY_CODE),
                in.text(DECISION_SOURCE_DEPARTMENT),
                in.text(DECISION_SOURCE_DEPARTMENT_CODE),
                in.text(DECISION_STATUS),
                in.text(DECISION_REMARKS));
    }

    private static Details details(Inspection in) {
        return switch (in.row().category()) {
            case LICENSE ->
                new LicenseDetails(
                        in.text(LICENSE_CATEGORY), in.text(LICENSE_CERTIFICATE_NAME), in.text(LICENSE_NUMBER));
            case PENALTY ->
                new PenaltyDetails(
                        in.text(PENALTY_VIOLATION_TYPE),
                        in.text(PENALTY_FACTS),
                        in.text(PENALTY_LEGAL_BASIS),
                        in.penaltyKinds().kinds(),
                        in.amount(PENALTY_FINE),
                        in.amount(PENALTY_CONFISCATED),
                        in.text(PENALTY_SUSPENDED_LICENSE),
                        in.date(PENALTY_PUBLICITY_DEADLINE));
            case RED_LIST, BLACK_LIST ->
                new ListDetails(
                        in.text(LIST_REASON),
                        in.date(LIST_INCLUSION_DATE),
                        in.date(LIST_REMOVAL_DATE),
                        in.text(LIST_REMOVAL_REASON));
        };
    }
}
