package io.huiju.transform.map;

import static io.huiju.transform.CanonicalField.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.huiju.model.Category;
import io.huiju.model.Channel;
import io.huiju.model.CreditRecord;
import io.huiju.model.Provenance;
import io.huiju.model.SubjectKind;
import io.huiju.model.code.OrgCode;
import io.huiju.model.code.ResidentId;
import io.huiju.model.code.Uscc;
import io.huiju.transform.MappedRow;
import io.huiju.transform.RawRecord;
import io.huiju.transform.validate.RecordValidator;
import io.huiju.transform.validate.ValidationResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The mapping files in {@code mappings/} as shipped: each loads, reads its layout, and yields records that validate. */
class ShippedMappingsTest {

    // 罚款, a 福建 city's market regulator, a company and a person of 长汀县; check characters computed, not typed.
    private static final String AUTHORITY_USCC = uscc("11350800", "MB028123");
    private static final String COMPANY_USCC = uscc("91350802", "MA2XY3K1");
    private static final String PERSON_ID = residentId("35082119851230004");

    private static final Map<String, String> DEPARTMENT =
            Map.of("code", "longyan-scjgj", "name", "龙岩市市场监督管理局", "uscc", AUTHORITY_USCC);

    private static final Provenance PROVENANCE = new Provenance(
            "longyan-scjgj", "350800", Channel.FILE, "payload-1", 2, Instant.parse("2024-05-31T02:00:00Z"));

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private static MappingRegistry registry;

    private final RecordValidator validator = new RecordValidator(CLOCK);

    @BeforeAll
    static void loadShippedMappings() {
        // Surefire runs in the module directory; the mappings live beside the modules.
        registry = MappingRegistry.load(Path.of("../mappings"));
    }

    private static String uscc(String first8, String orgBody) {
        String first17 = first8 + orgBody + OrgCode.checkCharacter(orgBody);
        return first17 + Uscc.checkCharacter(first17);
    }

    private static String residentId(String first17) {
        return first17 + ResidentId.checkCharacter(first17);
    }

    /** Header, value, header, value… in column order. */
    private static Map<String, String> row(String... columns) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.length; i += 2) {
            row.put(columns[i], columns[i + 1]);
        }
        return row;
    }

    /** The row under a header of its own columns, as a payload would bring it; the header must identify records. */
    private static MappedRow map(String mapping, Map<String, String> row) {
        BoundMapping bound = registry.get(mapping).bind(List.copyOf(row.keySet()), DEPARTMENT);
        try {
            bound.requireIdentifyingColumns();
        } catch (MissingColumnsException e) {
            throw new AssertionError(mapping + ": " + e.getMessage(), e);
        }
        return bound.map(RawRecord.of(2, row), PROVENANCE);
    }

    private CreditRecord accepted(MappedRow row) {
        ValidationResult result = validator.validate(row);
        assertThat(result.errors()).as("errors").isEmpty();
        assertThat(result.accepted()).isTrue();
        return result.record();
    }

    @Test
    void theFixtureCodesAreValid() {
        assertThat(AUTHORITY_USCC).isEqualTo("11350800MB0281236E");
        assertThat(COMPANY_USCC).isEqualTo("91350802MA2XY3K1XH");
        assertThat(PERSON_ID).isEqualTo("350821198512300042");
        assertThat(Uscc.isValid(AUTHORITY_USCC)).isTrue();
        assertThat(Uscc.isValid(COMPANY_USCC)).isTrue();
        assertThat(ResidentId.isValid(PERSON_ID, LocalDate.now(CLOCK))).isTrue();
    }

    @Test
    void allSixShippedMappingsLoad() {
        assertThat(registry.names())
                .containsExactlyInAnyOrder(
                        "national-penalty",
                        "national-license",
                        "legacy-2016-penalty",
                        "legacy-2016-license",
                        "national-red-list",
                        "national-black-list");
        assertThat(registry.get("national-penalty").category()).isEqualTo(Category.PENALTY);
        assertThat(registry.get("national-license").category()).isEqualTo(Category.LICENSE);
        assertThat(registry.get("legacy-2016-penalty").category()).isEqualTo(Category.PENALTY);
        assertThat(registry.get("legacy-2016-license").category()).isEqualTo(Category.LICENSE);
        assertThat(registry.get("national-red-list").category()).isEqualTo(Category.RED_LIST);
        assertThat(registry.get("national-black-list").category()).isEqualTo(Category.BLACK_LIST);
    }

    // Chinese header, national field code, value: one penalty of the national layout.
    private static final String[][] NATIONAL_PENALTY = {
        {"行政相对人名称", "CF_XDR_MC", "龙岩市某某建材有限公司"},
        {"行政相对人类别", "CF_XDR_LB", "法人及非法人组织"},
        {"统一社会信用代码", "CF_XDR_SHXYM", COMPANY_USCC},
        {"法定代表人", "CF_FRDB", "张三"},
        {"行政处罚决定书文号", "CF_WSH", "龙市监罚〔2024〕12号"},
        {"违法行为类型", "CF_WFXW", "产品质量违法"},
        {"违法事实", "CF_SY", "销售不合格建筑用砂"},
        {"处罚依据", "CF_YJ", "《中华人民共和国产品质量法》第四十九条"},
        {"处罚类别", "CF_CFLB", "警告、罚款"},
        {"处罚内容", "CF_NR", "警告，罚款2000元"},
        {"罚款金额（万元）", "CF_NR_FK", "0.2"},
        {"处罚决定日期", "CF_JDRQ", "2024/03/15"},
        {"处罚有效期", "CF_YXQ", "2025-03-15"},
        {"公示截止期", "CF_GSJZQ", "2024年9月15日"},
        {"处罚机关", "CF_CFJG", "龙岩市市场监督管理局"},
        {"处罚机关统一社会信用代码", "CF_CFJGDM", AUTHORITY_USCC},
        {"数据来源单位", "CF_SJLY", "龙岩市市场监督管理局"},
        {"数据来源单位统一社会信用代码", "CF_SJLYDM", AUTHORITY_USCC},
        {"备注", "BZ", "无"}
    };

    // Chinese header, national field code, value: one license of the national layout.
    private static final String[][] NATIONAL_LICENSE = {
        {"行政相对人名称", "XK_XDR_MC", "龙岩市某某食品有限公司"},
        {"行政相对人类别", "XK_XDR_LB", "法人及非法人组织"},
        {"统一社会信用代码", "XK_XDR_SHXYM", COMPANY_USCC},
        {"法定代表人", "XK_FRDB", "张三"},
        {"行政许可决定文书名称", "XK_XKWS", "食品经营许可决定书"},
        {"行政许可决定文书号", "XK_WSH", "龙市监食许〔2024〕88号"},
        {"许可类别", "XK_XKLB", "普通"},
        {"许可证书名称", "XK_XKZS", "食品经营许可证"},
        {"许可编号", "XK_XKBH", "JY13508020012345"},
        {"许可内容", "XK_NR", "预包装食品销售"},
        {"许可决定日期", "XK_JDRQ", "20240201"},
        {"有效期自", "XK_YXQZ", "2024-02-01"},
        {"有效期至", "XK_YXQZI", "2029-01-31"},
        {"许可机关", "XK_XKJG", "龙岩市市场监督管理局"},
        {"许可机关统一社会信用代码", "XK_XKJGDM", AUTHORITY_USCC},
        {"当前状态", "XK_ZT", "1"},
        {"数据来源单位", "XK_LYDW", "龙岩市市场监督管理局"},
        {"数据来源单位统一社会信用代码", "XK_LYDWDM", AUTHORITY_USCC},
        {"备注", "BZ", "无"}
    };

    /** The table's rows under one of its header columns (0: Chinese, 1: field code). */
    private static Map<String, String> row(String[][] table, int headerColumn) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String[] column : table) {
            row.put(column[headerColumn], column[2]);
        }
        return row;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"2024-03-15", "2024/03/15", "2024/3/15", "2024.3.15", "2024.03.15", "2024年3月15日", "20240315"})
    void datesTypedInTheCommonChineseFormsReadAlike(String typed) {
        Map<String, String> row = row(NATIONAL_PENALTY, 0);
        row.put("处罚决定日期", typed);

        MappedRow mapped = map("national-penalty", row);

        assertThat(mapped.violations()).isEmpty();
        assertThat(mapped.values()).containsEntry(DECISION_DATE, "2024-03-15");
    }

    @Test
    void nationalPenaltyReadsChineseHeadersAndCfCodesAlike() {
        BoundMapping byCode = registry.get("national-penalty")
                .bind(List.copyOf(row(NATIONAL_PENALTY, 1).keySet()), DEPARTMENT);
        MappedRow chinese = map("national-penalty", row(NATIONAL_PENALTY, 0));
        MappedRow codes = map("national-penalty", row(NATIONAL_PENALTY, 1));

        assertThat(byCode.unknownColumns()).isEmpty();
        assertThat(codes.values()).isEqualTo(chinese.values());
        assertThat(codes.violations()).isEmpty();
        assertThat(codes.values())
                .containsEntry(SUBJECT_NAME, "龙岩市某某建材有限公司")
                .containsEntry(SUBJECT_USCC, COMPANY_USCC)
                .containsEntry(DECISION_DOCUMENT_NAME, "行政处罚决定书")
                .containsEntry(DECISION_DOCUMENT_NUMBER, "龙市监罚〔2024〕12号")
                .containsEntry(PENALTY_KINDS, "警告、罚款")
                .containsEntry(PENALTY_FINE, "0.2")
                .containsEntry(DECISION_DATE, "2024-03-15")
                .containsEntry(DECISION_VALID_TO, "2025-03-15")
                .containsEntry(PENALTY_PUBLICITY_DEADLINE, "2024-09-15")
                .containsEntry(DECISION_AUTHORITY_CODE, AUTHORITY_USCC)
                .containsEntry(DECISION_REMARKS, "无");
        assertThat(codes.label(DECISION_DATE)).isEqualTo("CF_JDRQ");
        assertThat(chinese.label(DECISION_DATE)).isEqualTo("处罚决定日期");
    }

    @Test
    void nationalLicenseReadsChineseHeadersAndXkCodesAlike() {
        BoundMapping byCode = registry.get("national-license")
                .bind(List.copyOf(row(NATIONAL_LICENSE, 1).keySet()), DEPARTMENT);
        MappedRow chinese = map("national-license", row(NATIONAL_LICENSE, 0));
        MappedRow codes = map("national-license", row(NATIONAL_LICENSE, 1));

        assertThat(byCode.unknownColumns()).isEmpty();
        assertThat(codes.values()).isEqualTo(chinese.values());
        assertThat(codes.violations()).isEmpty();
        assertThat(codes.values())
                .containsEntry(SUBJECT_NAME, "龙岩市某某食品有限公司")
                .containsEntry(DECISION_DOCUMENT_NUMBER, "龙市监食许〔2024〕88号")
                .containsEntry(LICENSE_NUMBER, "JY13508020012345")
                .containsEntry(DECISION_DATE, "2024-02-01")
                .containsEntry(DECISION_VALID_FROM, "2024-02-01")
                .containsEntry(DECISION_VALID_TO, "2029-01-31")
                .containsEntry(DECISION_STATUS, "有效")
                .containsEntry(DECISION_AUTHORITY_CODE, AUTHORITY_USCC);
    }

    /** A 2016-era penalty of a person: no subject kind, no authority code, 处罚决定日期 as yyyyMMdd. */
    private static Map<String, String> legacyPenaltyOfAPerson() {
        return row(
                "CF_WSH", "龙市监罚〔2024〕15号",
                "CF_CFMC", "行政处罚决定书",
                "CF_CFLB1", "警告",
                "CF_SY", "未按规定公示健康证明",
                "CF_YJ", "《中华人民共和国食品安全法》第一百二十六条",
                "CF_XDR_MC", "李四",
                "CF_XDR_SFZ", PERSON_ID,
                "CF_JG", "警告",
                "CF_JDRQ", "20240305",
                "CF_XZJG", "龙岩市市场监督管理局",
                "CF_ZT", "有效",
                "DFBM", "350800",
                "SJC", "2024-03-06 10:00:00");
    }

    @Test
    void legacyPenaltyInfersTheKindAndTakesTheAuthorityCodeFromTheDepartment() {
        BoundMapping bound = registry.get("legacy-2016-penalty")
                .bind(List.copyOf(legacyPenaltyOfAPerson().keySet()), DEPARTMENT);
        MappedRow mapped = map("legacy-2016-penalty", legacyPenaltyOfAPerson());

        assertThat(bound.unknownColumns()).containsExactly("DFBM", "SJC");
        assertThat(mapped.violations()).isEmpty();
        assertThat(mapped.values())
                .containsEntry(SUBJECT_KIND, "自然人")
                .containsEntry(SUBJECT_NAME, "李四")
                .containsEntry(SUBJECT_ID_TYPE, "身份证")
                .containsEntry(SUBJECT_ID_NUMBER, PERSON_ID)
                .containsEntry(DECISION_DOCUMENT_NUMBER, "龙市监罚〔2024〕15号")
                .containsEntry(DECISION_DATE, "2024-03-05")
                .containsEntry(DECISION_AUTHORITY, "龙岩市市场监督管理局")
                .containsEntry(DECISION_AUTHORITY_CODE, AUTHORITY_USCC)
                .containsEntry(DECISION_SOURCE_DEPARTMENT, "龙岩市市场监督管理局")
                .containsEntry(DECISION_SOURCE_DEPARTMENT_CODE, AUTHORITY_USCC)
                .containsEntry(PENALTY_KINDS, "警告");
    }

    @Test
    void aValidNationalPenaltyIsAccepted() {
        CreditRecord record = accepted(map("national-penalty", row(NATIONAL_PENALTY, 1)));

        assertThat(record.category()).isEqualTo(Category.PENALTY);
        assertThat(record.subject().kind()).isEqualTo(SubjectKind.LEGAL_PERSON);
        assertThat(record.subject().uscc()).isEqualTo(COMPANY_USCC);
        assertThat(record.decision().date()).isEqualTo(LocalDate.of(2024, 3, 15));
        assertThat(record.decision().authorityCode()).isEqualTo(AUTHORITY_USCC);
    }

    @Test
    void aValidNationalLicenseIsAccepted() {
        CreditRecord record = accepted(map("national-license", row(NATIONAL_LICENSE, 0)));

        assertThat(record.category()).isEqualTo(Category.LICENSE);
        assertThat(record.subject().uscc()).isEqualTo(COMPANY_USCC);
        assertThat(record.decision().validFrom()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(record.decision().status()).isEqualTo("有效");
    }

    @Test
    void aValidLegacyPenaltyOfAPersonIsAccepted() {
        CreditRecord record = accepted(map("legacy-2016-penalty", legacyPenaltyOfAPerson()));

        assertThat(record.subject().kind()).isEqualTo(SubjectKind.NATURAL_PERSON);
        assertThat(record.subject().idNumber()).isEqualTo(PERSON_ID);
        assertThat(record.decision().authorityCode()).isEqualTo(AUTHORITY_USCC);
        assertThat(record.decision().date()).isEqualTo(LocalDate.of(2024, 3, 5));
    }

    @Test
    void aValidLegacyPenaltyOfACompanyIsAccepted() {
        Map<String, String> row = legacyPenaltyOfAPerson();
        row.remove("CF_XDR_SFZ");
        row.put("CF_XDR_MC", "龙岩市某某建材有限公司");
        row.put("CF_XDR_SHXYM", COMPANY_USCC);
        row.put("CF_FR", "张三");

        CreditRecord record = accepted(map("legacy-2016-penalty", row));

        assertThat(record.subject().kind()).isEqualTo(SubjectKind.LEGAL_PERSON);
        assertThat(record.subject().uscc()).isEqualTo(COMPANY_USCC);
        assertThat(record.decision().authorityCode()).isEqualTo(AUTHORITY_USCC);
    }

    @Test
    void aValidLegacyLicenseIsAccepted() {
        MappedRow mapped = map(
                "legacy-2016-license",
                row(
                        "XK_WSH", "龙市监食许〔2016〕88号",
                        "XK_XMMC", "食品经营许可",
                        "XK_SPLB", "普通",
                        "XK_NR", "预包装食品销售",
                        "XK_XDR", "龙岩市某某食品有限公司",
                        "XK_XDR_SHXYM", COMPANY_USCC,
                        "XK_FR", "张三",
                        "XK_JDRQ", "2016/05/10",
                        "XK_JZQ", "2021/05/09",
                        "XK_XZJG", "龙岩市市场监督管理局",
                        "XK_ZT", "1"));

        CreditRecord record = accepted(mapped);

        assertThat(record.subject().kind()).isEqualTo(SubjectKind.LEGAL_PERSON);
        assertThat(record.decision().authorityCode()).isEqualTo(AUTHORITY_USCC);
        assertThat(record.decision().date()).isEqualTo(LocalDate.of(2016, 5, 10));
    }

    @Test
    void aValidRedListEntryIsAccepted() {
        CreditRecord record = accepted(map(
                "national-red-list",
                row(
                        "主体名称", "龙岩市某某建材有限公司",
                        "主体类别", "法人及非法人组织",
                        "统一社会信用代码", COMPANY_USCC,
                        "认定依据", "2023年度纳税信用A级",
                        "认定文号", "龙发改信用〔2024〕3号",
                        "认定部门", "龙岩市市场监督管理局",
                        "认定部门统一社会信用代码", AUTHORITY_USCC,
                        "认定日期", "2024.01.10",
                        "列入日期", "2024-01-10")));

        assertThat(record.category()).isEqualTo(Category.RED_LIST);
        assertThat(record.decision().documentName()).isEqualTo("认定决定书");
    }

    @Test
    void aValidBlackListEntryIsAccepted() {
        CreditRecord record = accepted(map(
                "national-black-list",
                row(
                        "姓名", "李四",
                        "主体类别", "自然人",
                        "居民身份证号", PERSON_ID,
                        "认定事由", "拒不履行生效判决",
                        "认定文号", "龙市监失〔2024〕5号",
                        "认定单位", "龙岩市市场监督管理局",
                        "认定单位统一社会信用代码", AUTHORITY_USCC,
                        "认定时间", "2024年1月10日",
                        "列入名单日期", "2024/01/10")));

        assertThat(record.category()).isEqualTo(Category.BLACK_LIST);
        assertThat(record.subject().kind()).isEqualTo(SubjectKind.NATURAL_PERSON);
    }
}
