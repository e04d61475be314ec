package io.huiju.bench;

import io.huiju.model.SubjectKind;

/**
 * A penalised subject. Organisations carry a USCC and a representative; a natural person carries an ID number and
 * nothing else, as CREDIT-DATA §6 rule 4 demands.
 */
record Subject(
        SubjectKind kind,
        String name,
        String uscc,
        String representative,
        String representativeId,
        String idNumber,
        Region region) {

    /** The subject part of the natural key (CREDIT-DATA §6 rule 11). */
    String code() {
        return uscc.isEmpty() ? idNumber : uscc;
    }

    Subject withUscc(String newUscc) {
        return new Subject(kind, name, newUscc, representative, representativeId, idNumber, region);
    }

    Subject withName(String newName) {
        return new Subject(kind, newName, uscc, representative, representativeId, idNumber, region);
    }
}
