package io.huiju.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A {@link PenaltyFile} as a department fills the template, in any POI workbook (.xlsx, .xls, streamed .xlsx): a merged
 * title row on Excel row 1, the header on row 2, data from row 3, dates as real dates.
 */
final class PenaltyWorkbook {

    /** The Excel row number of the file's first data row. */
    static final int FIRST_DATA_ROW = 3;

    private PenaltyWorkbook() {}

    /** Adds a sheet "行政处罚" holding the file; a test may change the sheet before {@link #bytes}. */
    static Sheet fill(Workbook book, PenaltyFile file) {
        Sheet sheet = book.createSheet("行政处罚");
        sheet.createRow(0).createCell(0).setCellValue("龙岩市市场监督管理局行政处罚信息（2024年3月）");
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 8));
        CellStyle date = book.createCellStyle();
        date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        List<List<String>> cells = file.cells();
        int dateColumn = cells.get(0).indexOf("处罚决定日期");
        for (int r = 0; r < cells.size(); r++) {
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < cells.get(r).size(); c++) {
                String value = cells.get(r).get(c);
                if (r > 0 && c == dateColumn) {
                    row.createCell(c).setCellValue(LocalDate.parse(value));
                    row.getCell(c).setCellStyle(date);
                } else {
                    row.createCell(c).setCellValue(value);
                }
            }
        }
        return sheet;
    }

    /** Writes and closes the workbook. */
    static byte[] bytes(Workbook book) throws IOException {
        try (book;
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            if (book instanceof SXSSFWorkbook streamed) {
                streamed.dispose();
            }
            return out.toByteArray();
        }
    }
}
