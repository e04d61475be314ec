package io.huiju.transform.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.huiju.transform.RawRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesRecordReaderTest {

    private static final String TWO_RECORDS =
            """
            {"@source":"t/0/1","CF_WSH":"A-1","CF_XDR_MC":"甲"}

            {"@source":"t/0/2","CF_XDR_MC":"乙","CF_NR_FK":0.2,"CF_EXTRA":null,"CF_LIST":[1,2]}
            """;

    @TempDir
    Path dir;

    @Test
    void theHeaderIsTheUnionOfKeysInOrderOfFirstAppearanceAndChannelKeysAreNotFields() throws Exception {
        List<RawRecord> rows = read(TWO_RECORDS);

        try (JsonLinesRecordReader reader = open(TWO_RECORDS)) {
            assertThat(reader.header()).containsExactly("CF_WSH", "CF_XDR_MC", "CF_NR_FK", "CF_EXTRA", "CF_LIST");
        }
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).line()).isEqualTo(1);
        assertThat(rows.get(0).fields()).containsExactly(Map.entry("CF_WSH", "A-1"), Map.entry("CF_XDR_MC", "甲"));
        assertThat(rows.get(1).line()).isEqualTo(3);
        assertThat(rows.get(1).fields())
                .containsEntry("CF_NR_FK", "0.2")
                .containsEntry("CF_EXTRA", "")
                .containsEntry("CF_LIST", "[1,2]")
                .doesNotContainKey("@source");
    }

    @Test
    void aLineThatIsNotJsonOrNotAnObjectIsDefectiveAndReadingGoesOn() throws Exception {
        List<RawRecord> rows = read(
                """
                not json at all
                [1,2,3]
                {"@source":"huiju.scjg/2/17","@text":"{broken"}
                {"@source":"huiju.scjg/2/18","@text":"\\"a string\\""}
                {"CF_WSH":"B-2"}
                """);

        assertThat(rows)
                .extracting(RawRecord::defectCode)
                .containsExactly("NOT_JSON", "NOT_OBJECT", "NOT_JSON", "NOT_OBJECT", null);
        assertThat(rows.get(0).defect()).startsWith("第1行不是有效的JSON");
        assertThat(rows.get(1).defect()).contains("数组");
        assertThat(rows.get(2).defect()).contains("huiju.scjg/2/17");
        assertThat(rows.get(3).defect()).contains("字符串");
        assertThat(rows.get(4).fields()).containsEntry("CF_WSH", "B-2");
    }

    @Test
    void aLineTheChannelFoundDefectiveIsThatDefectWithItsSource() throws Exception {
        List<RawRecord> rows = read(
                """
                {"@source":"huiju.scjg/0/7","@defect":"LINE_TOO_LONG","@reason":"记录有2000000字节，超过上限1048576字节"}
                {"CF_WSH":"B-2"}
                """);

        assertThat(rows).extracting(RawRecord::defectCode).containsExactly("LINE_TOO_LONG", null);
        assertThat(rows.get(0).defect()).isEqualTo("第1行（来源 huiju.scjg/0/7）记录有2000000字节，超过上限1048576字节");
    }

    @Test
    void aFileWithoutOneSoundRecordOrNotInUtf8IsRejectedAsAWhole() throws Exception {
        Path blank = dir.resolve("blank.jsonl");
        Files.writeString(blank, "\n  \n");
        assertThat(assertThrows(PayloadException.class, () -> JsonLinesRecordReader.open(blank))
                        .code())
                .isEqualTo(PayloadException.EMPTY_FILE);

        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"@source\":\"huiju.scjg/0/9\",\"@text\":\"oops\"}\n[1]\n");
        PayloadException none = assertThrows(PayloadException.class, () -> JsonLinesRecordReader.open(bad));
        assertThat(none.code()).isEqualTo(JsonLinesRecordReader.NOT_JSON);
        assertThat(none.getMessage()).contains("huiju.scjg/0/9");

        Path gbk = dir.resolve("gbk.jsonl");
        Files.write(gbk, "{\"CF_XDR_MC\":\"龙岩\"}\n".getBytes("GB18030"));
        assertThat(assertThrows(PayloadException.class, () -> JsonLinesRecordReader.open(gbk))
                        .code())
                .isEqualTo(PayloadException.ENCODING);
    }

    private JsonLinesRecordReader open(String text) throws Exception {
        Path file = dir.resolve(System.nanoTime() + ".jsonl");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return JsonLinesRecordReader.open(file);
    }

    private List<RawRecord> read(String text) throws Exception {
        List<RawRecord> rows = new ArrayList<>();
        try (JsonLinesRecordReader reader = open(text)) {
            reader.forEachRemaining(rows::add);
        }
        return rows;
    }
}
