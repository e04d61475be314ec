package io.huiju.transform.read.excel;

import static io.huiju.transform.read.excel.Workbooks.KNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.huiju.transform.RawRecord;
import io.huiju.transform.read.PayloadException;
import io.huiju.transform.read.RowSource;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbookFilesTest {

    @TempDir
    Path dir;

    @Test
    void anXlsNamedXlsxIsReadAsXlsWithAWarningNamingBoth() throws Exception {
        Path file = Workbooks.write(xls(), dir.resolve("处罚.xlsx"));

        try (RowSource reader = WorkbookFiles.open(file, "处罚.xlsx", KNOWN)) {
            assertThat(reader).isInstanceOf(XlsRecordReader.class);
            assertThat(reader.warnings().get(0)).contains("Excel 97-2003工作簿（.xls）", "扩展名却是.xlsx", "已按.xls读取");
            assertThat(readAll(reader)).extracting(RawRecord::line).containsExactly(5L, 6L, 7L);
        }
    }

    @Test
    void anXlsxNamedXlsIsReadAsXlsxWithAWarningNamingBoth() throws Exception {
        Path file = Workbooks.write(xlsx(), dir.resolve("处罚.xls"));

        try (RowSource reader = WorkbookFiles.open(file, "处罚.XLS", KNOWN)) {
            assertThat(reader).isInstanceOf(ExcelRecordReader.class);
            assertThat(reader.warnings().get(0)).contains("新版Excel工作簿（.xlsx）", "扩展名却是.xls", "已按.xlsx读取");
            assertThat(readAll(reader)).extracting(RawRecord::line).containsExactly(5L, 6L, 7L);
        }
    }

    @Test
    void aWorkbookNamedForWhatItIsHasNoWarning() throws Exception {
        Path xlsx = Workbooks.write(xlsx(), dir.resolve("新.xlsx"));
        Path xls = Workbooks.write(xls(), dir.resolve("旧.xls"));

        try (RowSource a = WorkbookFiles.open(xlsx, "新.xlsx", KNOWN);
                RowSource b = WorkbookFiles.open(xls, "旧.xls", KNOWN)) {
            assertThat(a.warnings()).isEmpty();
            assertThat(b.warnings()).isEmpty();
        }
    }

    @Test
    void aPasswordProtectedXlsxIsEncryptedWhateverItsName() throws Exception {
        Path plain = Workbooks.write(xlsx(), dir.resolve("明文.xlsx"));
        Path file = Workbooks.encrypt(plain, dir.resolve("加密.xlsx"));

        assertThat(failure(file, "加密.xlsx").code()).isEqualTo(ExcelRecordReader.ENCRYPTED);
        assertThat(failure(file, "加密.xls").code()).isEqualTo(ExcelRecordReader.ENCRYPTED);
    }

    @Test
    void anotherOfficeFileIsRefusedWithTheCodeOfTheFormatItsNameClaims() throws Exception {
        Path file = dir.resolve("公文.doc");
        try (POIFSFileSystem fs = new POIFSFileSystem();
                OutputStream out = Files.newOutputStream(file)) {
            fs.createDocument(new ByteArrayInputStream(new byte[600]), "WordDocument");
            fs.writeFilesystem(out);
        }

        assertThat(failure(file, "公文.xlsx").code()).isEqualTo(ExcelRecordReader.NOT_XLSX);
        assertThat(failure(file, "公文.xls").code()).isEqualTo(ExcelRecordReader.NOT_XLS);
    }

    @Test
    void anImageIsRefusedWithTheCodeOfTheFormatItsNameClaims() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        Path file = Files.write(dir.resolve("照片"), png);

        assertThat(failure(file, "照片.xlsm").code()).isEqualTo(ExcelRecordReader.NOT_XLSX);
        assertThat(failure(file, "照片.xls").code()).isEqualTo(ExcelRecordReader.NOT_XLS);
    }

    private static XSSFWorkbook xlsx() {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Workbooks.penalties(workbook);
        return workbook;
    }

    private static HSSFWorkbook xls() {
        HSSFWorkbook workbook = new HSSFWorkbook();
        Workbooks.penalties(workbook);
        return workbook;
    }

    private static PayloadException failure(Path file, String name) {
        return assertThrows(PayloadException.class, () -> WorkbookFiles.open(file, name, KNOWN)
                .close());
    }

    private static List<RawRecord> readAll(RowSource reader) {
        List<RawRecord> rows = new ArrayList<>();
        reader.forEachRemaining(rows::add);
        return rows;
    }
}
