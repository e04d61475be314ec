package io.huiju.transform.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.huiju.transform.RawRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final String CREDIT = "统一社会信用代码,企业名称,处罚金额\n"
            + "91110000100000000A,北京某某科技有限公司,1000.00\n"
            + "91110000100000001B,上海某某贸易有限公司,25.50\n";

    @Test
    void readsUtf8WithoutBom() throws Exception {
        try (CsvRecordReader reader = open(CREDIT.getBytes(StandardCharsets.UTF_8), "auto")) {
            assertThat(reader.header()).containsExactly("统一社会信用代码", "企业名称", "处罚金额");
            assertThat(reader.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(reader.warnings()).isEmpty();
            List<RawRecord> rows = readAll(reader);
            assertThat(rows).extracting(RawRecord::line).containsExactly(2L, 3L);
            assertThat(rows.get(0).isDefective()).isFalse();
            assertThat(rows.get(0).fields())
                    .containsExactly(
                            Map.entry("统一社会信用代码", "91110000100000000A"),
                            Map.entry("企业名称", "北京某某科技有限公司"),
                            Map.entry("处罚金额", "1000.00"));
        }
    }

    @Test
    void stripsUtf8BomFromFirstHeaderName() throws Exception {
        byte[] bytes =
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, CREDIT.getBytes(StandardCharsets.UTF_8));
        try (CsvRecordReader reader = open(bytes, "auto")) {
            assertThat(reader.header().get(0)).isEqualTo("统一社会信用代码");
            assertThat(reader.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(readAll(reader).get(0).fields()).containsEntry("统一社会信用代码", "91110000100000000A");
        }
    }

    @Test
    void detectsGb18030AndSaysSo() throws Exception {
        try (CsvRecordReader reader = open(CREDIT.getBytes(GB18030), "auto")) {
            assertThat(reader.charset()).isEqualTo(GB18030);
            assertThat(reader.warnings()).singleElement().asString().contains("GB18030");
            assertThat(reader.header()).containsExactly("统一社会信用代码", "企业名称", "处罚金额");
            assertThat(readAll(reader))
                    .extracting(row -> row.fields().get("企业名称"))
                    .containsExactly("北京某某科技有限公司", "上海某某贸易有限公司");
        }
    }

    @Test
    void aCharacterCutByTheEndOfTheSampleStillCountsAsUtf8() throws Exception {
        // 8 bytes before the row's characters: 65536 - 8 is no multiple of 3, so the sample ends inside a 中.
        byte[] bytes = ("名称\na" + "中".repeat(30_000) + "\n").getBytes(StandardCharsets.UTF_8);
        try (CsvRecordReader reader = open(bytes, "auto")) {
            assertThat(reader.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(reader.warnings()).isEmpty();
            assertThat(reader.next().isDefective()).isFalse();
        }
    }

    @Test
    void explicitGbkIsReadAsGb18030WithoutDetectionWarning() throws Exception {
        // 𠀀 (U+20000) exists in GB18030 only, not in GBK: declaring GBK must not lose it.
        String text = "姓名\n𠀀先生\n";
        try (CsvRecordReader reader = open(text.getBytes(GB18030), "GBK")) {
            assertThat(reader.charset()).isEqualTo(GB18030);
            assertThat(reader.warnings()).isEmpty();
            assertThat(readAll(reader).get(0).fields()).containsEntry("姓名", "𠀀先生");
        }
    }

    @Test
    void explicitUtf8IsUsedAsDeclared() throws Exception {
        try (CsvRecordReader reader = open(CREDIT.getBytes(StandardCharsets.UTF_8), "utf-8")) {
            assertThat(reader.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(readAll(reader)).hasSize(2).noneMatch(RawRecord::isDefective);
        }
    }

    @Test
    void declaredGb18030OnUtf8FileWarns() throws Exception {
        try (CsvRecordReader reader = open(CREDIT.getBytes(StandardCharsets.UTF_8), "GB18030")) {
            assertThat(reader.warnings()).singleElement().asString().contains("UTF-8");
        }
    }

    @Test
    void declaredUtf8WhoseHeaderIsNotUtf8IsAnEncodingError() {
        PayloadException e = assertThrows(PayloadException.class, () -> open(CREDIT.getBytes(GB18030), "UTF-8"));
        assertThat(e.code()).isEqualTo(PayloadException.ENCODING);
        assertThat(e.getMessage()).contains("表头无法按UTF-8解码").contains("GB18030");
    }

    @Test
    void gb18030RowsAfterAnAsciiSampleAreRejectedAloneWithTheirLineNumbers() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("id,name\n".getBytes(StandardCharsets.US_ASCII));
        long line = 1;
        while (file.size() <= EncodingSniffer.SAMPLE_BYTES) {
            line++;
            file.writeBytes((line + ",ascii-" + line + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        long firstGb = line + 1;
        file.writeBytes((firstGb + ",张三\n").getBytes(GB18030));
        file.writeBytes(((firstGb + 1) + ",plain\n").getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(((firstGb + 2) + ",李四\n").getBytes(GB18030));

        try (CsvRecordReader reader = open(file.toByteArray(), "auto")) {
            assertThat(reader.charset()).isEqualTo(StandardCharsets.UTF_8);
            List<RawRecord> rows = readAll(reader);
            assertThat(rows).hasSize((int) firstGb + 1);
            assertThat(rows.stream().filter(RawRecord::isDefective))
                    .extracting(RawRecord::line, RawRecord::defectCode)
                    .containsExactly(tuple(firstGb, "ENCODING"), tuple(firstGb + 2, "ENCODING"));
            RawRecord bad = rows.get((int) firstGb - 2);
            assertThat(bad.defect()).isEqualTo("第" + firstGb + "行含有无法按UTF-8解码的字节，请检查文件编码（应为UTF-8或GB18030）");
            assertThat(rows.get((int) firstGb - 1).fields()).containsEntry("name", "plain");
        }
    }

    @Test
    void bytesInvalidInGb18030RejectTheirRowOnly() throws Exception {
        byte[] bad = {'2', ',', (byte) 0xFF, (byte) 0x80, '\n'};
        byte[] bytes = concat(concat("名称,x\n".getBytes(GB18030), bad), "3,好\n".getBytes(GB18030));
        try (CsvRecordReader reader = open(bytes, "GB18030")) {
            List<RawRecord> rows = readAll(reader);
            assertThat(rows.get(0).defectCode()).isEqualTo("ENCODING");
            assertThat(rows.get(0).defect()).isEqualTo("第2行含有无法按GB18030解码的字节，请检查文件编码（应为UTF-8或GB18030）");
            assertThat(rows.get(1).fields()).containsEntry("x", "好");
        }
    }

    @Test
    void raggedRowsAreDefectiveAndFilledAsFarAsTheyGo() throws Exception {
        String text = "a,b,c\n1,2,3\n1,2\n1,2,3,4\n";
        try (CsvRecordReader reader = open(text.getBytes(StandardCharsets.UTF_8), "auto")) {
            List<RawRecord> rows = readAll(reader);
            assertThat(rows.get(0).isDefective()).isFalse();
            assertThat(rows.get(1).defectCode()).isEqualTo("COLUMN_COUNT");
            assertThat(rows.get(1).defect()).isEqualTo("第3行有2列，表头有3列");
            assertThat(rows.get(1).fields()).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
            assertThat(rows.get(2).defect()).isEqualTo("第4行有4列，表头有3列");
            assertThat(rows.get(2).fields()).containsOnlyKeys("a", "b", "c");
        }
    }

    @Test
    void quotedDelimitersAndLineBreaksKeepPhysicalLineNumbers() throws Exception {
        String text = "编号,备注\n1,\"含,逗号\"\n2,\"第一行\n第二行\n第三行\"\n3,\"引号\"\"内\"\"\"\n";
        for (String eol : List.of("\n", "\r\n", "\r")) {
            byte[] bytes = text.replace("\n", eol).getBytes(StandardCharsets.UTF_8);
            try (CsvRecordReader reader = open(bytes, "auto")) {
                List<RawRecord> rows = readAll(reader);
                assertThat(rows).extracting(RawRecord::line).containsExactly(2L, 3L, 6L);
                assertThat(rows).noneMatch(RawRecord::isDefective);
                assertThat(rows.get(0).fields()).containsEntry("备注", "含,逗号");
                assertThat(rows.get(1).fields()).containsEntry("备注", "第一行" + eol + "第二行" + eol + "第三行");
                assertThat(rows.get(2).fields()).containsEntry("备注", "引号\"内\"");
            }
        }
    }

    @Test
    void blankLinesAreSkippedAndStillCounted() throws Exception {
        String text = "a,b\n\n1,2\n  \n,\n3,4\n\n";
        try (CsvRecordReader reader = open(text.getBytes(StandardCharsets.UTF_8), "auto")) {
            assertThat(readAll(reader)).extracting(RawRecord::line).containsExactly(3L, 6L);
        }
    }

    @Test
    void valuesAreKeptAsWrittenAndHeaderNamesTrimmed() throws Exception {
        try (CsvRecordReader reader = open(" a , b\n 1 ,\t2\n".getBytes(StandardCharsets.UTF_8), "auto")) {
            assertThat(reader.header()).containsExactly("a", "b");
            assertThat(reader.next().fields()).containsExactly(Map.entry("a", " 1 "), Map.entry("b", "\t2"));
        }
    }

    @Test
    void otherDelimiters() throws Exception {
        byte[] bytes = "名称|金额\n某某|1\n".getBytes(GB18030);
        try (CsvRecordReader reader = CsvRecordReader.open(new ByteArrayInputStream(bytes), "GB18030", '|')) {
            assertThat(reader.next().fields()).containsExactly(Map.entry("名称", "某某"), Map.entry("金额", "1"));
        }
        bytes = "a\tb\n1\t2\n".getBytes(StandardCharsets.UTF_8);
        try (CsvRecordReader reader = CsvRecordReader.open(new ByteArrayInputStream(bytes), "auto", '\t')) {
            assertThat(reader.next().fields()).containsEntry("b", "2");
        }
    }

    @Test
    void unclosedQuoteEndsTheIterationWithOneDefect() throws Exception {
        String text = "a,b\n1,ok\n2,\"never closed\n3,x\n4,y\n";
        try (CsvRecordReader reader = open(text.getBytes(StandardCharsets.UTF_8), "auto")) {
            List<RawRecord> rows = readAll(reader);
            assertThat(rows).extracting(RawRecord::line).containsExactly(2L, 3L);
            assertThat(rows.get(1).defectCode()).isEqualTo("UNCLOSED_QUOTE");
            assertThat(rows.get(1).defect()).startsWith("第3行起有未闭合的引号");
            assertThat(reader.hasNext()).isFalse();
        }
    }

    @Test
    void unclosedQuoteInTheHeaderRejectsThePayload() {
        PayloadException e = assertThrows(
                PayloadException.class, () -> open("\"a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "auto"));
        assertThat(e.code()).isEqualTo("UNCLOSED_QUOTE");
        assertThat(e.getMessage()).startsWith("表头无法读取：第1行起有未闭合的引号");
    }

    @Test
    void strayQuoteInsideAQuotedFieldIsAReadError() throws Exception {
        String text = "a,b\n1,ok\n2,\"他说\"你好\"\"\n3,z\n";
        try (CsvRecordReader reader = open(text.getBytes(StandardCharsets.UTF_8), "auto")) {
            List<RawRecord> rows = readAll(reader);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(1).line()).isEqualTo(3);
            assertThat(rows.get(1).defectCode()).isEqualTo("READ_ERROR");
            assertThat(rows.get(1).defect()).startsWith("第3行起的内容不是有效的CSV");
        }
    }

    @Test
    void emptyFilesAreRejected() {
        assertThat(assertThrows(PayloadException.class, () -> open(new byte[0], "auto"))
                        .code())
                .isEqualTo("EMPTY_FILE");
        byte[] bomOnly = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        assertThat(assertThrows(PayloadException.class, () -> open(bomOnly, "auto"))
                        .code())
                .isEqualTo("EMPTY_FILE");
    }

    @Test
    void headerOnlyFileHasNoRows() throws Exception {
        try (CsvRecordReader reader = open("a,b".getBytes(StandardCharsets.UTF_8), "auto")) {
            assertThat(reader.header()).containsExactly("a", "b");
            assertThat(reader.hasNext()).isFalse();
        }
    }

    @Test
    void blankFirstLineMeansNoHeader() {
        PayloadException e = assertThrows(
                PayloadException.class, () -> open("\na,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "auto"));
        assertThat(e.code()).isEqualTo("HEADER_MISSING");
        assertThat(e.getMessage()).isEqualTo("第1行为空，缺少表头。CSV文件的第1行必须是列名。");
    }

    @Test
    void binaryFilesAreNotText() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        PayloadException e = assertThrows(PayloadException.class, () -> open(png, "auto"));
        assertThat(e.code()).isEqualTo("NOT_TEXT");
        assertThat(e.getMessage()).contains("不是文本格式的CSV");
        byte[] controls = "a,b\n\u0001\u0002\u0003\u0004,\u0005\u0006\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(assertThrows(PayloadException.class, () -> open(controls, "UTF-8"))
                        .code())
                .isEqualTo("NOT_TEXT");
    }

    @Test
    void utf16IsAnEncodingProblemNotBinary() {
        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "a,b\n".getBytes(StandardCharsets.UTF_16LE));
        PayloadException e = assertThrows(PayloadException.class, () -> open(utf16, "auto"));
        assertThat(e.code()).isEqualTo("ENCODING");
        assertThat(e.getMessage()).contains("UTF-16");
    }

    @Test
    void lineLongerThanTheLimitEndsTheIteration() throws Exception {
        String text = "a,b\n1,short\n2," + "x".repeat(500) + "\n3,never read\n";
        try (CsvRecordReader reader = CsvRecordReader.open(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "auto", ',', 100)) {
            List<RawRecord> rows = readAll(reader);
            assertThat(rows).extracting(RawRecord::line).containsExactly(2L, 3L);
            assertThat(rows.get(0).isDefective()).isFalse();
            assertThat(rows.get(1).defectCode()).isEqualTo("LINE_TOO_LONG");
            assertThat(rows.get(1).defect()).startsWith("第3行超过100个字符");
        }
    }

    @Test
    void headerLongerThanTheLimitIsAPayloadError() {
        byte[] bytes = ("a".repeat(200) + "\n1\n").getBytes(StandardCharsets.UTF_8);
        PayloadException e = assertThrows(
                PayloadException.class, () -> CsvRecordReader.open(new ByteArrayInputStream(bytes), "auto", ',', 100));
        assertThat(e.code()).isEqualTo("LINE_TOO_LONG");
    }

    @Test
    void endlessLineStopsAfterTheDefaultLimit() throws Exception {
        byte[] chunk = "x".repeat(4096).getBytes(StandardCharsets.US_ASCII);
        GeneratedStream endless = new GeneratedStream("a,b\n1,", i -> chunk, 50_000); // ~200 MB, no line break
        try (CsvRecordReader reader = CsvRecordReader.open(endless, "auto", ',')) {
            RawRecord only = reader.next();
            assertThat(only.defectCode()).isEqualTo("LINE_TOO_LONG");
            assertThat(only.line()).isEqualTo(2);
            assertThat(reader.hasNext()).isFalse();
        }
        assertThat(endless.consumed()).isLessThan(CsvRecordReader.DEFAULT_MAX_LINE_CHARS + 256 * 1024);
    }

    @Test
    void quoteOpenUntilTheEndOfAHugeFileStopsAfterTheLimit() throws Exception {
        byte[] line = "4,looks like a row\n".getBytes(StandardCharsets.US_ASCII);
        GeneratedStream endless = new GeneratedStream("a,b\n1,ok\n2,\"open\n", i -> line, 10_000_000);
        try (CsvRecordReader reader = CsvRecordReader.open(endless, "auto", ',', 64 * 1024)) {
            assertThat(reader.next().line()).isEqualTo(2);
            RawRecord defect = reader.next();
            assertThat(defect.line()).isEqualTo(3);
            assertThat(defect.defectCode()).isEqualTo("LINE_TOO_LONG");
            assertThat(defect.defect()).startsWith("第3行起的记录超过65536个字符（多半是引号未闭合）");
            assertThat(reader.hasNext()).isFalse();
        }
        assertThat(endless.consumed()).isLessThan(512 * 1024);
    }

    @Test
    void failingStreamBecomesAReadErrorRecord() throws Exception {
        byte[] rows = "1,2\n".repeat(40_000).getBytes(StandardCharsets.US_ASCII);
        InputStream failing = new GeneratedStream("a,b\n", i -> rows, 1) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (consumed() > 100_000) {
                    throw new IOException("连接被重置");
                }
                return super.read(b, off, len);
            }
        };
        try (CsvRecordReader reader = CsvRecordReader.open(failing, "auto", ',')) {
            List<RawRecord> read = readAll(reader);
            RawRecord last = read.get(read.size() - 1);
            assertThat(last.defectCode()).isEqualTo("READ_ERROR");
            assertThat(last.defect()).contains("连接被重置");
            assertThat(read.subList(0, read.size() - 1)).noneMatch(RawRecord::isDefective);
        }
    }

    @Test
    void duplicateHeaderNamesWarnAndKeepTheFirstColumn() throws Exception {
        try (CsvRecordReader reader = open("名称,金额,名称\n甲,1,乙\n".getBytes(StandardCharsets.UTF_8), "auto")) {
            assertThat(reader.warnings()).singleElement().asString().contains("第3列与第1列同名");
            assertThat(reader.next().fields()).containsExactly(Map.entry("名称", "甲"), Map.entry("金额", "1"));
        }
    }

    @Test
    void unknownEncodingIsAConfigurationError() {
        assertThatThrownBy(() -> open(CREDIT.getBytes(StandardCharsets.UTF_8), "Big5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Big5");
    }

    @Test
    void closesTheStreamOnCloseAndOnFailedOpen() throws Exception {
        ClosingStream ok = new ClosingStream(CREDIT.getBytes(StandardCharsets.UTF_8));
        CsvRecordReader.open(ok, "auto", ',').close();
        assertThat(ok.closed).isTrue();
        ClosingStream empty = new ClosingStream(new byte[0]);
        assertThrows(PayloadException.class, () -> CsvRecordReader.open(empty, "auto", ','));
        assertThat(empty.closed).isTrue();
    }

    /**
     * Rows made on the fly, 121 bytes each: the file never exists, in memory or on disk, and the default heap is
     * enough. 50 MB by default, as the reader parses about 30 MB/s on a shared build machine; {@code
     * -Dhuiju.read.stream-mb=2000} shows that the size makes no difference but time. Rows are patched into one reused
     * buffer so that the generator costs little next to the reader.
     */
    @Test
    void streamsAHugeFileInBoundedMemory() throws Exception {
        long rows = Long.getLong("huiju.read.stream-mb", 50) * 1_000_000 / 121 + 1;
        String template = "91110000#########X,北京某某科技有限公司第#######分公司,京市监罚〔2024〕#######号,1000.00,2024-01-01\n";
        byte[] row = template.getBytes(StandardCharsets.UTF_8);
        int[] slots = {8, 0, 0};
        slots[1] = template.substring(0, template.indexOf("#######分")).getBytes(StandardCharsets.UTF_8).length;
        slots[2] = template.substring(0, template.indexOf("#######号")).getBytes(StandardCharsets.UTF_8).length;
        GeneratedStream huge = new GeneratedStream(
                "统一社会信用代码,企业名称,处罚决定书文号,处罚金额,处罚日期\n",
                i -> {
                    writeDigits(row, slots[0], 9, i);
                    writeDigits(row, slots[1], 7, i);
                    writeDigits(row, slots[2], 7, i);
                    return row;
                },
                rows);

        long count = 0;
        long defects = 0;
        RawRecord last = null;
        try (CsvRecordReader reader = CsvRecordReader.open(huge, "auto", ',')) {
            assertThat(huge.consumed()).isLessThanOrEqualTo(EncodingSniffer.SAMPLE_BYTES);
            while (reader.hasNext()) {
                last = reader.next();
                count++;
                defects += last.isDefective() ? 1 : 0;
            }
        }
        assertThat(count).isEqualTo(rows);
        assertThat(defects).isZero();
        assertThat(last.line()).isEqualTo(rows + 1);
        assertThat(last.fields()).containsEntry("企业名称", String.format("北京某某科技有限公司第%07d分公司", rows - 1));
        assertThat(huge.consumed()).isGreaterThan(rows * 121);
    }

    private static void writeDigits(byte[] row, int at, int width, long value) {
        for (int i = at + width - 1; i >= at; i--) {
            row[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    private static CsvRecordReader open(byte[] bytes, String encoding) throws PayloadException {
        return CsvRecordReader.open(new ByteArrayInputStream(bytes), encoding, ',');
    }

    private static List<RawRecord> readAll(CsvRecordReader reader) {
        List<RawRecord> rows = new ArrayList<>();
        reader.forEachRemaining(rows::add);
        return rows;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** A header, then {@code count} pieces from {@code piece}, produced as they are read; a piece may reuse its array. */
    private static class GeneratedStream extends InputStream {
        private final LongFunction<byte[]> piece;
        private final long count;
        private byte[] current;
        private int position;
        private long index;
        private long consumed;

        GeneratedStream(String header, LongFunction<byte[]> piece, long count) {
            this.piece = piece;
            this.count = count;
            this.current = header.getBytes(StandardCharsets.UTF_8);
        }

        long consumed() {
            return consumed;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (position == current.length) {
                if (index == count) {
                    return -1;
                }
                current = piece.apply(index++);
                position = 0;
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, b, off, n);
            position += n;
            consumed += n;
            return n;
        }
    }

    private static final class ClosingStream extends ByteArrayInputStream {
        boolean closed;

        ClosingStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
