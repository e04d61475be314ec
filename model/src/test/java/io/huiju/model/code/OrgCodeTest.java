package io.huiju.model.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrgCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"600037341", "71526726X", "MA1B3N1N2", "001755309", "59FJRE2TX"})
    void organisationCodesOfThePublishedCreditCodesAreValid(String code) {
        assertThat(OrgCode.isValid(code)).isTrue();
    }

    @Test
    void tenIsXAndElevenIsZero() {
        // 71526726: 7×3 + 1×7 + 5×9 + 2×10 + 6×5 + 7×8 + 2×4 + 6×2 = 199, 199 mod 11 = 1, 11 − 1 = 10 → X.
        assertThat(OrgCode.checkCharacter("71526726")).isEqualTo('X');
        // All zeros: Σ = 0, 11 − 0 = 11 → 0.
        assertThat(OrgCode.checkCharacter("00000000")).isEqualTo('0');
    }

    @ParameterizedTest
    @ValueSource(strings = {"600037342", "60003734", "6000373410", "60003734l", "6000-3734"})
    void wrongCodesAreRejected(String code) {
        assertThat(OrgCode.isValid(code)).isFalse();
    }

    @Test
    void checkCharacterNeedsEightAlphanumerics() {
        assertThatThrownBy(() -> OrgCode.checkCharacter("6000373")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrgCode.checkCharacter("6000373-")).isInstanceOf(IllegalArgumentException.class);
    }
}
