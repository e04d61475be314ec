package io.huiju.transform.validate;

import static io.huiju.transform.CanonicalField.*;

import io.huiju.transform.CanonicalField;
import java.math.BigDecimal;
import java.util.List;

/** Penalty amounts are in 万元 (CREDIT-DATA §6.3): 2000 元 is 0.2. */
final class AmountRule implements Rule {

    private static final List<CanonicalField> AMOUNTS = List.of(PENALTY_FINE, PENALTY_CONFISCATED);

    // 1 亿元 in one penalty is rare enough that a value this size was most likely typed in 元 (a heuristic: warn only).
    private static final BigDecimal LIKELY_YUAN = new BigDecimal("10000");

    @Override
    public void check(Inspection in) {
        for (CanonicalField field : AMOUNTS) {
            BigDecimal amount = in.amount(field);
            if (amount == null) {
                continue;
            }
            String value = in.quoted(field, in.text(field));
            if (amount.signum() < 0) {
                in.error(field, "AMOUNT_NEGATIVE", value + "不能为负数");
            } else if (amount.compareTo(LIKELY_YUAN) >= 0) {
                in.warning(
                        field,
                        "AMOUNT_LIKELY_YUAN",
                        value + "万元即"
                                + amount.movePointLeft(4).stripTrailingZeros().toPlainString()
                                + "亿元，疑似按元填报；金额单位为万元，2000元应填0.2");
            }
        }
        checkFine(in);
    }

    private static void checkFine(Inspection in) {
        if (!in.penaltyKinds().kinds().contains(PenaltyKinds.FINE) || in.unreadable(PENALTY_FINE)) {
            return;
        }
        BigDecimal fine = in.amount(PENALTY_FINE);
        if (fine == null && !in.row().sourceColumns().containsKey(PENALTY_FINE)) {
            // The layout has no column for it (the 2016 one): the department cannot fill what its layout lacks, so the
            // record is kept and the gap reported, not the row refused.
            in.warning(
                    PENALTY_FINE,
                    "FINE_NOT_IN_LAYOUT",
                    in.label(PENALTY_KINDS) + "含“罚款”，但所用数据格式没有罚款金额列，罚款金额未上报；请改用含“罚款金额（万元）”的国家标准格式");
            return;
        }
        if (fine == null || fine.signum() == 0) {
            in.error(
                    PENALTY_FINE,
                    "FINE_REQUIRED",
                    in.label(PENALTY_KINDS) + "含“罚款”，但" + in.label(PENALTY_FINE) + (fine == null ? "为空" : "为0")
                            + "；请填写以万元计的罚款金额");
        }
    }
}
