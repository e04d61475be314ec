package io.huiju.hub.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PostgresCopyTest {

    @Test
    void nullIsTheCopyNullMarker() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PostgresCopy.appendField(out, null);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\\N");
    }

    @Test
    void separatorsAndBackslashesAreEscapedSoTheyCannotSplitOrShiftAField() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PostgresCopy.appendField(out, "a\tb\nc\rd\\N");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a\\tb\\nc\\rd\\\\N");
    }

    @Test
    void chineseTextAndJsonPassUnchanged() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PostgresCopy.appendField(out, "{\"name\":\"龙岩市新罗区恒达贸易有限公司\",\"fine\":0.2}");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"龙岩市新罗区恒达贸易有限公司\",\"fine\":0.2}");
    }

    @Test
    void preEncodedBodiesAreEscapedWithoutBeingDecoded() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PostgresCopy.appendField(out, "{\"facts\":\"第一行\\n第二行\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"facts\":\"第一行\\\\n第二行\"}");
    }
}
