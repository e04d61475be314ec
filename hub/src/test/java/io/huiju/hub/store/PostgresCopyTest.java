package io.huiju.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresCopyTest {

    @Test
    void nullIsTheCopyNullMarker() {
        StringBuilder out = new StringBuilder();
        PostgresCopy.appendField(out, null);
        assertThat(out).hasToString("\\N");
    }

    @Test
    void separatorsAndBackslashesAreEscapedSoTheyCannotSplitOrShiftAField() {
        StringBuilder out = new StringBuilder();
        PostgresCopy.appendField(out, "a\tb\nc\rd\\N");
        assertThat(out).hasToString("a\\tb\\nc\\rd\\\\N");
    }

    @Test
    void chineseTextAndJsonPassUnchanged() {
        StringBuilder out = new StringBuilder();
        PostgresCopy.appendField(out, "{\"name\":\"龙岩市新罗区恒达贸易有限公司\",\"fine\":0.2}");
        assertThat(out).hasToString("{\"name\":\"龙岩市新罗区恒达贸易有限公司\",\"fine\":0.2}");
    }
}
