package io.huiju.transform.template;

import io.huiju.model.SubjectKind;
import io.huiju.transform.CanonicalField;
import io.huiju.transform.map.Mapping;
import io.huiju.transform.validate.PenaltyKinds;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values a coded column offers in its drop-down list. A strict list refuses anything else; a lenient one only asks,
 * because its column takes several values at once (处罚类别) or its code list is unverified (CREDIT-DATA §8) and the hub
 * accepts other values.
 *
 * @param otherwise what the error box says when a value outside the list is typed
 */
record Choices(List<String> values, boolean strict, String otherwise) {

    // The ones platforms use (CREDIT-DATA §1.3); no authoritative list was found, hence lenient.
    static final List<String> ID_TYPES = List.of("身份证", "护照", "港澳居民来往内地通行证", "台湾居民来往大陆通行证", "外国人永久居留身份证");

    // The enumeration seen in platforms; unverified, and the hub keeps 许可类别 optional.
    static final List<String> LICENSE_CATEGORIES = List.of("普通", "特许", "认可", "核准", "登记", "其他");

    Choices {
        values = List.copyOf(values);
    }

    /** A code table of the mapping wins: its canonical values are what the hub stores for the layout. */
    static Optional<Choices> of(Mapping mapping, CanonicalField field) {
        Map<String, String> table = mapping.codeTables().get(field);
        if (table != null && !table.isEmpty()) {
            return Optional.of(new Choices(table.values().stream().distinct().toList(), true, "只能从下拉列表中选择"));
        }
        return switch (field) {
            case SUBJECT_KIND ->
                Optional.of(new Choices(
                        Arrays.stream(SubjectKind.values())
                                .map(SubjectKind::label)
                                .toList(),
                        true,
                        "只能从下拉列表中选择"));
            case PENALTY_KINDS ->
                Optional.of(
                        new Choices(PenaltyKinds.STATUTORY, false, "不是列表中的单个类别。有多个类别时用“、”分隔，如“警告、罚款”；否则请改为列表中的法定类别"));
            case SUBJECT_ID_TYPE, SUBJECT_LEGAL_REP_ID_TYPE ->
                Optional.of(new Choices(ID_TYPES, false, "不在常用证件类型中，请核对"));
            case LICENSE_CATEGORY -> Optional.of(new Choices(LICENSE_CATEGORIES, false, "不在常见许可类别中，请核对"));
            default -> Optional.empty();
        };
    }
}
