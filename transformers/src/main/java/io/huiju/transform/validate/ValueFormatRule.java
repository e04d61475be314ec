package io.huiju.transform.validate;

import io.huiju.transform.CanonicalField;

/** Dates and amounts the mapping let through but the record cannot hold; once per field, not again if the mapping said so. */
final class ValueFormatRule implements Rule {

    @Override
    public void check(Inspection in) {
        for (CanonicalField field : CanonicalField.values()) {
            if (!in.unreadable(field) || in.reportedByMapping(field)) {
                continue;
            }
            String value = in.quoted(field, in.text(field));
            if (field.type() == CanonicalField.Type.DATE) {
                in.error(field, "DATE_INVALID", value + "不是有效日期，应为yyyy-MM-dd");
            } else {
                in.error(field, "AMOUNT_INVALID", value + "不是有效金额，应为以万元计的数字，如0.2");
            }
        }
    }
}
