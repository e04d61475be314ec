package io.huiju.transform.template;

import static io.huiju.transform.CanonicalField.*;

import io.huiju.model.Category;
import io.huiju.model.Subject;
import io.huiju.transform.CanonicalField;
import io.huiju.transform.map.Mapping;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A column's rule in the words of the checks the hub runs on what a department sends (validate/), so that a row filled
 * as the note says is not rejected. Shown as the header cell's note and on the 填写说明 sheet.
 */
final class ColumnNote {

    static final Set<CanonicalField> CREDIT_CODES =
            EnumSet.of(SUBJECT_USCC, DECISION_AUTHORITY_CODE, DECISION_SOURCE_DEPARTMENT_CODE);

    // Required or not depending on the row: its subject kind or its penalty kinds decide (RequiredFieldRule,
    // AmountRule).
    private static final Set<CanonicalField> CONDITIONAL =
            EnumSet.of(SUBJECT_USCC, SUBJECT_BUSINESS_REG_NO, SUBJECT_ID_NUMBER, PENALTY_FINE);

    private ColumnNote() {}

    /** 必填, 条件必填 or 选填. */
    static String requirement(TemplateColumn column) {
        if (column.required()) {
            return "必填";
        }
        return column.fields().stream().anyMatch(CONDITIONAL::contains) ? "条件必填" : "选填";
    }

    /** The note of the header cell: the requirement, then the rule. */
    static String of(Mapping mapping, TemplateColumn column) {
        return requirement(column) + "。\n" + rule(mapping, column);
    }

    /** What to fill, one sentence per line: meaning and conditions, format, allowed values, default. */
    static String rule(Mapping mapping, TemplateColumn column) {
        List<String> lines = new ArrayList<>();
        column.fields().stream().map(field -> hint(field, mapping.category())).forEach(lines::add);
        String format = format(column.field());
        if (format != null) {
            lines.add(format);
        }
        column.choices().ifPresent(choices -> lines.add(choices(choices)));
        Map<String, String> table = mapping.codeTables().get(column.field());
        if (table != null && table.entrySet().stream().anyMatch(e -> !e.getKey().equals(e.getValue()))) {
            lines.add("也可填代码："
                    + table.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("、"))
                    + "。");
        }
        for (CanonicalField field : column.fields()) {
            String value = mapping.defaults().get(field);
            if (value != null) {
                lines.add("不填时默认为" + describeDefault(value) + "。");
            }
        }
        return String.join("\n", lines);
    }

    private static String choices(Choices choices) {
        String values = String.join("、", choices.values());
        return choices.strict() ? "可选值：" + values + "，请从下拉列表中选择。" : "下拉列表可选：" + values + "。";
    }

    private static String format(CanonicalField field) {
        if (CREDIT_CODES.contains(field)) {
            return "18位统一社会信用代码，由数字和大写字母组成（不含I、O、Z、S、V），第18位为校验码。";
        }
        return switch (field.type()) {
            case DATE -> "日期，格式为yyyy-MM-dd，如2024-03-05。";
            case AMOUNT -> "数字，单位为万元（2000元填0.2），不能为负数，不要带“元”等单位。";
            case CODE -> "按证照原样填写；本列为文本格式，长号码不会丢失末位。";
            case TEXT -> null;
        };
    }

    // {department.name} and the like are filled from the submitting department's registry entry (BoundMapping).
    private static String describeDefault(String value) {
        if (!value.contains("{department.")) {
            return "“" + value + "”";
        }
        return value.replace("{department.name}", "提交单位的名称")
                .replace("{department.uscc}", "提交单位的统一社会信用代码")
                .replace("{department.code}", "提交单位的编码");
    }

    // Exhaustive on purpose: a new canonical field fails compilation here until its rule is written.
    private static String hint(CanonicalField field, Category category) {
        return switch (field) {
            case SUBJECT_NAME -> "法人及非法人组织、个体工商户填登记的全称，自然人填姓名。";
            case SUBJECT_KIND -> "决定哪些列必填：法人及非法人组织须填统一社会信用代码；个体工商户须填以92开头的统一社会信用代码；自然人须填证件号码，不填统一社会信用代码和法定代表人。";
            case SUBJECT_USCC ->
                "法人及非法人组织、个体工商户必填，自然人不填。个体工商户的代码以92开头；没有统一社会信用代码的个体工商户填" + Subject.USCC_PLACEHOLDER + "，并填工商注册号。";
            case SUBJECT_BUSINESS_REG_NO -> "个体工商户没有统一社会信用代码（统一社会信用代码填" + Subject.USCC_PLACEHOLDER + "）时必填。";
            case SUBJECT_ORG_CODE -> "9位组织机构代码，即统一社会信用代码的第9至17位。";
            case SUBJECT_TAX_REG_NO -> "税务登记证上的号码。";
            case SUBJECT_INSTITUTION_CERT_NO -> "事业单位法人证书上的号码。";
            case SUBJECT_SOCIAL_ORG_REG_NO -> "社会组织登记证书上的号码。";
            case SUBJECT_LEGAL_REPRESENTATIVE -> "法人及非法人组织、个体工商户的法定代表人（负责人、经营者）姓名；自然人不填。";
            case SUBJECT_LEGAL_REP_ID_TYPE -> "法定代表人的证件类型；自然人不填。";
            case SUBJECT_LEGAL_REP_ID_NUMBER -> "法定代表人的证件号码；证件类型为身份证时填18位公民身份号码，末位校验码可为X。自然人不填。";
            case SUBJECT_ID_TYPE -> "自然人的证件类型。";
            case SUBJECT_ID_NUMBER -> "自然人必填。证件类型为身份证或未填证件类型时，填18位公民身份号码（15位旧号码也可），末位为校验码，可为X。";
            case DECISION_DOCUMENT_NAME -> "决定文书的名称，如“" + documentName(category) + "”。";
            case DECISION_DOCUMENT_NUMBER -> "决定文书的文号，按文书原样填写。";
            case DECISION_DATE -> "作出决定的日期，不能晚于今天。";
            case DECISION_VALID_FROM -> "有效期的起始日期。";
            case DECISION_VALID_TO -> "有效期的截止日期，不能早于决定日期，也不能早于有效期的起始日期。";
            case DECISION_CONTENT -> category == Category.PENALTY ? "处罚的具体内容，如“罚款2000元”。" : "决定的具体内容。";
            case DECISION_AUTHORITY -> "作出决定的机关的全称。";
            case DECISION_AUTHORITY_CODE -> "作出决定的机关的统一社会信用代码。";
            case DECISION_SOURCE_DEPARTMENT -> "报送数据的单位的全称。";
            case DECISION_SOURCE_DEPARTMENT_CODE -> "报送数据的单位的统一社会信用代码。";
            case DECISION_STATUS -> "决定的当前状态。";
            case DECISION_REMARKS -> "其他需要说明的情况。";
            case LICENSE_CATEGORY -> "许可的类别。";
            case LICENSE_CERTIFICATE_NAME -> "许可证书的名称，如“食品经营许可证”。";
            case LICENSE_NUMBER -> "许可证书的编号。";
            case PENALTY_VIOLATION_TYPE -> "违法行为的类型。";
            case PENALTY_FACTS -> "主要违法事实。";
            case PENALTY_LEGAL_BASIS -> "作出处罚所依据的法律条款，如“《中华人民共和国食品安全法》第一百二十六条”。";
            case PENALTY_KINDS ->
                "2021年修订的《行政处罚法》第九条规定的类别；多个类别用“、”分隔，如“警告、罚款”。" + "修订前的旧名称（如“暂扣或者吊销许可证、暂扣或者吊销执照”）请改用现行名称。";
            case PENALTY_FINE -> "处罚类别含“罚款”时必填，且大于0。";
            case PENALTY_CONFISCATED -> "没收违法所得、没收非法财物的金额。";
            case PENALTY_SUSPENDED_LICENSE -> "处罚类别含暂扣或吊销许可证件时，填证照的名称及编号。";
            case PENALTY_PUBLICITY_DEADLINE -> "公示的截止日期，不能早于处罚决定日期。";
            case LIST_REASON -> "列入名单的认定依据或事由。";
            case LIST_INCLUSION_DATE -> "列入名单的日期，不能晚于今天。";
            case LIST_REMOVAL_DATE -> "移出名单的日期，尚未移出的不填；不能早于列入日期。";
            case LIST_REMOVAL_REASON -> "移出名单的原因，尚未移出的不填。";
        };
    }

    private static String documentName(Category category) {
        return switch (category) {
            case LICENSE -> "行政许可决定书";
            case PENALTY -> "行政处罚决定书";
            case RED_LIST, BLACK_LIST -> "认定决定书";
        };
    }
}
