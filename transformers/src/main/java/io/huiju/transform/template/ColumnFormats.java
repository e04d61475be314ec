package io.huiju.transform.template;

import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The format a cell gets when a department types into it, set on whole columns so that no empty cells are written.
 * Text columns are text ("@"): Excel would otherwise store an 18-digit ID number as a number and lose its last three
 * digits, and turn a 文号 like "3-5" into a date. Date columns carry a date format, so a date typed any way Excel
 * understands is stored as a date, which the hub reads as yyyy-MM-dd. Amounts stay General.
 */
final class ColumnFormats {

    static final String TEXT = "@";
    static final String DATE = "yyyy-mm-dd";

    private ColumnFormats() {}

    static void apply(XSSFSheet sheet, List<TemplateColumn> columns) {
        XSSFWorkbook workbook = sheet.getWorkbook();
        DataFormat formats = workbook.createDataFormat();
        CellStyle text = workbook.createCellStyle();
        text.setDataFormat(formats.getFormat(TEXT));
        CellStyle date = workbook.createCellStyle();
        date.setDataFormat(formats.getFormat(DATE));
        for (int i = 0; i < columns.size(); i++) {
            switch (columns.get(i).type()) {
                case TEXT, CODE -> sheet.setDefaultColumnStyle(i, text);
                case DATE -> sheet.setDefaultColumnStyle(i, date);
                case AMOUNT -> {}
            }
        }
    }
}
