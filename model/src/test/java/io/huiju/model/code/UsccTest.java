package io.huiju.model.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.huiju.model.Subject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

    private static final List<String> PUBLISHED = List.of(
            "91110000600037341L",
            "9144030071526726XG",
            "91230500MA1B3N1N2M",
            "11230500001755309F",
            "9135080259FJRE2TX0");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "91110000600037341L",
                "9144030071526726XG",
                "91230500MA1B3N1N2M",
                "11230500001755309F",
                "9135080259FJRE2TX0"
            })
    void publishedSamplesAreValid(String code) {
        assertThat(Uscc.validate(code)).isEqualTo(Uscc.Check.OK);
        assertThat(Uscc.checkCharacter(code.substring(0, 17))).isEqualTo(code.charAt(17));
    }

    @Test
    void sumDivisibleBy31GivesZeroNotAThirtySecondCharacter() {
        // Σ(value × weight) of 9135080259FJRE2TX is 3534 = 114 × 31.
        assertThat(Uscc.checkCharacter("9135080259FJRE2TX")).isEqualTo('0');
        assertThat(OrgCode.isValid("59FJRE2TX")).isTrue();
    }

    @Test
    void everySingleCharacterChangeOfEverySampleIsCaught() {
        for (String code : PUBLISHED) {
            for (int i = 0; i < code.length(); i++) {
                for (char c : Uscc.CHARSET.toCharArray()) {
                    if (c == code.charAt(i)) {
                        continue;
                    }
                    String changed = code.substring(0, i) + c + code.substring(i + 1);
                    assertThat(Uscc.validate(changed)).as(changed).isNotEqualTo(Uscc.Check.OK);
                }
            }
        }
    }

    @Test
    void aWrongLastCharacterIsACheckCharacterFailure() {
        assertThat(Uscc.validate("91110000600037341M")).isEqualTo(Uscc.Check.CHECK_CHARACTER);
    }

    @Test
    void theInnerOrganisationCodeMustPassToo() {
        // Body 60003734 has org-code check 1; "2" there, with the USCC check character recomputed, passes GB 32100
        // alone but not GB 11714.
        String first17 = "9111000060003734" + "2";
        String code = first17 + Uscc.checkCharacter(first17);
        assertThat(Uscc.validate(code)).isEqualTo(Uscc.Check.ORG_CODE_CHECK);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "91110000600037341l", // lower case
                "9111000060003734IL",
                "9111000060003734OL",
                "9111000060003734ZL",
                "9111000060003734SL",
                "9111000060003734VL",
                "91110000 00037341L"
            })
    void charactersOutsideTheSetAreRejected(String code) {
        assertThat(Uscc.validate(code)).isEqualTo(Uscc.Check.CHARSET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "91110000600037341", "91110000600037341LL"})
    void wrongLengthIsRejected(String code) {
        assertThat(Uscc.validate(code)).isEqualTo(Uscc.Check.LENGTH);
        assertThat(Uscc.validate(null)).isEqualTo(Uscc.Check.LENGTH);
    }

    @Test
    void theIndividualBusinessPlaceholderIsNotACode() {
        assertThat(Uscc.validate(Subject.USCC_PLACEHOLDER)).isEqualTo(Uscc.Check.CHECK_CHARACTER);
    }

    @Test
    void regionAndOrganisationCodeAreCut() {
        assertThat(Uscc.regionCode("9135080259FJRE2TX0")).isEqualTo("350802");
        assertThat(Uscc.orgCode("9135080259FJRE2TX0")).isEqualTo("59FJRE2TX");
        assertThatThrownBy(() -> Uscc.regionCode("9135")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkCharacterRefusesWhatItCannotCompute() {
        assertThatThrownBy(() -> Uscc.checkCharacter("9111000060003734")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Uscc.checkCharacter("911100006000373I1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("I");
    }
}
