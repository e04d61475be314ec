package io.huiju.transform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class NormalizerTest {

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\u3000\u3000", "\u00A0", " \t\n"})
    void blankIsNull(String raw) {
        assertThat(Normalizer.text(raw)).isNull();
        assertThat(Normalizer.code(raw)).isNull();
    }

    @Test
    void trimsIdeographicAndNoBreakSpaces() {
        assertThat(Normalizer.text("\u3000\u00A0 龙岩市市场监督管理局\u3000")).isEqualTo("龙岩市市场监督管理局");
    }

    @Test
    void innerIdeographicSpaceBecomesASpace() {
        assertThat(Normalizer.text("张\u3000三")).isEqualTo("张 三");
    }

    @Test
    void fullWidthLettersDigitsAndSymbolsBecomeHalfWidth() {
        assertThat(Normalizer.text("ＡＢｃ１２３．５－０１／％")).isEqualTo("ABc123.5-01/%");
    }

    @Test
    void chinesePunctuationStays() {
        assertThat(Normalizer.text("警告、罚款，没收违法所得；责令关闭。某某（集团）有限公司：是？否！")).isEqualTo("警告、罚款，没收违法所得；责令关闭。某某（集团）有限公司：是？否！");
    }

    @Test
    void codesLoseSpacesAndHyphensAndAreUpperCase() {
        assertThat(Normalizer.code(" ９１３５ ０８０２-59fjre2tx0\u3000")).isEqualTo("9135080259FJRE2TX0");
        assertThat(Normalizer.code("350802－19850101‐1238")).isEqualTo("350802198501011238");
        assertThat(Normalizer.code("11010519491231002x")).isEqualTo("11010519491231002X");
    }

    @Test
    void aCodeOfOnlyHyphensIsNull() {
        assertThat(Normalizer.code(" - － ")).isNull();
    }
}
