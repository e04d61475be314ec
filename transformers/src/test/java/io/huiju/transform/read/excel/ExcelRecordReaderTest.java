package io.huiju.transform.read.excel;

import static io.huiju.transform.read.excel.Workbooks.KNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.huiju.transform.RawRecord;
import io.huiju.transform.read.PayloadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExcelRecordReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheVisibleSheetWithAKnownHeaderBelowItsTitleRows() throws Exception {
        Path file = penalties();
        try (ExcelRecordReader reader = ExcelRecordReader.open(file, KNOWN)) {
            assertThat(reader.sheetName()).isEqualTo("处罚信息");
            assertThat(reader.header()).containsExactly("统一社会信用代码", "企业名称", "证件号码", "处罚金额", "罚没合计", "处罚决定日期", "是否公示");
            assertThat(reader.warnings()).isEmpty();
            List<RawRecord> rows = readAll(reader);
            assertThat(rows).extracting(RawRecord::line).containsExactly(5L, 6L, 7L);

            RawRecord first = rows.get(0);
            assertThat(first.isDefective()).isFalse();
            assertThat(first.fields())
                    .containsEntry("统一社会信用代码", "91350200MA2XXXXX1A")
                    .containsEntry("证件号码", "350802199001011236")
                    .containsEntry("处罚金额", "1000")
                    .containsEntry("罚没合计", "2000")
                    .containsEntry("处罚决定日期", "2024-03-15")
                    .containsEntry("是否公示", "TRUE");
        }
    }

    @Test
    void anErrorCellMakesItsRowDefectiveAndNamesTheCell() throws Exception {
        try (ExcelRecordReader reader = ExcelRecordReader.open(penalties(), KNOWN)) {
            RawRecord second = readAll(reader).get(1);
            assertThat(second.defectCode()).isEqualTo(ExcelRecordReader.CELL_ERROR);
            assertThat(second.defect()).isEqualTo("第6行E列（罚没合计）的单元格是错误值 #DIV/0!");
            assertThat(second.fields())
                    .containsEntry("证件号码", "00123")
                    .containsEntry("处罚金额", "12.5")
                    .containsEntry("处罚决定日期", "2024-04-01")
                    .containsEntry("是否公示", "");
        }
    }

    @Test
    void textStaysTextAndNumbersLoseTheirBinaryNoise() throws Exception {
        try (ExcelRecordReader reader = ExcelRecordReader.open(penalties(), KNOWN)) {
            RawRecord third = readAll(reader).get(2);
            assertThat(third.isDefective()).isFalse();
            assertThat(third.fields())
                    .containsEntry("证件号码", "")
                    .containsEntry("处罚金额", "0.3")
                    .containsEntry("罚没合计", "合计0.3")
                    .containsEntry("处罚决定日期", "2024-05-06")
                    .doesNotContainValue("表头右边的备注");
        }
    }

    @Test
    void aLongNumberStoredAsNumberIsReportedNotSilentlyRounded() throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("数据");
        Workbooks.row(sheet, 0, "企业名称", "证件号码", "处罚金额", "处罚决定日期");
        Row row = Workbooks.row(sheet, 1, "某某");
        Workbooks.numeric(row, 1, 350802199001011236d, null);
        Workbooks.numeric(row, 2, 1.5e10, null);
        Row time = Workbooks.row(sheet, 2, "某某");
        Workbooks.numeric(time, 2, -0.25, null);
        var style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        time.createCell(3).setCellValue(java.time.LocalDateTime.of(2024, 1, 2, 13, 45));
        time.getCell(3).setCellStyle(style);
        try (ExcelRecordReader reader = open(Workbooks.write(workbook, dir.resolve("长数字.xlsx")))) {
            List<RawRecord> rows = readAll(reader);
            assertThat(rows.get(0).defectCode()).isEqualTo(ExcelRecordReader.DIGITS_LOST);
            assertThat(rows.get(0).defect()).startsWith("第2行B列（证件号码）的数字350802199001011000超过15位");
            assertThat(rows.get(0).fields()).containsEntry("处罚金额", "15000000000");
            assertThat(rows.get(1).fields())
                    .containsEntry("处罚金额", "-0.25")
                    .containsEntry("处罚决定日期", "2024-01-02 13:45:00");
        }
    }

    @Test
    void withoutAKnownHeaderTheMessageNamesTheSheetsLookedAt() throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Workbooks.row(workbook.createSheet("Sheet1"), 0, "名称", "金额", "日期");
        Sheet late = workbook.createSheet("Sheet2");
        Workbooks.row(late, 30, "统一社会信用代码", "企业名称", "处罚金额");
        Workbooks.row(workbook.createSheet("隐藏"), 0, "统一社会信用代码", "企业名称", "处罚金额");
        workbook.setSheetHidden(2, true);
        Path file = Workbooks.write(workbook, dir.resolve("无表头.xlsx"));

        PayloadException e = assertThrows(PayloadException.class, () -> open(file));
        assertThat(e.code()).isEqualTo(ExcelRecordReader.HEADER_NOT_FOUND);
        assertThat(e.getMessage())
                .contains("“Sheet1”、“Sheet2”")
                .contains("前30行")
                .doesNotContain("隐藏");
    }

    @Test
    void duplicateHeaderNamesAreWarnedAndTheFirstColumnWins() throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("数据");
        Workbooks.row(sheet, 0, "企业名称", "处罚金额", "", "处罚决定日期", "企业名称");
        Workbooks.row(sheet, 1, "甲", "1", "空表头下的值", "2024-01-01", "乙");
        try (ExcelRecordReader reader = open(Workbooks.write(workbook, dir.resolve("重名.xlsx")))) {
            assertThat(reader.header()).containsExactly("企业名称", "处罚金额", "处罚决定日期");
            assertThat(reader.warnings()).containsExactly("表头E列与A列同名（“企业名称”），读取时忽略后一列的值");
            assertThat(reader.next().fields())
                    .containsExactly(
                            java.util.Map.entry("企业名称", "甲"),
                            java.util.Map.entry("处罚金额", "1"),
                            java.util.Map.entry("处罚决定日期", "2024-01-01"));
        }
    }

    @Test
    void streamsTwoHundredThousandRows() throws Exception {
        Path file = dir.resolve("大文件.xlsx");
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        Sheet sheet = workbook.createSheet("数据");
        Workbooks.row(sheet, 0, "统一社会信用代码", "企业名称", "处罚金额");
        for (int i = 1; i <= 200_000; i++) {
            Row row = Workbooks.row(sheet, i, "91350200MA" + i, "企业" + i);
            row.createCell(2).setCellValue(i);
        }
        Workbooks.write(workbook, file);
        workbook.dispose();

        long count = 0;
        RawRecord last = null;
        try (ExcelRecordReader reader = open(file)) {
            while (reader.hasNext()) {
                last = reader.next();
                count++;
            }
        }
        assertThat(count).isEqualTo(200_000);
        assertThat(last.line()).isEqualTo(200_001);
        assertThat(last.fields()).containsEntry("处罚金额", "200000");
    }

    @Test
    void closingEarlyStopsTheParserThread() throws Exception {
        Path file = dir.resolve("中途关闭.xlsx");
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        Sheet sheet = workbook.createSheet("数据");
        Workbooks.row(sheet, 0, "统一社会信用代码", "企业名称", "处罚金额");
        for (int i = 1; i <= 5_000; i++) {
            Workbooks.row(sheet, i, "A" + i, "B" + i, "1");
        }
        Workbooks.write(workbook, file);
        workbook.dispose();

        ExcelRecordReader reader = open(file);
        assertThat(reader.next().line()).isEqualTo(2);
        reader.close();
        assertThat(Thread.getAllStackTraces().keySet())
                .extracting(Thread::getName)
                .doesNotContain("xlsx-数据");
        assertThat(reader.hasNext()).isFalse();
    }

    @Test
    void aPngRenamedToXlsxIsNotXlsx() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Path file = Files.write(dir.resolve("照片.xlsx"), png);
        assertThat(failure(file).code()).isEqualTo(ExcelRecordReader.NOT_XLSX);
    }

    @Test
    void anXlsRenamedToXlsxIsNotXlsxAndSaysSo() throws Exception {
        HSSFWorkbook workbook = new HSSFWorkbook();
        Workbooks.penalties(workbook);
        Path file = Workbooks.write(workbook, dir.resolve("旧版.xlsx"));
        PayloadException e = failure(file);
        assertThat(e.code()).isEqualTo(ExcelRecordReader.NOT_XLSX);
        assertThat(e.getMessage()).contains("97-2003");
    }

    @Test
    void aZipThatIsNoWorkbookIsNotXlsx() throws Exception {
        Path file = dir.resolve("压缩包.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        PayloadException e = failure(file);
        assertThat(e.code()).as(e.getMessage()).isEqualTo(ExcelRecordReader.NOT_XLSX);
    }

    @Test
    void aTruncatedXlsxIsCorrupt() throws Exception {
        byte[] whole = Files.readAllBytes(penalties());
        Path file = Files.write(dir.resolve("截断.xlsx"), Arrays.copyOf(whole, whole.length / 2));
        PayloadException e = failure(file);
        assertThat(e.code()).isEqualTo(ExcelRecordReader.CORRUPT);
        assertThat(e.getMessage()).contains("文件不完整").contains("只有开头的一部分");
    }

    @Test
    void anEmptyFileIsEmpty() throws Exception {
        Path file = Files.write(dir.resolve("空.xlsx"), new byte[0]);
        assertThat(failure(file).code()).isEqualTo(PayloadException.EMPTY_FILE);
    }

    @Test
    void aPasswordProtectedXlsxIsEncrypted() throws Exception {
        Path file = Workbooks.encrypt(penalties(), dir.resolve("加密.xlsx"));
        PayloadException e = failure(file);
        assertThat(e.code()).isEqualTo(ExcelRecordReader.ENCRYPTED);
        assertThat(e.getMessage()).contains("密码");
    }

    @Test
    void aSheetThatInflatesBeyondTheZipLimitsIsAZipBomb() throws Exception {
        String padding = " ".repeat(20 * 1024 * 1024);
        Path file = replaceSheet(
                penalties(), "xl/worksheets/sheet3.xml", xml -> xml.replace("<sheetData>", "<sheetData>" + padding));
        assertThat(failure(file).code()).isEqualTo(ExcelRecordReader.ZIP_BOMB);
    }

    @Test
    void anEntityInTheSheetXmlIsNeverExpanded() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "机密内容");
        String doctype =
                "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"><!ENTITY lol \"统一社会信用代码\">]>";
        Path file = replaceSheet(penalties(), "xl/worksheets/sheet3.xml", xml -> {
            int declarationEnd = xml.indexOf("?>") + 2;
            return xml.substring(0, declarationEnd) + doctype + xml.substring(declarationEnd);
        });
        PayloadException e = failure(file);
        assertThat(e.code()).isEqualTo(ExcelRecordReader.CORRUPT);
        assertThat(e.getMessage()).contains("DOCTYPE").contains("为安全起见").doesNotContain("机密内容");
    }

    @Test
    void aCheckedInWorkbookSavedByLibreOfficeReads() throws Exception {
        Path file = dir.resolve("libreoffice.xlsx");
        try (InputStream in = getClass().getResourceAsStream("/read/excel/penalties-libreoffice.xlsx")) {
            org.junit.jupiter.api.Assumptions.assumeTrue(in != null, "no LibreOffice workbook checked in");
            Files.copy(in, file);
        }
        try (ExcelRecordReader reader = open(file)) {
            assertThat(reader.sheetName()).isEqualTo("处罚信息");
            List<RawRecord> rows = readAll(reader);
            assertThat(rows).extracting(RawRecord::line).containsExactly(5L, 6L, 7L);
            assertThat(rows.get(0).fields())
                    .containsEntry("证件号码", "350802199001011236")
                    .containsEntry("处罚金额", "1000")
                    .containsEntry("处罚决定日期", "2024-03-15");
            assertThat(rows.get(1).defectCode()).isEqualTo(ExcelRecordReader.CELL_ERROR);
        }
    }

    private Path penalties() throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Workbooks.penalties(workbook);
        return Workbooks.write(workbook, Files.createTempFile(dir, "处罚", ".xlsx"));
    }

    private static ExcelRecordReader open(Path file) throws PayloadException {
        return ExcelRecordReader.open(file, KNOWN);
    }

    private static PayloadException failure(Path file) {
        return assertThrows(PayloadException.class, () -> open(file).close());
    }

    private static List<RawRecord> readAll(ExcelRecordReader reader) {
        List<RawRecord> rows = new ArrayList<>();
        reader.forEachRemaining(rows::add);
        return rows;
    }

    private Path replaceSheet(Path source, String entryName, java.util.function.UnaryOperator<String> change)
            throws IOException {
        Path target = Files.createTempFile(dir, "改写", ".xlsx");
        try (ZipFile in = new ZipFile(source.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream data = in.getInputStream(entry)) {
                    bytes = data.readAllBytes();
                }
                if (entry.getName().equals(entryName)) {
                    bytes = change.apply(new String(bytes, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return target;
    }
}
