package io.huiju.hub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiju.model.Subject;
import io.huiju.model.SubjectKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class CityOfSubjectTest {

    static final List<String> FUJIAN =
            List.of("350100", "350200", "350300", "350400", "350500", "350600", "350700", "350800", "350900");

    final CityOfSubject cityOf = new CityOfSubject(FUJIAN, List.of(rule("3526", null, "350800")));

    @Test
    void aCompanyBelongsToTheCityOfTheRegionInItsCreditCode() {
        // characters 3–8: 350802 新罗区 → 龙岩
        assertThat(cityOf.of(company("91350802MA2XY3K1XH", null))).contains("350800");
        assertThat(cityOf.of(company("91350100MA2XY3K1XH", null))).contains("350100");
    }

    @Test
    void aPersonBelongsToTheCityOfTheAddressCodeOfTheIdNumber() {
        assertThat(cityOf.of(person("350821198512300042"))).contains("350800");
    }

    @Test
    void anIndividualBusinessWithThePlaceholderCodeGoesByItsBusinessRegistrationNumber() {
        assertThat(cityOf.of(company(Subject.USCC_PLACEHOLDER, "350802600012345")))
                .contains("350800");
    }

    @Test
    void aRegionTheProvinceDoesNotServeGoesNowhere() {
        assertThat(cityOf.of(company("91440300MA5XY3K1XH", null))).isEmpty();
        // the province's own organs (350000) are no city
        assertThat(cityOf.of(company("11350000MB0281236E", null))).isEmpty();
        assertThat(cityOf.of(person(null))).isEmpty();
        assertThat(cityOf.of(company("91ABCDEFMA2XY3K1XH", null))).isEmpty();
    }

    @Test
    void rulesComeFirst() {
        // pre-1996 龙岩地区 code in an old ID number
        assertThat(cityOf.of(person("352601197001010012"))).contains("350800");
        CityOfSubject byCode = new CityOfSubject(FUJIAN, List.of(rule(null, "91350100MA2XY3K1XH", "350800")));
        assertThat(byCode.of(company("91350100MA2XY3K1XH", null))).contains("350800");
        assertThat(byCode.of(company("91350100MA2XY3K2XH", null))).contains("350100");
    }

    static SyncProperties.Rule rule(String regionPrefix, String subjectCode, String city) {
        SyncProperties.Rule rule = new SyncProperties.Rule();
        rule.setRegionPrefix(regionPrefix);
        rule.setSubjectCode(subjectCode);
        rule.setCity(city);
        return rule;
    }

    static Subject company(String uscc, String businessRegNo) {
        SubjectKind kind = businessRegNo == null ? SubjectKind.LEGAL_PERSON : SubjectKind.INDIVIDUAL_BUSINESS;
        return new Subject(kind, "恒达", uscc, businessRegNo, null, null, null, null, null, null, null, null, null);
    }

    static Subject person(String idNumber) {
        return new Subject(
                SubjectKind.NATURAL_PERSON,
                "张秋生",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "身份证",
                idNumber);
    }
}
