package io.huiju.transform.validate;

import static io.huiju.transform.CanonicalField.PENALTY_KINDS;

/** 处罚类别 must be the statutory kinds (CREDIT-DATA §1.3, §6.8); old names are read but flagged. */
final class PenaltyKindRule implements Rule {

    private static final String ALLOWED = String.join("、", PenaltyKinds.STATUTORY);

    @Override
    public void check(Inspection in) {
        String text = in.text(PENALTY_KINDS);
        if (text == null) {
            return;
        }
        PenaltyKinds.Parsed parsed = in.penaltyKinds();
        for (String unknown : parsed.unknown()) {
            in.error(
                    PENALTY_KINDS,
                    "PENALTY_KIND_UNKNOWN",
                    in.label(PENALTY_KINDS) + "中的“" + unknown + "”不是法定处罚类别；应为" + ALLOWED + "，多个用“、”分隔");
        }
        for (PenaltyKinds.Legacy legacy : parsed.legacy()) {
            in.warning(
                    PENALTY_KINDS,
                    "PENALTY_KIND_LEGACY",
                    in.label(PENALTY_KINDS) + "中的“" + legacy.given() + "”是2021年修订前的名称，已按“"
                            + String.join("、", legacy.mappedTo()) + "”入库，请核对并改用现行名称");
        }
        if (parsed.kinds().isEmpty() && parsed.unknown().isEmpty()) {
            in.error(PENALTY_KINDS, "REQUIRED", in.quoted(PENALTY_KINDS, text) + "不含任何处罚类别");
        }
    }
}
