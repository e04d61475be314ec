package io.huiju.transform.read.excel;

import static io.huiju.transform.read.excel.Workbooks.KNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.huiju.transform.RawRecord;
import io.huiju.transform.read.PayloadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsRecordReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsTheVisibleSheetWithAKnownHeaderBelowItsTitleRows() throws Exception {
        try (XlsRecordReader reader = XlsRecordReader.open(penalties(), KNOWN)) {
            assertThat(reader.sheetName()).isEqualTo("处罚信息");
            assertThat(reader.header()).containsExactly("统一社会信用代码", "企业名称", "证件号码", "处罚金额", "罚没合计", "处罚决定日期", "是否公示");
            List<RawRecord> rows = readAll(reader);
            assertThat(rows).extracting(RawRecord::line).containsExactly(5L, 6L, 7L);
            assertThat(rows.get(0).isDefective()).isFalse();
            assertThat(rows.get(0).fields())
                    .containsEntry("证件号码", "350802199001011236")
                    .containsEntry("处罚金额", "1000")
                    .containsEntry("罚没合计", "2000")
                    .containsEntry("处罚决定日期", "2024-03-15")
                    .containsEntry("是否公示", "TRUE");
            assertThat(rows.get(1).defectCode()).isEqualTo(ExcelRecordReader.CELL_ERROR);
            assertThat(rows.get(1).defect()).isEqualTo("第6行E列（罚没合计）的单元格是错误值 #DIV/0!");
            assertThat(rows.get(1).fields()).containsEntry("证件号码", "00123").containsEntry("处罚金额", "12.5");
            assertThat(rows.get(2).fields())
                    .containsEntry("处罚金额", "0.3")
                    .containsEntry("罚没合计", "合计0.3")
                    .containsEntry("处罚决定日期", "2024-05-06")
                    .doesNotContainValue("表头右边的备注");
        }
    }

    @Test
    void withoutAKnownHeaderTheMessageNamesTheVisibleSheets() throws Exception {
        HSSFWorkbook workbook = new HSSFWorkbook();
        Workbooks.row(workbook.createSheet("Sheet1"), 0, "名称", "金额", "日期");
        Workbooks.row(workbook.createSheet("隐藏"), 0, "统一社会信用代码", "企业名称", "处罚金额");
        workbook.setSheetHidden(1, true);
        Path file = Workbooks.write(workbook, dir.resolve("无表头.xls"));
        PayloadException e = assertThrows(PayloadException.class, () -> XlsRecordReader.open(file, KNOWN));
        assertThat(e.code()).isEqualTo(ExcelRecordReader.HEADER_NOT_FOUND);
        assertThat(e.getMessage()).contains("“Sheet1”").doesNotContain("隐藏");
    }

    @Test
    void readsAllRowsOfAFullSheet() throws Exception {
        HSSFWorkbook workbook = new HSSFWorkbook();
        Sheet sheet = workbook.createSheet("数据");
        Workbooks.row(sheet, 0, "统一社会信用代码", "企业名称", "处罚金额");
        for (int i = 1; i <= 20_000; i++) {
            Row row = Workbooks.row(sheet, i, "A" + i, "企业" + i);
            row.createCell(2).setCellValue(i);
        }
        long count = 0;
        try (XlsRecordReader reader = XlsRecordReader.open(Workbooks.write(workbook, dir.resolve("多行.xls")), KNOWN)) {
            while (reader.hasNext()) {
                RawRecord row = reader.next();
                count++;
                assertThat(row.fields().get("处罚金额")).isEqualTo(String.valueOf(count));
            }
        }
        assertThat(count).isEqualTo(20_000);
    }

    @Test
    void anXlsxRenamedToXlsIsNotXls() throws Exception {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Workbooks.penalties(workbook);
        Path file = Workbooks.write(workbook, dir.resolve("新版.xls"));
        PayloadException e = assertThrows(PayloadException.class, () -> XlsRecordReader.open(file, KNOWN));
        assertThat(e.code()).isEqualTo(ExcelRecordReader.NOT_XLS);
        assertThat(e.getMessage()).contains(".xlsx");
    }

    @Test
    void aPasswordProtectedXlsIsEncrypted() throws Exception {
        HSSFWorkbook workbook = new HSSFWorkbook();
        Workbooks.penalties(workbook);
        Path file;
        Biff8EncryptionKey.setCurrentUserPassword("123456");
        try {
            file = Workbooks.write(workbook, dir.resolve("加密.xls"));
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        PayloadException e = assertThrows(PayloadException.class, () -> XlsRecordReader.open(file, KNOWN));
        assertThat(e.code()).isEqualTo(ExcelRecordReader.ENCRYPTED);
    }

    @Test
    void aTruncatedXlsIsCorrupt() throws Exception {
        byte[] whole = Files.readAllBytes(penalties());
        Path file = Files.write(dir.resolve("截断.xls"), Arrays.copyOf(whole, whole.length / 2));
        PayloadException e = assertThrows(PayloadException.class, () -> XlsRecordReader.open(file, KNOWN));
        assertThat(e.code()).isEqualTo(ExcelRecordReader.CORRUPT);
        assertThat(e.getMessage()).contains("文件不完整").contains("只有开头的一部分");
    }

    private Path penalties() throws IOException {
        HSSFWorkbook workbook = new HSSFWorkbook();
        Workbooks.penalties(workbook);
        return Workbooks.write(workbook, Files.createTempFile(dir, "处罚", ".xls"));
    }

    private static List<RawRecord> readAll(XlsRecordReader reader) {
        List<RawRecord> rows = new ArrayList<>();
        reader.forEachRemaining(rows::add);
        return rows;
    }
}
