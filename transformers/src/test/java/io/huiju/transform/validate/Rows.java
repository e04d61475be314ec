package io.huiju.transform.validate;

import static io.huiju.transform.CanonicalField.*;

import io.huiju.model.Category;
import io.huiju.model.Channel;
import io.huiju.model.Provenance;
import io.huiju.model.Violation;
import io.huiju.transform.CanonicalField;
import io.huiju.transform.MappedRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Valid mapped rows of every shape, to be spoiled one field at a time. Labels are the departments' Chinese headers. */
final class Rows {

    static final String COMPANY_USCC = "9135080259FJRE2TX0";
    static final String INDIVIDUAL_BUSINESS_USCC = "92350802MA2XY8K132";
    static final String AUTHORITY_CODE = "11350800003798150W";
    static final String SOURCE_DEPARTMENT_CODE = "11350800003798230G";
    static final String PERSON_ID = "360426199101010071";
    static final String LEGAL_REP_ID = "350802197805123015";
    static final String BUSINESS_REG_NO = "350802600123456";

    static final Provenance PROVENANCE = new Provenance(
            "longyan-scjgj", "350800", Channel.FILE, "payload-1", 7, Instant.parse("2024-05-31T02:00:00Z"));

    private static final Map<CanonicalField, String> LABELS = new EnumMap<>(Map.ofEntries(
            Map.entry(SUBJECT_KIND, "行政相对人类别"),
            Map.entry(SUBJECT_NAME, "行政相对人名称"),
            Map.entry(SUBJECT_USCC, "统一社会信用代码"),
            Map.entry(SUBJECT_BUSINESS_REG_NO, "工商注册号"),
            Map.entry(SUBJECT_LEGAL_REPRESENTATIVE, "法定代表人"),
            Map.entry(SUBJECT_LEGAL_REP_ID_TYPE, "法定代表人证件类型"),
            Map.entry(SUBJECT_LEGAL_REP_ID_NUMBER, "法定代表人证件号码"),
            Map.entry(SUBJECT_ID_TYPE, "证件类型"),
            Map.entry(SUBJECT_ID_NUMBER, "证件号码"),
            Map.entry(DECISION_DOCUMENT_NAME, "决定文书名称"),
            Map.entry(DECISION_DOCUMENT_NUMBER, "决定文书号"),
            Map.entry(DECISION_DATE, "决定日期"),
            Map.entry(DECISION_VALID_FROM, "有效期自"),
            Map.entry(DECISION_VALID_TO, "有效期至"),
            Map.entry(DECISION_CONTENT, "处罚内容"),
            Map.entry(DECISION_AUTHORITY, "决定机关"),
            Map.entry(DECISION_AUTHORITY_CODE, "决定机关统一社会信用代码"),
            Map.entry(DECISION_SOURCE_DEPARTMENT, "数据来源单位"),
            Map.entry(DECISION_SOURCE_DEPARTMENT_CODE, "数据来源单位统一社会信用代码"),
            Map.entry(LICENSE_CATEGORY, "许可类别"),
            Map.entry(LICENSE_CERTIFICATE_NAME, "许可证书名称"),
            Map.entry(LICENSE_NUMBER, "许可编号"),
            Map.entry(PENALTY_VIOLATION_TYPE, "违法行为类型"),
            Map.entry(PENALTY_FACTS, "违法事实"),
            Map.entry(PENALTY_LEGAL_BASIS, "处罚依据"),
            Map.entry(PENALTY_KINDS, "处罚类别"),
            Map.entry(PENALTY_FINE, "罚款金额（万元）"),
            Map.entry(PENALTY_CONFISCATED, "没收违法所得、没收非法财物的金额（万元）"),
            Map.entry(PENALTY_PUBLICITY_DEADLINE, "公示截止期"),
            Map.entry(LIST_REASON, "列入原因"),
            Map.entry(LIST_INCLUSION_DATE, "列入日期"),
            Map.entry(LIST_REMOVAL_DATE, "移出日期"),
            Map.entry(LIST_REMOVAL_REASON, "移出原因")));

    private final Category category;
    private final Map<CanonicalField, String> values = new EnumMap<>(CanonicalField.class);
    private final Map<CanonicalField, String> labels = new EnumMap<>(LABELS);
    private final List<Violation> mappingViolations = new ArrayList<>();

    private Rows(Category category) {
        this.category = category;
    }

    static String label(CanonicalField field) {
        return LABELS.get(field);
    }

    /** 法人: a company fined and warned for selling substandard goods. */
    static Rows penaltyForLegalPerson() {
        return penalty()
                .with(SUBJECT_KIND, "法人及非法人组织")
                .with(SUBJECT_NAME, "龙岩市某某建材有限公司")
                .with(SUBJECT_USCC, COMPANY_USCC)
                .with(SUBJECT_LEGAL_REPRESENTATIVE, "张三")
                .with(SUBJECT_LEGAL_REP_ID_TYPE, "身份证")
                .with(SUBJECT_LEGAL_REP_ID_NUMBER, LEGAL_REP_ID);
    }

    /** 自然人: the same kind of decision about a person, identified by ID card. */
    static Rows penaltyForNaturalPerson() {
        return penalty()
                .with(SUBJECT_KIND, "自然人")
                .with(SUBJECT_NAME, "李四")
                .with(SUBJECT_ID_TYPE, "身份证")
                .with(SUBJECT_ID_NUMBER, PERSON_ID);
    }

    /** 个体工商户 without a credit code: the placeholder and the old registration number. */
    static Rows penaltyForIndividualBusinessWithPlaceholder() {
        return penalty()
                .with(SUBJECT_KIND, "个体工商户")
                .with(SUBJECT_NAME, "新罗区某某小吃店")
                .with(SUBJECT_USCC, "00000000000000000X")
                .with(SUBJECT_BUSINESS_REG_NO, BUSINESS_REG_NO);
    }

    static Rows license() {
        return new Rows(Category.LICENSE)
                .withDecision()
                .with(SUBJECT_KIND, "法人及非法人组织")
                .with(SUBJECT_NAME, "龙岩市某某食品有限公司")
                .with(SUBJECT_USCC, COMPANY_USCC)
                .with(DECISION_DOCUMENT_NAME, "食品经营许可决定书")
                .with(DECISION_DOCUMENT_NUMBER, "龙市监食许〔2024〕88号")
                .with(DECISION_DATE, "2024-02-01")
                .with(DECISION_VALID_FROM, "2024-02-01")
                .with(DECISION_VALID_TO, "2029-01-31")
                .with(DECISION_CONTENT, "预包装食品销售")
                .with(LICENSE_CATEGORY, "普通")
                .with(LICENSE_CERTIFICATE_NAME, "食品经营许可证")
                .with(LICENSE_NUMBER, "JY13508020012345");
    }

    static Rows redList() {
        return new Rows(Category.RED_LIST)
                .withDecision()
                .with(SUBJECT_KIND, "法人及非法人组织")
                .with(SUBJECT_NAME, "龙岩市某某建材有限公司")
                .with(SUBJECT_USCC, COMPANY_USCC)
                .with(DECISION_DOCUMENT_NUMBER, "龙发改信用〔2024〕3号")
                .with(DECISION_DATE, "2024-01-10")
                .with(DECISION_AUTHORITY, "龙岩市发展和改革委员会")
                .with(LIST_REASON, "2023年度纳税信用A级")
                .with(LIST_INCLUSION_DATE, "2024-01-10");
    }

    private static Rows penalty() {
        return new Rows(Category.PENALTY)
                .withDecision()
                .with(DECISION_DOCUMENT_NAME, "行政处罚决定书")
                .with(DECISION_DOCUMENT_NUMBER, "龙市监罚〔2024〕12号")
                .with(DECISION_DATE, "2024-03-15")
                .with(DECISION_CONTENT, "警告，罚款2000元")
                .with(PENALTY_VIOLATION_TYPE, "产品质量违法")
                .with(PENALTY_FACTS, "销售不合格建筑用砂")
                .with(PENALTY_LEGAL_BASIS, "《中华人民共和国产品质量法》第四十九条")
                .with(PENALTY_KINDS, "警告、罚款")
                .with(PENALTY_FINE, "0.2")
                .with(PENALTY_PUBLICITY_DEADLINE, "2024-09-15");
    }

    private Rows withDecision() {
        return with(DECISION_AUTHORITY, "龙岩市市场监督管理局")
                .with(DECISION_AUTHORITY_CODE, AUTHORITY_CODE)
                .with(DECISION_SOURCE_DEPARTMENT, "龙岩市市场监督管理局")
                .with(DECISION_SOURCE_DEPARTMENT_CODE, SOURCE_DEPARTMENT_CODE)
                .with(DECISION_STATUS, "1");
    }

    Rows with(CanonicalField field, String value) {
        values.put(field, value);
        return this;
    }

    Rows without(CanonicalField field) {
        values.remove(field);
        return this;
    }

    /** As if the file's layout had no column for the field at all. */
    Rows withoutColumn(CanonicalField field) {
        values.remove(field);
        labels.remove(field);
        return this;
    }

    Rows withMappingViolation(Violation violation) {
        mappingViolations.add(violation);
        return this;
    }

    MappedRow build() {
        return new MappedRow(category, values, labels, PROVENANCE, mappingViolations);
    }
}
