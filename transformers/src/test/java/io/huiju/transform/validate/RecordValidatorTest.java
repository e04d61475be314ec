package io.huiju.transform.validate;

import static io.huiju.transform.CanonicalField.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.huiju.model.Category;
import io.huiju.model.CreditRecord;
import io.huiju.model.Library;
import io.huiju.model.LicenseDetails;
import io.huiju.model.ListDetails;
import io.huiju.model.PenaltyDetails;
import io.huiju.model.SubjectKind;
import io.huiju.model.Violation;
import io.huiju.transform.CanonicalField;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordValidatorTest {

    // 2024-05-31 in UTC but already 2024-06-01 in Longyan: "today" is the clock zone's date.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-31T16:30:00Z"), ZoneId.of("Asia/Shanghai"));

    private final RecordValidator validator = new RecordValidator(CLOCK);

    private ValidationResult validate(Rows rows) {
        return validator.validate(rows.build());
    }

    /** Rejected with exactly these error codes, in order; returns the errors for checks on the reasons. */
    private List<Violation> rejected(Rows rows, String... codes) {
        ValidationResult result = validate(rows);
        assertThat(result.accepted()).as("accepted: %s", result.violations()).isFalse();
        assertThat(result.record()).isNull();
        assertThat(result.errors()).extracting(Violation::code).containsExactly(codes);
        return result.errors();
    }

    private static String reason(List<Violation> violations) {
        assertThat(violations).hasSize(1);
        return violations.get(0).reason();
    }

    @Nested
    class ValidRows {

        @Test
        void penaltyForALegalPersonBecomesARecord() {
            ValidationResult result = validate(Rows.penaltyForLegalPerson());

            assertThat(result.violations()).isEmpty();
            assertThat(result.accepted()).isTrue();
            CreditRecord record = result.record();
            assertThat(record.category()).isEqualTo(Category.PENALTY);
            assertThat(record.library()).isEqualTo(Library.LEGAL_PERSON);
            assertThat(record.subject().kind()).isEqualTo(SubjectKind.LEGAL_PERSON);
            assertThat(record.subject().name()).isEqualTo("龙岩市某某建材有限公司");
            assertThat(record.subject().uscc()).isEqualTo(Rows.COMPANY_USCC);
            assertThat(record.subject().legalRepresentative()).isEqualTo("张三");
            assertThat(record.subject().legalRepIdNumber()).isEqualTo(Rows.LEGAL_REP_ID);
            assertThat(record.subject().idType()).isNull();
            assertThat(record.subject().idNumber()).isNull();
            assertThat(record.decision().documentNumber()).isEqualTo("龙市监罚〔2024〕12号");
            assertThat(record.decision().date()).isEqualTo(LocalDate.of(2024, 3, 15));
            assertThat(record.decision().content()).isEqualTo("警告，罚款2000元");
            assertThat(record.decision().authority()).isEqualTo("龙岩市市场监督管理局");
            assertThat(record.decision().authorityCode()).isEqualTo(Rows.AUTHORITY_CODE);
            assertThat(record.decision().sourceDepartmentCode()).isEqualTo(Rows.SOURCE_DEPARTMENT_CODE);
            assertThat(record.decision().status()).isEqualTo("1");
            PenaltyDetails details = (PenaltyDetails) record.details();
            assertThat(details.kinds()).containsExactly("警告", "罚款");
            assertThat(details.fineAmount()).isEqualByComparingTo("0.2");
            assertThat(details.confiscatedAmount()).isNull();
            assertThat(details.facts()).isEqualTo("销售不合格建筑用砂");
            assertThat(details.legalBasis()).isEqualTo("《中华人民共和国产品质量法》第四十九条");
            assertThat(details.violationType()).isEqualTo("产品质量违法");
            assertThat(details.publicityDeadline()).isEqualTo(LocalDate.of(2024, 9, 15));
            assertThat(record.provenance()).isEqualTo(Rows.PROVENANCE);
            assertThat(record.identity().naturalKey())
                    .isEqualTo("CF|" + Rows.AUTHORITY_CODE + "|龙市监罚〔2024〕12号|" + Rows.COMPANY_USCC);
            assertThat(record.identity().version()).isZero();
        }

        @Test
        void penaltyForANaturalPersonGoesToTheNaturalPersonLibrary() {
            CreditRecord record = validate(Rows.penaltyForNaturalPerson()).record();

            assertThat(record.library()).isEqualTo(Library.NATURAL_PERSON);
            assertThat(record.subject().kind()).isEqualTo(SubjectKind.NATURAL_PERSON);
            assertThat(record.subject().name()).isEqualTo("李四");
            assertThat(record.subject().uscc()).isNull();
            assertThat(record.subject().idType()).isEqualTo("身份证");
            assertThat(record.subject().idNumber()).isEqualTo(Rows.PERSON_ID);
            assertThat(record.identity().naturalKey())
                    .isEqualTo("CF|" + Rows.AUTHORITY_CODE + "|龙市监罚〔2024〕12号|" + Rows.PERSON_ID);
        }

        @Test
        void aNaturalPersonsBlankIdTypeMeansIdCard() {
            ValidationResult result = validate(Rows.penaltyForNaturalPerson().without(SUBJECT_ID_TYPE));

            assertThat(result.violations()).isEmpty();
            assertThat(result.record().subject().idType()).isEqualTo("身份证");
        }

        @Test
        void individualBusinessWithThePlaceholderIsKeyedByItsRegistrationNumber() {
            ValidationResult result = validate(Rows.penaltyForIndividualBusinessWithPlaceholder());

            assertThat(result.violations()).isEmpty();
            CreditRecord record = result.record();
            assertThat(record.library()).isEqualTo(Library.LEGAL_PERSON);
            assertThat(record.subject().kind()).isEqualTo(SubjectKind.INDIVIDUAL_BUSINESS);
            assertThat(record.subject().uscc()).isEqualTo("00000000000000000X");
            assertThat(record.subject().businessRegNo()).isEqualTo(Rows.BUSINESS_REG_NO);
            assertThat(record.identity().naturalKey()).endsWith("|" + Rows.BUSINESS_REG_NO);
        }

        @Test
        void individualBusinessWithA92CodeIsAccepted() {
            ValidationResult result = validate(Rows.penaltyForIndividualBusinessWithPlaceholder()
                    .with(SUBJECT_USCC, Rows.INDIVIDUAL_BUSINESS_USCC)
                    .without(SUBJECT_BUSINESS_REG_NO));

            assertThat(result.violations()).isEmpty();
            assertThat(result.record().identity().naturalKey()).endsWith("|" + Rows.INDIVIDUAL_BUSINESS_USCC);
        }

        @Test
        void licenseBecomesARecordWithLicenseDetails() {
            ValidationResult result = validate(Rows.license());

            assertThat(result.violations()).isEmpty();
            CreditRecord record = result.record();
            assertThat(record.category()).isEqualTo(Category.LICENSE);
            assertThat(record.library()).isEqualTo(Library.LEGAL_PERSON);
            assertThat(record.decision().documentName()).isEqualTo("食品经营许可决定书");
            assertThat(record.decision().validFrom()).isEqualTo(LocalDate.of(2024, 2, 1));
            assertThat(record.decision().validTo()).isEqualTo(LocalDate.of(2029, 1, 31));
            assertThat(record.details()).isEqualTo(new LicenseDetails("普通", "食品经营许可证", "JY13508020012345"));
            assertThat(record.identity().naturalKey())
                    .isEqualTo("XK|" + Rows.AUTHORITY_CODE + "|龙市监食许〔2024〕88号|" + Rows.COMPANY_USCC);
        }

        @Test
        void licenseCategoryIsOptional() {
            ValidationResult result = validate(Rows.license().without(LICENSE_CATEGORY));

            assertThat(result.accepted()).isTrue();
            assertThat(((LicenseDetails) result.record().details()).licenseCategory())
                    .isNull();
        }

        @Test
        void redListBecomesARecordWithListDetails() {
            ValidationResult result = validate(Rows.redList());

            assertThat(result.violations()).isEmpty();
            CreditRecord record = result.record();
            assertThat(record.category()).isEqualTo(Category.RED_LIST);
            assertThat(record.details())
                    .isEqualTo(new ListDetails("2023年度纳税信用A级", LocalDate.of(2024, 1, 10), null, null));
            assertThat(record.identity().naturalKey()).startsWith("HMD|");
        }

        @ParameterizedTest
        @ValueSource(strings = {"11350800003798150W", "12350800488267154P", "5135080050D123457C", "93350823MA31PQ8L3W"})
        void legalPersonsAreNotRequiredToHaveA91Code(String uscc) {
            assertThat(validate(Rows.penaltyForLegalPerson().with(SUBJECT_USCC, uscc))
                            .violations())
                    .isEmpty();
        }

        @Test
        void theSubjectKindMayBeGivenAsTheEnumName() {
            assertThat(validate(Rows.penaltyForNaturalPerson().with(SUBJECT_KIND, "NATURAL_PERSON"))
                            .accepted())
                    .isTrue();
        }

        @Test
        void aDecisionOfTodayInTheClocksZoneIsNotInTheFuture() {
            assertThat(validate(Rows.penaltyForLegalPerson().with(DECISION_DATE, "2024-06-01"))
                            .violations())
                    .isEmpty();
        }
    }

    @Nested
    class MappingViolations {

        @Test
        void areKeptAndRejectTheRow() {
            Violation fromMapping = Violation.error("处罚类别", "CODE_UNKNOWN", "处罚类别“9”不在代码表中");

            ValidationResult result = validate(Rows.penaltyForLegalPerson().withMappingViolation(fromMapping));

            assertThat(result.accepted()).isFalse();
            assertThat(result.errors()).containsExactly(fromMapping);
        }

        @Test
        void anUnparsedDateTheMappingReportedIsNotReportedAgain() {
            Violation fromMapping = Violation.error("决定日期", "DATE_UNPARSEABLE", "决定日期“2024年13月”无法识别");

            ValidationResult result = validate(
                    Rows.penaltyForLegalPerson().with(DECISION_DATE, "2024年13月").withMappingViolation(fromMapping));

            assertThat(result.errors()).containsExactly(fromMapping);
        }
    }

    @Nested
    class Required {

        @Test
        void everyMissingFieldIsReportedNotJustTheFirst() {
            List<Violation> errors = rejected(
                    Rows.penaltyForLegalPerson()
                            .without(SUBJECT_NAME)
                            .without(DECISION_AUTHORITY_CODE)
                            .without(PENALTY_FACTS),
                    "REQUIRED",
                    "REQUIRED",
                    "REQUIRED");

            assertThat(errors)
                    .extracting(Violation::field, Violation::reason)
                    .containsExactly(
                            tuple("subject.name", "行政相对人名称不能为空"),
                            tuple("decision.authorityCode", "决定机关统一社会信用代码不能为空"),
                            tuple("penalty.facts", "违法事实不能为空"));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "subject.kind",
                    "subject.name",
                    "decision.documentNumber",
                    "decision.date",
                    "decision.authority",
                    "decision.authorityCode",
                    "penalty.kinds",
                    "decision.content",
                    "penalty.facts",
                    "penalty.legalBasis"
                })
        void penaltyFields(String path) {
            CanonicalField field = CanonicalField.byPath(path).orElseThrow();

            assertThat(reason(rejected(Rows.penaltyForLegalPerson().without(field), "REQUIRED")))
                    .isEqualTo(Rows.label(field) + "不能为空");
        }

        @ParameterizedTest
        @ValueSource(strings = {"decision.documentName", "decision.validFrom"})
        void licenseFields(String path) {
            CanonicalField field = CanonicalField.byPath(path).orElseThrow();

            assertThat(reason(rejected(Rows.license().without(field), "REQUIRED")))
                    .isEqualTo(Rows.label(field) + "不能为空");
        }

        @ParameterizedTest
        @ValueSource(strings = {"list.reason", "list.inclusionDate"})
        void listFields(String path) {
            CanonicalField field = CanonicalField.byPath(path).orElseThrow();

            assertThat(reason(rejected(Rows.redList().without(field), "REQUIRED")))
                    .isEqualTo(Rows.label(field) + "不能为空");
        }

        @Test
        void aNaturalPersonNeedsAnIdNumber() {
            assertThat(reason(rejected(Rows.penaltyForNaturalPerson().without(SUBJECT_ID_NUMBER), "REQUIRED")))
                    .isEqualTo("行政相对人类别“自然人”时证件号码不能为空");
        }

        @Test
        void aLegalPersonNeedsACreditCode() {
            assertThat(reason(rejected(Rows.penaltyForLegalPerson().without(SUBJECT_USCC), "REQUIRED")))
                    .isEqualTo("行政相对人类别“法人及非法人组织”时统一社会信用代码不能为空");
        }

        @Test
        void anIndividualBusinessNeedsACreditCodeOrThePlaceholder() {
            assertThat(reason(rejected(
                            Rows.penaltyForIndividualBusinessWithPlaceholder().without(SUBJECT_USCC), "REQUIRED")))
                    .startsWith("行政相对人类别“个体工商户”时统一社会信用代码不能为空")
                    .contains("00000000000000000X", "工商注册号");
        }

        @Test
        void thePlaceholderNeedsTheRegistrationNumber() {
            List<Violation> errors = rejected(
                    Rows.penaltyForIndividualBusinessWithPlaceholder().without(SUBJECT_BUSINESS_REG_NO),
                    "PLACEHOLDER_NEEDS_REG_NO");

            assertThat(errors.get(0).field()).isEqualTo("subject.businessRegNo");
            assertThat(reason(errors)).contains("统一社会信用代码“00000000000000000X”", "工商注册号不能为空");
        }

        @Test
        void kindsThatAreOnlySeparatorsAreMissing() {
            assertThat(reason(rejected(Rows.penaltyForLegalPerson().with(PENALTY_KINDS, "、"), "REQUIRED")))
                    .isEqualTo("处罚类别“、”不含任何处罚类别");
        }
    }

    @Nested
    class CreditCodes {

        @Test
        void wrongCheckCharacterNamesTheRightOne() {
            List<Violation> errors =
                    rejected(Rows.penaltyForLegalPerson().with(SUBJECT_USCC, "9135080259FJRE2TX1"), "USCC_CHECK");

            assertThat(reason(errors)).isEqualTo("统一社会信用代码“9135080259FJRE2TX1”校验位错误，应为“0”");
        }

        @Test
        void wrongLength() {
            assertThat(reason(rejected(
                            Rows.penaltyForLegalPerson().with(SUBJECT_USCC, "9135080259FJRE2TX"), "USCC_LENGTH")))
                    .isEqualTo("统一社会信用代码“9135080259FJRE2TX”应为18位，实为17位");
        }

        @Test
        void lettersOutsideTheSet() {
            assertThat(reason(rejected(
                            Rows.penaltyForLegalPerson().with(SUBJECT_USCC, "9135080259FJIE2TX0"), "USCC_CHARSET")))
                    .startsWith("统一社会信用代码“9135080259FJIE2TX0”含非法字符“I”");
        }

        @Test
        void innerOrganisationCode() {
            // 60003734 has organisation-code check 1, not 2; the outer check character is recomputed to pass.
            assertThat(reason(rejected(
                            Rows.penaltyForLegalPerson().with(SUBJECT_USCC, "91110000600037342P"),
                            "USCC_ORG_CODE_CHECK")))
                    .isEqualTo("统一社会信用代码“91110000600037342P”第9–17位的组织机构代码“600037342”校验位错误，应为“1”");
        }

        @Test
        void authorityAndSourceDepartmentCodesAreCheckedToo() {
            List<Violation> errors = rejected(
                    Rows.penaltyForLegalPerson()
                            .with(DECISION_AUTHORITY_CODE, "11350800003798150X")
                            .with(DECISION_SOURCE_DEPARTMENT_CODE, "1135080000379823"),
                    "USCC_CHECK",
                    "USCC_LENGTH");

            assertThat(errors)
                    .extracting(Violation::field)
                    .containsExactly("decision.authorityCode", "decision.sourceDepartmentCode");
            assertThat(errors.get(0).reason()).startsWith("决定机关统一社会信用代码“11350800003798150X”");
            assertThat(errors.get(1).reason()).startsWith("数据来源单位统一社会信用代码“1135080000379823”");
        }

        @Test
        void theSourceDepartmentCodeIsOptional() {
            assertThat(validate(Rows.penaltyForLegalPerson().without(DECISION_SOURCE_DEPARTMENT_CODE))
                            .violations())
                    .isEmpty();
        }

        @Test
        void thePlaceholderIsNotAnAuthorityCode() {
            rejected(Rows.penaltyForLegalPerson().with(DECISION_AUTHORITY_CODE, "00000000000000000X"), "USCC_CHECK");
        }
    }

    @Nested
    class IdNumbers {

        @Test
        void wrongCheckCharacter() {
            List<Violation> errors = rejected(
                    Rows.penaltyForNaturalPerson().with(SUBJECT_ID_NUMBER, "360426199101010072"), "ID_NUMBER_CHECK");

            assertThat(reason(errors)).isEqualTo("证件号码“360426********0072”校验位错误，应为“1”");
        }

        @Test
        void impossibleBirthDate() {
            // 36042619990230007 + its check character 9: right check, no 30 February.
            assertThat(reason(rejected(
                            Rows.penaltyForNaturalPerson().with(SUBJECT_ID_NUMBER, "360426199902300079"),
                            "ID_NUMBER_BIRTH_DATE")))
                    .isEqualTo("证件号码“360426********0079”中的出生日期“19990230”不是有效日期");
        }

        @Test
        void birthDateInTheFuture() {
            // 36042620240602007 + its check character: born the day after the clock's today.
            assertThat(reason(rejected(
                            Rows.penaltyForNaturalPerson().with(SUBJECT_ID_NUMBER, "360426202406020072"),
                            "ID_NUMBER_BIRTH_DATE")))
                    .isEqualTo("证件号码“360426********0072”中的出生日期“20240602”晚于今天");
        }

        @Test
        void wrongLength() {
            assertThat(reason(rejected(
                            Rows.penaltyForNaturalPerson().with(SUBJECT_ID_NUMBER, "36042619910101007"),
                            "ID_NUMBER_FORMAT")))
                    .isEqualTo("证件号码“360426*******1007”应为18位（或15位旧号码），实为17位");
        }

        @Test
        void fifteenCharactersThatAreNotAllDigits() {
            assertThat(reason(rejected(
                            Rows.penaltyForNaturalPerson().with(SUBJECT_ID_NUMBER, "35080285010112X"),
                            "ID_NUMBER_FORMAT")))
                    .isEqualTo("证件号码“350802*****112X”是15位，但15位旧号码只能是数字");
        }

        @Test
        void fifteenDigitNumbersAreConvertedWithAWarning() {
            // 350802 850101 123 → 350802 19850101 123 + check 8 (worked out in ResidentIdTest).
            ValidationResult result =
                    validate(Rows.penaltyForNaturalPerson().with(SUBJECT_ID_NUMBER, "350802850101123"));

            assertThat(result.errors()).isEmpty();
            assertThat(result.warnings()).extracting(Violation::code).containsExactly("ID_NUMBER_15_CONVERTED");
            assertThat(result.warnings().get(0).reason())
                    .isEqualTo("证件号码“350802*****1123”是15位旧身份证号，已按18位号码“350802********1238”入库，请在源系统中更新");
            assertThat(result.record().subject().idNumber()).isEqualTo("350802198501011238");
            assertThat(result.record().identity().naturalKey()).endsWith("|350802198501011238");
        }

        @Test
        void otherDocumentTypesAreNotCheckedAsResidentIds() {
            ValidationResult result = validate(
                    Rows.penaltyForNaturalPerson().with(SUBJECT_ID_TYPE, "护照").with(SUBJECT_ID_NUMBER, "E12345678"));

            assertThat(result.violations()).isEmpty();
            assertThat(result.record().subject().idType()).isEqualTo("护照");
        }

        @Test
        void foreignPermanentResidentCardsHaveTheirOwnFormat() {
            assertThat(validate(Rows.penaltyForNaturalPerson()
                                    .with(SUBJECT_ID_TYPE, "外国人永久居留身份证")
                                    .with(SUBJECT_ID_NUMBER, "USA350080010101"))
                            .violations())
                    .isEmpty();
        }

        @Test
        void theLegalRepresentativesIdIsChecked() {
            List<Violation> errors = rejected(
                    Rows.penaltyForLegalPerson().with(SUBJECT_LEGAL_REP_ID_NUMBER, "350802197805123016"),
                    "ID_NUMBER_CHECK");

            assertThat(errors.get(0).field()).isEqualTo("subject.legalRepIdNumber");
            assertThat(reason(errors)).startsWith("法定代表人证件号码“350802********3016”");
        }

        @Test
        void theLegalRepresentativesIdWithoutATypeIsAnIdCard() {
            rejected(
                    Rows.penaltyForLegalPerson()
                            .without(SUBJECT_LEGAL_REP_ID_TYPE)
                            .with(SUBJECT_LEGAL_REP_ID_NUMBER, "350802197805123016"),
                    "ID_NUMBER_CHECK");
        }
    }

    @Nested
    class SubjectKinds {

        @Test
        void unknownKind() {
            assertThat(reason(rejected(Rows.penaltyForLegalPerson().with(SUBJECT_KIND, "企业"), "SUBJECT_KIND_UNKNOWN")))
                    .isEqualTo("行政相对人类别“企业”不是有效值，应为法人及非法人组织、自然人或个体工商户");
        }

        @Test
        void aNaturalPersonHasNoCreditCode() {
            List<Violation> errors = rejected(
                    Rows.penaltyForNaturalPerson().with(SUBJECT_USCC, Rows.COMPANY_USCC), "SUBJECT_KIND_MISMATCH");

            assertThat(reason(errors)).isEqualTo("行政相对人类别“自然人”时不填统一社会信用代码，但填了“" + Rows.COMPANY_USCC + "”");
        }

        @Test
        void aNaturalPersonHasNoLegalRepresentative() {
            List<Violation> errors = rejected(
                    Rows.penaltyForNaturalPerson().with(SUBJECT_LEGAL_REPRESENTATIVE, "王五"), "SUBJECT_KIND_MISMATCH");

            assertThat(errors.get(0).field()).isEqualTo("subject.legalRepresentative");
            assertThat(reason(errors)).isEqualTo("行政相对人类别“自然人”时不填法定代表人");
        }

        @Test
        void anIndividualBusinessCodeOnALegalPerson() {
            assertThat(reason(rejected(
                            Rows.penaltyForLegalPerson().with(SUBJECT_USCC, Rows.INDIVIDUAL_BUSINESS_USCC),
                            "SUBJECT_KIND_MISMATCH")))
                    .isEqualTo("统一社会信用代码“" + Rows.INDIVIDUAL_BUSINESS_USCC + "”以92开头，是个体工商户的代码，与行政相对人类别“法人及非法人组织”不符");
        }

        @Test
        void theDisplayedKindIsTheStandardLabelWhateverTheInputSpelling() {
            assertThat(reason(rejected(
                            Rows.penaltyForLegalPerson()
                                    .with(SUBJECT_KIND, "LEGAL_PERSON")
                                    .with(SUBJECT_USCC, Rows.INDIVIDUAL_BUSINESS_USCC),
                            "SUBJECT_KIND_MISMATCH")))
                    .endsWith("与行政相对人类别“法人及非法人组织”不符");
        }

        @Test
        void thePlaceholderOnALegalPerson() {
            assertThat(reason(rejected(
                            Rows.penaltyForLegalPerson().with(SUBJECT_USCC, "00000000000000000X"),
                            "SUBJECT_KIND_MISMATCH")))
                    .startsWith("统一社会信用代码“00000000000000000X”只用于没有统一社会信用代码的个体工商户");
        }

        @Test
        void anIndividualBusinessWithACompanyCode() {
            assertThat(reason(rejected(
                            Rows.penaltyForIndividualBusinessWithPlaceholder().with(SUBJECT_USCC, Rows.COMPANY_USCC),
                            "SUBJECT_KIND_MISMATCH")))
                    .startsWith("统一社会信用代码“" + Rows.COMPANY_USCC + "”不以92开头，不是个体工商户的代码");
        }

        @Test
        void anInvalidCodeIsReportedOnceAsInvalidNotAlsoAsAMismatch() {
            rejected(
                    Rows.penaltyForIndividualBusinessWithPlaceholder().with(SUBJECT_USCC, "9135080259FJRE2TX1"),
                    "USCC_CHECK");
        }
    }

    @Nested
    class Dates {

        @Test
        void decisionDateAfterToday() {
            assertThat(reason(rejected(
                            Rows.penaltyForLegalPerson()
                                    .with(DECISION_DATE, "2024-06-02")
                                    .with(PENALTY_PUBLICITY_DEADLINE, "2024-12-02"),
                            "DATE_IN_FUTURE")))
                    .isEqualTo("决定日期“2024-06-02”晚于今天（2024-06-01）");
        }

        @Test
        void validToBeforeValidFrom() {
            List<Violation> errors = rejected(
                    Rows.license().with(DECISION_VALID_FROM, "2024-03-01").with(DECISION_VALID_TO, "2024-02-29"),
                    "DATE_ORDER");

            assertThat(errors.get(0).field()).isEqualTo("decision.validTo");
            assertThat(reason(errors)).isEqualTo("有效期至“2024-02-29”早于有效期自“2024-03-01”");
        }

        @Test
        void validToBeforeTheDecision() {
            assertThat(reason(rejected(
                            Rows.license()
                                    .with(DECISION_VALID_FROM, "2024-01-01")
                                    .with(DECISION_VALID_TO, "2024-01-31"),
                            "DATE_ORDER")))
                    .isEqualTo("有效期至“2024-01-31”早于决定日期“2024-02-01”");
        }

        @Test
        void publicityDeadlineBeforeTheDecision() {
            assertThat(reason(rejected(
                            Rows.penaltyForLegalPerson().with(PENALTY_PUBLICITY_DEADLINE, "2024-03-14"), "DATE_ORDER")))
                    .isEqualTo("公示截止期“2024-03-14”早于决定日期“2024-03-15”");
        }

        @Test
        void removalBeforeInclusion() {
            assertThat(reason(rejected(Rows.redList().with(LIST_REMOVAL_DATE, "2024-01-09"), "DATE_ORDER")))
                    .isEqualTo("移出日期“2024-01-09”早于列入日期“2024-01-10”");
        }

        @Test
        void inclusionAfterToday() {
            assertThat(reason(rejected(Rows.redList().with(LIST_INCLUSION_DATE, "2024-07-01"), "DATE_IN_FUTURE")))
                    .isEqualTo("列入日期“2024-07-01”晚于今天（2024-06-01）");
        }

        @Test
        void aDateTheMappingLetThroughUnparsed() {
            assertThat(reason(rejected(Rows.redList().with(LIST_REMOVAL_DATE, "2024/13/01"), "DATE_INVALID")))
                    .isEqualTo("移出日期“2024/13/01”不是有效日期，应为yyyy-MM-dd");
        }
    }

    @Nested
    class Amounts {

        @Test
        void notANumber() {
            assertThat(reason(rejected(Rows.penaltyForLegalPerson().with(PENALTY_FINE, "两千元"), "AMOUNT_INVALID")))
                    .isEqualTo("罚款金额（万元）“两千元”不是有效金额，应为以万元计的数字，如0.2");
        }

        @Test
        void aNumberOfAbsurdSizeIsNotAnAmountAndNeverWrittenOutInFull() {
            // 1E+2147483647 parses as a BigDecimal; writing it out in full (the 亿元 warning) used to throw
            assertThat(reason(rejected(
                            Rows.penaltyForLegalPerson().with(PENALTY_FINE, "1E+2147483647"), "AMOUNT_INVALID")))
                    .contains("1E+2147483647");
            assertThat(validate(Rows.penaltyForLegalPerson().with(PENALTY_FINE, "2E+1"))
                            .errors())
                    .isEmpty();
        }

        @Test
        void negative() {
            assertThat(reason(rejected(
                            Rows.penaltyForLegalPerson().with(PENALTY_CONFISCATED, "-0.5"), "AMOUNT_NEGATIVE")))
                    .isEqualTo("没收违法所得、没收非法财物的金额（万元）“-0.5”不能为负数");
        }

        @Test
        void tenThousandWanIsProbablyYuanButOnlyWarned() {
            ValidationResult result = validate(Rows.penaltyForLegalPerson().with(PENALTY_FINE, "20000"));

            assertThat(result.accepted()).isTrue();
            assertThat(result.warnings())
                    .extracting(Violation::code, Violation::reason)
                    .containsExactly(tuple("AMOUNT_LIKELY_YUAN", "罚款金额（万元）“20000”万元即2亿元，疑似按元填报；金额单位为万元，2000元应填0.2"));
            assertThat(((PenaltyDetails) result.record().details()).fineAmount())
                    .isEqualByComparingTo(new BigDecimal("20000"));
        }

        @Test
        void justBelowTheThresholdIsQuiet() {
            assertThat(validate(Rows.penaltyForLegalPerson().with(PENALTY_FINE, "9999.99"))
                            .violations())
                    .isEmpty();
        }

        @Test
        void aFineNeedsAnAmount() {
            assertThat(reason(rejected(Rows.penaltyForLegalPerson().without(PENALTY_FINE), "FINE_REQUIRED")))
                    .isEqualTo("处罚类别含“罚款”，但罚款金额（万元）为空；请填写以万元计的罚款金额");
        }

        @Test
        void aLayoutWithoutAFineColumnKeepsTheRecordAndWarns() {
            ValidationResult result = validate(Rows.penaltyForLegalPerson().withoutColumn(PENALTY_FINE));
            assertThat(result.accepted()).isTrue();
            assertThat(result.violations())
                    .extracting(Violation::code, Violation::isError)
                    .containsExactly(tuple("FINE_NOT_IN_LAYOUT", false));
        }

        @Test
        void aFineOfZeroIsNoFine() {
            assertThat(reason(rejected(Rows.penaltyForLegalPerson().with(PENALTY_FINE, "0.00"), "FINE_REQUIRED")))
                    .contains("罚款金额（万元）为0");
        }

        @Test
        void withoutAFineNoAmountIsNeeded() {
            assertThat(validate(Rows.penaltyForLegalPerson()
                                    .with(PENALTY_KINDS, "警告")
                                    .with(DECISION_CONTENT, "警告")
                                    .without(PENALTY_FINE))
                            .violations())
                    .isEmpty();
        }
    }

    @Nested
    class PenaltyKindValues {

        @Test
        void unknownKindListsTheAllowedOnes() {
            String reason = reason(
                    rejected(Rows.penaltyForLegalPerson().with(PENALTY_KINDS, "警告、罚款、批评教育"), "PENALTY_KIND_UNKNOWN"));

            assertThat(reason).startsWith("处罚类别中的“批评教育”不是法定处罚类别；应为警告、通报批评、罚款").contains("行政拘留、其他");
        }

        @Test
        void oldNamesAreMappedWithAWarning() {
            ValidationResult result = validate(Rows.penaltyForLegalPerson()
                    .with(PENALTY_KINDS, "罚款；暂扣或者吊销许可证、暂扣或者吊销执照")
                    .with(DECISION_CONTENT, "罚款2000元，吊销营业执照"));

            assertThat(result.accepted()).isTrue();
            assertThat(((PenaltyDetails) result.record().details()).kinds()).containsExactly("罚款", "吊销许可证件");
            assertThat(result.warnings())
                    .extracting(Violation::code, Violation::reason)
                    .containsExactly(tuple(
                            "PENALTY_KIND_LEGACY", "处罚类别中的“暂扣或者吊销许可证、暂扣或者吊销执照”是2021年修订前的名称，已按“吊销许可证件”入库，请核对并改用现行名称"));
        }

        @Test
        void duplicatesAreDroppedAndOrderKept() {
            ValidationResult result = validate(Rows.penaltyForLegalPerson().with(PENALTY_KINDS, "罚款, 警告;罚款 / 警告"));

            assertThat(((PenaltyDetails) result.record().details()).kinds()).containsExactly("罚款", "警告");
        }
    }

    @Nested
    class ControlCharacters {

        @Test
        void areRejectedWithTheirPosition() {
            List<Violation> errors =
                    rejected(Rows.penaltyForLegalPerson().with(PENALTY_FACTS, "销售不合格\u0007建筑用砂"), "CONTROL_CHARACTER");

            assertThat(errors.get(0).field()).isEqualTo("penalty.facts");
            assertThat(reason(errors)).isEqualTo("违法事实第6个字符是不可见的控制字符（U+0007），请删除后重报");
        }

        @Test
        void halfASurrogatePairIsRejectedLikeOneAndAWholePairIsKept() {
            List<Violation> errors =
                    rejected(Rows.penaltyForLegalPerson().with(PENALTY_FACTS, "销售\uD800不合格"), "CONTROL_CHARACTER");
            assertThat(reason(errors)).contains("第3个字符").contains("U+D800");
            assertThat(validate(Rows.penaltyForLegalPerson().with(PENALTY_FACTS, "销售𠮷不合格"))
                            .errors())
                    .isEmpty();
        }
    }

    @Test
    void everyDefectOfARowIsReportedAtOnce() {
        ValidationResult result = validate(Rows.penaltyForNaturalPerson()
                .without(SUBJECT_NAME)
                .with(SUBJECT_USCC, Rows.COMPANY_USCC)
                .with(SUBJECT_ID_NUMBER, "360426199101010072")
                .with(DECISION_AUTHORITY_CODE, "11350800003798150X")
                .with(PENALTY_KINDS, "罚款、训诫")
                .with(PENALTY_FINE, "-1")
                .with(PENALTY_PUBLICITY_DEADLINE, "2024-01-01")
                .with(DECISION_REMARKS, "第一行\n第二行"));

        assertThat(result.errors())
                .extracting(Violation::code)
                .containsExactlyInAnyOrder(
                        "CONTROL_CHARACTER",
                        "REQUIRED",
                        "SUBJECT_KIND_MISMATCH",
                        "USCC_CHECK",
                        "ID_NUMBER_CHECK",
                        "PENALTY_KIND_UNKNOWN",
                        "DATE_ORDER",
                        "AMOUNT_NEGATIVE");
        assertThat(result.record()).isNull();
    }
}
