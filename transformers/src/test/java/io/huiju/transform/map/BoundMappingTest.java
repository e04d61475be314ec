package io.huiju.transform.map;

import static io.huiju.transform.CanonicalField.DECISION_AUTHORITY_CODE;
import static io.huiju.transform.CanonicalField.DECISION_DATE;
import static io.huiju.transform.CanonicalField.DECISION_DOCUMENT_NAME;
import static io.huiju.transform.CanonicalField.DECISION_DOCUMENT_NUMBER;
import static io.huiju.transform.CanonicalField.DECISION_SOURCE_DEPARTMENT;
import static io.huiju.transform.CanonicalField.DECISION_STATUS;
import static io.huiju.transform.CanonicalField.PENALTY_FINE;
import static io.huiju.transform.CanonicalField.SUBJECT_ID_NUMBER;
import static io.huiju.transform.CanonicalField.SUBJECT_KIND;
import static io.huiju.transform.CanonicalField.SUBJECT_NAME;
import static io.huiju.transform.CanonicalField.SUBJECT_USCC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huiju.model.Category;
import io.huiju.model.Channel;
import io.huiju.model.Provenance;
import io.huiju.model.Violation;
import io.huiju.transform.MappedRow;
import io.huiju.transform.RawRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BoundMappingTest {

    private static final String MAPPING =
            """
            name: test-penalty
            category: PENALTY
            inferSubjectKind: true
            dateFormats: [yyyy-MM-dd, yyyy/MM/dd, yyyyMMdd, "yyyy年M月d日", "yyyy-MM-dd HH:mm:ss"]
            columns:
              subject.name: [行政相对人名称, CF_XDR_MC]
              subject.kind: [行政相对人类别]
              subject.uscc: [统一社会信用代码, CF_XDR_SHXYM]
              subject.idNumber: [证件号码, CF_XDR_SFZ]
              decision.documentNumber: [行政处罚决定书文号, CF_WSH]
              decision.date: [处罚决定日期, CF_JDRQ]
              decision.authority: [处罚机关, CF_CFJG]
              decision.authorityCode: [处罚机关统一社会信用代码, CF_CFJGDM]
              decision.status: [当前状态]
              penalty.fine: [罚款金额（万元）, 罚款金额]
            codeTables:
              decision.status: {"1": 有效, "2": 无效}
            defaults:
              decision.documentName: 行政处罚决定书
              decision.authorityCode: "{department.uscc}"
              decision.sourceDepartment: "{department.name}（{department.code}）"
            """;

    private static final Map<String, String> DEPARTMENT =
            Map.of("code", "longyan-scjgj", "name", "龙岩市市场监督管理局", "uscc", "11350800MB0281236E");

    private static final Provenance PROVENANCE = new Provenance(
            "longyan-scjgj", "350800", Channel.FILE, "payload-1", 7, Instant.parse("2024-05-31T02:00:00Z"));

    /** Every identifying column, under the Chinese headers of the template. */
    private static final List<String> HEADER = List.of("行政相对人名称", "行政处罚决定书文号", "处罚决定日期", "处罚机关", "处罚机关统一社会信用代码");

    @TempDir
    Path dir;

    private Mapping mapping;

    @BeforeEach
    void loadMapping() throws IOException {
        mapping = MappingLoader.load(Files.writeString(dir.resolve("test-penalty.yaml"), MAPPING));
    }

    /** Binds the header of the row's keys and maps the row. */
    private MappedRow map(Map<String, String> row) {
        return mapping.bind(List.copyOf(row.keySet()), DEPARTMENT).map(RawRecord.of(7, row), PROVENANCE);
    }

    /** A row under {@link #HEADER} plus the given extra columns (header, value, header, value…). */
    private static Map<String, String> row(String... extra) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("行政相对人名称", "龙岩市某某建材有限公司");
        row.put("行政处罚决定书文号", "龙市监罚〔2024〕12号");
        row.put("处罚决定日期", "2024-03-15");
        row.put("处罚机关", "龙岩市市场监督管理局");
        row.put("处罚机关统一社会信用代码", "11350800MB0281236E");
        for (int i = 0; i < extra.length; i += 2) {
            row.put(extra[i], extra[i + 1]);
        }
        return row;
    }

    @Test
    void headersMatchAliasesWhateverTheirWidthSpacingAndCase() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("罚款金额(万元)", "0.2");
        row.put("cf_wsh", "龙市监罚〔2024〕12号");
        row.put(" 行政相对人 名称 ", "龙岩市某某建材有限公司");
        row.put("ＣＦ＿ＪＤＲＱ", "2024-03-15");

        BoundMapping bound = mapping.bind(List.copyOf(row.keySet()), DEPARTMENT);
        MappedRow mapped = bound.map(RawRecord.of(7, row), PROVENANCE);

        assertThat(bound.unknownColumns()).isEmpty();
        assertThat(mapped.sourceColumns())
                .containsEntry(PENALTY_FINE, "罚款金额(万元)")
                .containsEntry(DECISION_DOCUMENT_NUMBER, "cf_wsh")
                .containsEntry(SUBJECT_NAME, " 行政相对人 名称 ")
                .containsEntry(DECISION_DATE, "ＣＦ＿ＪＤＲＱ");
        assertThat(mapped.get(PENALTY_FINE)).isEqualTo("0.2");
        assertThat(mapped.get(DECISION_DOCUMENT_NUMBER)).isEqualTo("龙市监罚〔2024〕12号");
        assertThat(mapped.get(SUBJECT_NAME)).isEqualTo("龙岩市某某建材有限公司");
        assertThat(mapped.get(DECISION_DATE)).isEqualTo("2024-03-15");
    }

    @Test
    void theFirstAliasPresentInTheHeaderWins() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("CF_XDR_MC", "from the field code");
        row.putAll(row());
        row.put("罚款金额", "9");
        row.put("罚款金额（万元）", "0.2");

        MappedRow mapped = map(row);

        assertThat(mapped.sourceColumns())
                .containsEntry(SUBJECT_NAME, "行政相对人名称")
                .containsEntry(PENALTY_FINE, "罚款金额（万元）");
        assertThat(mapped.get(SUBJECT_NAME)).isEqualTo("龙岩市某某建材有限公司");
        assertThat(mapped.get(PENALTY_FINE)).isEqualTo("0.2");
    }

    @Test
    void columnsTheMappingDoesNotReadAreListedAsUnknownInHeaderOrder() {
        List<String> header = new ArrayList<>(HEADER);
        header.add(1, "DFBM");
        header.add("");
        header.add("SJC");

        BoundMapping bound = mapping.bind(header, DEPARTMENT);

        assertThat(bound.unknownColumns()).containsExactly("DFBM", "SJC");
    }

    @Test
    void aHeaderWithEveryIdentifyingColumnIsAccepted() throws MissingColumnsException {
        BoundMapping bound = mapping.bind(HEADER, DEPARTMENT);

        assertThat(bound.requireIdentifyingColumns()).isSameAs(bound);
    }

    @Test
    void aHeaderLackingAnIdentifyingColumnIsRejectedNamingIt() {
        List<String> header = new ArrayList<>(HEADER);
        header.remove("行政处罚决定书文号");
        BoundMapping bound = mapping.bind(header, DEPARTMENT);

        assertThatThrownBy(bound::requireIdentifyingColumns)
                .isInstanceOfSatisfying(MissingColumnsException.class, e -> assertThat(e.missing())
                        .containsExactly("行政处罚决定书文号"))
                .hasMessageContaining("行政处罚决定书文号")
                .hasMessageContaining("test-penalty");
    }

    @Test
    void theRequiredColumnsAreTheIdentifyingOnesTheMappingDoesNotDefault() throws MissingColumnsException {
        List<String> required = mapping.requiredColumns();

        assertThat(required).containsExactly("行政相对人名称", "行政处罚决定书文号", "处罚决定日期", "处罚机关");
        BoundMapping bound = mapping.bind(required, DEPARTMENT);
        assertThat(bound.requireIdentifyingColumns()).isSameAs(bound);
    }

    @Test
    void aDefaultedIdentifyingColumnMayBeMissingFromTheHeader() throws MissingColumnsException {
        List<String> header = new ArrayList<>(HEADER);
        header.remove("处罚机关统一社会信用代码");
        BoundMapping bound = mapping.bind(header, DEPARTMENT);

        assertThat(bound.requireIdentifyingColumns()).isSameAs(bound);
    }

    @Test
    void defaultsFillAbsentFieldsWithTheDepartmentSubstituted() {
        Map<String, String> row = row();
        row.remove("处罚机关统一社会信用代码");

        MappedRow mapped = map(row);

        assertThat(mapped.get(DECISION_DOCUMENT_NAME)).isEqualTo("行政处罚决定书");
        assertThat(mapped.get(DECISION_AUTHORITY_CODE)).isEqualTo("11350800MB0281236E");
        assertThat(mapped.get(DECISION_SOURCE_DEPARTMENT)).isEqualTo("龙岩市市场监督管理局（longyan-scjgj）");
    }

    @Test
    void aDefaultFillsABlankCellButNotAFilledOne() {
        MappedRow blank = map(row("处罚机关统一社会信用代码", "  "));
        MappedRow filled = map(row("处罚机关统一社会信用代码", "12350800MB0281236X"));

        assertThat(blank.get(DECISION_AUTHORITY_CODE)).isEqualTo("11350800MB0281236E");
        assertThat(filled.get(DECISION_AUTHORITY_CODE)).isEqualTo("12350800MB0281236X");
    }

    @Test
    void codeTablesTranslateTheDepartmentsValuesAndPassOthersThrough() {
        assertThat(map(row("当前状态", "1")).get(DECISION_STATUS)).isEqualTo("有效");
        assertThat(map(row("当前状态", " 2 ")).get(DECISION_STATUS)).isEqualTo("无效");
        assertThat(map(row("当前状态", "有效")).get(DECISION_STATUS)).isEqualTo("有效");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-05", "2024/03/05", "20240305", "2024年3月5日", "2024-03-05 10:30:00", " ２０２４-０３-０５ "})
    void datesInEachConfiguredFormatComeOutIso(String date) {
        MappedRow mapped = map(row("处罚决定日期", date));

        assertThat(mapped.violations()).isEmpty();
        assertThat(mapped.get(DECISION_DATE)).isEqualTo("2024-03-05");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-02-30", "2023/02/29", "2024-3-5", "05/03/2024"})
    void aDateNoFormatReadsIsAViolationNamingColumnAndValueAndLeavesTheFieldEmpty(String date) {
        MappedRow mapped = map(row("处罚决定日期", date));

        assertThat(mapped.get(DECISION_DATE)).isNull();
        assertThat(mapped.values()).doesNotContainKey(DECISION_DATE);
        assertThat(mapped.violations()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo("DATE_FORMAT");
            assertThat(v.field()).isEqualTo("处罚决定日期");
            assertThat(v.isError()).isTrue();
            assertThat(v.reason()).contains("处罚决定日期").contains(date);
        });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"1,000.5|1000.5", "0.2万元|0.2", "0.2 万元|0.2", " 12 |12", "１,０００|1000"})
    void amountsLoseThousandsSeparatorsAndTheirUnit(String amount, String expected) {
        assertThat(map(row("罚款金额（万元）", amount)).get(PENALTY_FINE)).isEqualTo(expected);
    }

    @Test
    void codesAreUpperCasedWithoutSpacesOrHyphens() {
        MappedRow mapped = map(row("统一社会信用代码", " 91350802 ma2xy3k1-xh\u3000"));

        assertThat(mapped.get(SUBJECT_USCC)).isEqualTo("91350802MA2XY3K1XH");
    }

    @Test
    void aRowWithAnIdNumberAndNoCreditCodeIsInferredANaturalPerson() {
        MappedRow mapped = map(row("统一社会信用代码", "", "证件号码", "350821198512300042"));

        assertThat(mapped.get(SUBJECT_KIND)).isEqualTo("自然人");
        assertThat(mapped.get(SUBJECT_ID_NUMBER)).isEqualTo("350821198512300042");
    }

    @Test
    void aRowWithA92CreditCodeIsInferredAnIndividualBusiness() {
        MappedRow mapped = map(row("统一社会信用代码", "92350802MA2XY8K132", "证件号码", "350821198512300042"));

        assertThat(mapped.get(SUBJECT_KIND)).isEqualTo("个体工商户");
    }

    @Test
    void anyOtherRowIsInferredALegalPerson() {
        assertThat(map(row("统一社会信用代码", "91350802MA2XY3K1XH")).get(SUBJECT_KIND)).isEqualTo("法人及非法人组织");
        assertThat(map(row()).get(SUBJECT_KIND)).isEqualTo("法人及非法人组织");
    }

    @Test
    void aSubjectKindTheRowGivesIsNotInferred() {
        MappedRow mapped = map(row("行政相对人类别", "自然人", "统一社会信用代码", "91350802MA2XY3K1XH"));

        assertThat(mapped.get(SUBJECT_KIND)).isEqualTo("自然人");
    }

    @Test
    void aMappingThatDoesNotInferLeavesTheKindEmpty() throws IOException {
        Mapping plain = MappingLoader.load(Files.writeString(
                dir.resolve("plain.yaml"), MAPPING.replace("inferSubjectKind: true", "inferSubjectKind: false")));

        MappedRow mapped = plain.bind(HEADER, DEPARTMENT).map(RawRecord.of(7, row()), PROVENANCE);

        assertThat(mapped.get(SUBJECT_KIND)).isNull();
    }

    @Test
    void aDefectiveRawRecordBecomesAViolationWithItsCode() {
        RawRecord raw = RawRecord.defective(7, row(), "COLUMN_COUNT", "本行有6列，表头有5列");

        MappedRow mapped = mapping.bind(HEADER, DEPARTMENT).map(raw, PROVENANCE);

        assertThat(mapped.violations()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo("COLUMN_COUNT");
            assertThat(v.isError()).isTrue();
            assertThat(v.field()).contains("7");
            assertThat(v.reason()).isEqualTo("本行有6列，表头有5列");
        });
    }

    @Test
    void aMappedRowCarriesTheCategoryAndProvenance() {
        MappedRow mapped = map(row());

        assertThat(mapped.category()).isEqualTo(Category.PENALTY);
        assertThat(mapped.provenance()).isEqualTo(PROVENANCE);
        assertThat(mapped.violations()).extracting(Violation::code).isEmpty();
    }
}
