package io.huiju.transform.read.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedStringsTest {

    @Test
    void aTableBeyondTheBudgetIsReadFromATemporaryFileWithTheSameTexts() throws Exception {
        List<String> texts = new ArrayList<>();
        StringBuilder xml =
                new StringBuilder("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        for (int i = 0; i < 20_000; i++) {
            String text = i % 7 == 0 ? "" : "厦门某某贸易有限公司第" + i + "号 ✓𠀀";
            texts.add(text);
            xml.append("<si><t>").append(text).append("</t></si>");
        }
        xml.append("</sst>");
        byte[] bytes = xml.toString().getBytes(StandardCharsets.UTF_8);

        try (SharedStrings inMemory = SharedStrings.read(new ByteArrayInputStream(bytes), Long.MAX_VALUE);
                SharedStrings spilled = SharedStrings.read(new ByteArrayInputStream(bytes), 1_000)) {
            assertThat(inMemory.spilled()).isFalse();
            assertThat(spilled.spilled()).isTrue();
            assertThat(spilled.size()).isEqualTo(texts.size());
            for (int i = texts.size() - 1; i >= 0; i--) {
                assertThat(spilled.get(i)).isEqualTo(texts.get(i)).isEqualTo(inMemory.get(i));
            }
            assertThrows(IndexOutOfBoundsException.class, () -> spilled.get(texts.size()));
            assertThrows(IndexOutOfBoundsException.class, () -> inMemory.get(-1));
        }
    }
}
