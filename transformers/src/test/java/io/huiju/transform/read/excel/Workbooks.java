package io.huiju.transform.read.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/** Builds the department workbooks the tests read: writing with POI's in-memory model is fine in tests. */
final class Workbooks {

    static final Predicate<String> KNOWN =
            Set.of("统一社会信用代码", "企业名称", "证件号码", "处罚金额", "处罚决定日期", "罚没合计", "是否公示")::contains;

    private Workbooks() {}

    /**
     * Sheets: a hidden "代码表" whose header also matches, a visible "填报说明" without one, and "处罚信息" with a merged
     * title, a subtitle and a blank row above the header on row 4, data on rows 5 to 7, then styled empty rows.
     */
    static void penalties(Workbook workbook) {
        Sheet codes = workbook.createSheet("代码表");
        row(codes, 0, "统一社会信用代码", "企业名称", "处罚金额");
        row(codes, 1, "X", "不应读到", "0");
        workbook.setSheetHidden(0, true);

        Sheet notes = workbook.createSheet("填报说明");
        row(notes, 0, "请按模板填写，日期用日期格式");

        Sheet data = workbook.createSheet("处罚信息");
        // Excel and LibreOffice show a hidden sheet that is the active one.
        workbook.setActiveSheet(2);
        workbook.setFirstVisibleTab(2);
        row(data, 0, "2024年度行政处罚信息");
        data.addMergedRegion(new CellRangeAddress(0, 0, 0, 6));
        row(data, 1, "填报单位：市场监督管理局");
        row(data, 3, "统一社会信用代码", "企业名称", "证件号码", "处罚金额", "罚没合计", "处罚决定日期", "是否公示");

        CellStyle date = workbook.createCellStyle();
        date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
        CellStyle amount = workbook.createCellStyle();
        amount.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("#,##0.00"));

        Row first = row(data, 4, "91350200MA2XXXXX1A", "厦门某某贸易有限公司", "350802199001011236");
        numeric(first, 3, 1000, amount);
        first.createCell(4).setCellFormula("D5*2");
        dated(first, 5, LocalDate.of(2024, 3, 15), date);
        first.createCell(6).setCellValue(true);

        Row second = row(data, 5, "91350200MA2XXXXX2B", "厦门某某科技有限公司", "00123");
        numeric(second, 3, 12.5, null);
        second.createCell(4).setCellFormula("1/0");
        dated(second, 5, LocalDate.of(2024, 4, 1), date);

        Row third = row(data, 6, "91350200MA2XXXXX3C", "厦门某某食品有限公司", "");
        numeric(third, 3, 0.1 + 0.2, null);
        third.createCell(4).setCellFormula("\"合计\"&D7");
        third.createCell(5).setCellValue("2024-05-06");
        third.createCell(8).setCellValue("表头右边的备注");

        for (int i = 7; i < 12; i++) {
            data.createRow(i).createCell(1).setCellStyle(amount);
        }
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
    }

    static Row row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
        return row;
    }

    static void numeric(Row row, int column, double value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void dated(Row row, int column, LocalDate value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** The workbook as Excel saves it with an opening password: the package encrypted inside an OLE2 container. */
    static Path encrypt(Path plain, Path file) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("123456");
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(Files.readAllBytes(plain));
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
        return file;
    }

    static Path write(Workbook workbook, Path file) throws IOException {
        try (workbook;
                OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        }
        return file;
    }
}
