package io.huiju.transform.template;

import static io.huiju.transform.CanonicalField.*;

import io.huiju.model.Category;
import io.huiju.model.SubjectKind;
import io.huiju.model.code.OrgCode;
import io.huiju.model.code.ResidentId;
import io.huiju.model.code.Uscc;
import io.huiju.transform.CanonicalField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Rows a department would fill into a template: a company, a person and an individual business, valid for the hub's
 * rules on 2024-06-01. Values are what a user types: text, dates as dates, amounts as numbers. A layout without a
 * column for a field simply does not get that value.
 */
final class SampleRecords {

    // Check characters computed, not typed, as in ShippedMappingsTest.
    static final String AUTHORITY_USCC = uscc("11350800", "MB028123");
    static final String COMPANY_USCC = uscc("91350802", "MA2XY3K1");
    static final String BUSINESS_USCC = uscc("92350821", "MA31PQ4D");
    static final String PERSON_ID = residentId("35082119851230004");
    static final String LEGAL_REP_ID = residentId("35080219780415002");

    private SampleRecords() {}

    static List<Map<CanonicalField, Object>> rows(Category category) {
        return List.of(company(category), person(category), business(category));
    }

    /** A company whose credit code has a wrong check character: read as written, rejected by the validator. */
    static Map<CanonicalField, Object> withWrongCheckCharacter(Category category) {
        Map<CanonicalField, Object> row = company(category);
        String wrong = COMPANY_USCC.substring(0, 17) + (COMPANY_USCC.endsWith("1") ? "2" : "1");
        row.put(SUBJECT_USCC, wrong);
        row.put(SUBJECT_ORG_CODE, Uscc.orgCode(wrong));
        row.put(SUBJECT_NAME, "龙岩市某某校验位错误有限公司");
        row.put(DECISION_DOCUMENT_NUMBER, documentNumber(category, 9));
        return row;
    }

    private static Map<CanonicalField, Object> company(Category category) {
        Map<CanonicalField, Object> row = common(category, SubjectKind.LEGAL_PERSON, 1, LocalDate.of(2024, 3, 5));
        row.put(SUBJECT_NAME, "龙岩市某某建材有限公司");
        row.put(SUBJECT_USCC, COMPANY_USCC);
        row.put(SUBJECT_ORG_CODE, Uscc.orgCode(COMPANY_USCC));
        row.put(SUBJECT_LEGAL_REPRESENTATIVE, "李某");
        row.put(SUBJECT_LEGAL_REP_ID_TYPE, "身份证");
        row.put(SUBJECT_LEGAL_REP_ID_NUMBER, LEGAL_REP_ID);
        if (category == Category.PENALTY) {
            row.put(PENALTY_KINDS, "警告、罚款");
            row.put(DECISION_CONTENT, "警告，罚款2000元，没收违法所得500元");
            row.put(PENALTY_FINE, new BigDecimal("0.2"));
            row.put(PENALTY_CONFISCATED, new BigDecimal("0.05"));
        }
        return row;
    }

    private static Map<CanonicalField, Object> person(Category category) {
        Map<CanonicalField, Object> row = common(category, SubjectKind.NATURAL_PERSON, 2, LocalDate.of(2024, 4, 18));
        row.put(SUBJECT_NAME, "张某某");
        row.put(SUBJECT_ID_TYPE, "身份证");
        row.put(SUBJECT_ID_NUMBER, PERSON_ID);
        if (category == Category.PENALTY) {
            row.put(PENALTY_KINDS, "警告");
            row.put(DECISION_CONTENT, "警告");
        }
        return row;
    }

    private static Map<CanonicalField, Object> business(Category category) {
        Map<CanonicalField, Object> row =
                common(category, SubjectKind.INDIVIDUAL_BUSINESS, 3, LocalDate.of(2024, 5, 20));
        row.put(SUBJECT_NAME, "长汀县某某小吃店");
        row.put(SUBJECT_USCC, BUSINESS_USCC);
        row.put(SUBJECT_BUSINESS_REG_NO, "350821600123456");
        row.put(SUBJECT_LEGAL_REPRESENTATIVE, "王某");
        if (category == Category.PENALTY) {
            row.put(PENALTY_KINDS, "罚款");
            row.put(DECISION_CONTENT, "罚款1000元");
            row.put(PENALTY_FINE, new BigDecimal("0.1"));
        }
        return row;
    }

    private static Map<CanonicalField, Object> common(Category category, SubjectKind kind, int n, LocalDate date) {
        Map<CanonicalField, Object> row = new EnumMap<>(CanonicalField.class);
        row.put(SUBJECT_KIND, kind.label());
        row.put(DECISION_DOCUMENT_NUMBER, documentNumber(category, n));
        row.put(DECISION_DATE, date);
        row.put(DECISION_AUTHORITY, "龙岩市市场监督管理局");
        row.put(DECISION_AUTHORITY_CODE, AUTHORITY_USCC);
        row.put(DECISION_SOURCE_DEPARTMENT, "龙岩市市场监督管理局");
        row.put(DECISION_SOURCE_DEPARTMENT_CODE, AUTHORITY_USCC);
        row.put(DECISION_REMARKS, "第" + n + "条");
        switch (category) {
            case LICENSE -> {
                row.put(DECISION_DOCUMENT_NAME, "行政许可决定书");
                // The 2016 layout reads 有效期自 from 许可决定日期: the same date.
                row.put(DECISION_VALID_FROM, date);
                row.put(DECISION_VALID_TO, date.plusYears(5).minusDays(1));
                row.put(DECISION_STATUS, "有效");
                row.put(DECISION_CONTENT, "准予从事食品销售");
                row.put(LICENSE_CATEGORY, "普通");
                row.put(LICENSE_CERTIFICATE_NAME, "食品经营许可证");
                row.put(LICENSE_NUMBER, "JY1350802000012" + n);
            }
            case PENALTY -> {
                row.put(DECISION_DOCUMENT_NAME, "行政处罚决定书");
                row.put(DECISION_STATUS, "有效");
                row.put(PENALTY_VIOLATION_TYPE, "产品质量违法");
                row.put(PENALTY_FACTS, "销售不合格建筑用砂");
                row.put(PENALTY_LEGAL_BASIS, "《中华人民共和国产品质量法》第四十九条");
                row.put(DECISION_VALID_TO, date.plusYears(1));
                row.put(PENALTY_PUBLICITY_DEADLINE, date.plusMonths(6));
            }
            case RED_LIST, BLACK_LIST -> {
                row.put(LIST_REASON, "2023年度纳税信用A级");
                row.put(LIST_INCLUSION_DATE, date);
                row.put(DECISION_VALID_TO, date.plusYears(2));
            }
        }
        return row;
    }

    private static String documentNumber(Category category, int n) {
        return switch (category) {
            case LICENSE -> "龙市监许〔2024〕" + n + "号";
            case PENALTY -> "龙市监罚〔2024〕" + n + "号";
            case RED_LIST, BLACK_LIST -> "龙信认〔2024〕" + n + "号";
        };
    }

    /** The text the hub's mapping makes of a value as typed: dates ISO, amounts plain. */
    static String expected(Object value) {
        if (value instanceof BigDecimal amount) {
            return amount.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static String uscc(String first8, String orgBody) {
        String first17 = first8 + orgBody + OrgCode.checkCharacter(orgBody);
        return first17 + Uscc.checkCharacter(first17);
    }

    private static String residentId(String first17) {
        return first17 + ResidentId.checkCharacter(first17);
    }
}
