package io.huiju.model.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "360426199101010071"})
    void publishedSamplesAreValid(String id) {
        assertThat(ResidentId.validate(id, TODAY)).isEqualTo(ResidentId.Check.OK);
    }

    @Test
    void everySingleCharacterChangeIsCaught() {
        for (String id : new String[] {"11010519491231002X", "360426199101010071"}) {
            for (int i = 0; i < id.length(); i++) {
                for (char c : "0123456789X".toCharArray()) {
                    if (c == id.charAt(i)) {
                        continue;
                    }
                    String changed = id.substring(0, i) + c + id.substring(i + 1);
                    assertThat(ResidentId.validate(changed, TODAY)).as(changed).isNotEqualTo(ResidentId.Check.OK);
                }
            }
        }
    }

    @Test
    void wrongCheckCharacterIsRejected() {
        assertThat(ResidentId.validate("110105194912310021", TODAY)).isEqualTo(ResidentId.Check.CHECK_CHARACTER);
        assertThat(ResidentId.checkCharacter("11010519491231002")).isEqualTo('X');
    }

    @Test
    void impossibleBirthDateIsRejected() {
        String first17 = "36042619990230007";
        assertThat(ResidentId.validate(first17 + ResidentId.checkCharacter(first17), TODAY))
                .isEqualTo(ResidentId.Check.BIRTH_DATE);
    }

    @Test
    void birthDateAfterTodayOrBefore1900IsRejected() {
        String future = "36042620240602007";
        String old = "36042618991231007";
        String today = "36042620240601007";
        assertThat(ResidentId.validate(future + ResidentId.checkCharacter(future), TODAY))
                .isEqualTo(ResidentId.Check.BIRTH_DATE);
        assertThat(ResidentId.validate(old + ResidentId.checkCharacter(old), TODAY))
                .isEqualTo(ResidentId.Check.BIRTH_DATE);
        assertThat(ResidentId.validate(today + ResidentId.checkCharacter(today), TODAY))
                .isEqualTo(ResidentId.Check.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002x", "1101051949123100XX", "11010519491231 02X"})
    void onlyDigitsAndAFinalUpperCaseXAreAllowed(String id) {
        assertThat(ResidentId.validate(id, TODAY)).isEqualTo(ResidentId.Check.CHARSET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "350802850101123", "11010519491231002X0"})
    void eighteenCharactersAreNeeded(String id) {
        assertThat(ResidentId.validate(id, TODAY)).isEqualTo(ResidentId.Check.LENGTH);
    }

    @Test
    void fifteenDigitNumbersAreConverted() {
        // 350802 850101 123 → 350802 19850101 123, weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2:
        // 3×7 + 5×9 + 0×10 + 8×5 + 0×8 + 2×4 + 1×2 + 9×1 + 8×6 + 5×3 + 0×7 + 1×9 + 0×10 + 1×5 + 1×8 + 2×4 + 3×2
        // = 21 + 45 + 0 + 40 + 0 + 8 + 2 + 9 + 48 + 15 + 0 + 9 + 0 + 5 + 8 + 8 + 6 = 224; 224 mod 11 = 4;
        // "10X98765432"[4] = 8.
        assertThat(ResidentId.isOld("350802850101123")).isTrue();
        assertThat(ResidentId.from15("350802850101123")).isEqualTo("350802198501011238");
        assertThat(ResidentId.validate("350802198501011238", TODAY)).isEqualTo(ResidentId.Check.OK);
    }

    @Test
    void onlyFifteenDigitsConvert() {
        assertThat(ResidentId.isOld("35080285010112X")).isFalse();
        assertThatThrownBy(() -> ResidentId.from15("35080285010112")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void birthDateAndRegionAreRead() {
        assertThat(ResidentId.birthDate("11010519491231002X")).contains(LocalDate.of(1949, 12, 31));
        assertThat(ResidentId.birthDate("360426199902300071")).isEmpty();
        assertThat(ResidentId.regionCode("11010519491231002X")).isEqualTo("110105");
    }
}
