package io.huiju.transform.template;

import io.huiju.transform.map.Mapping;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Row 1 of the data sheet: the headers exactly as the mapping knows them, bold, required ones in red, each with its
 * rule as a note; frozen, so it stays in view while a department fills row 500. Required columns are marked by colour
 * and not by a leading "*": the hub matches headers by their text, and "*行政相对人名称" is not a column it knows.
 */
final class HeaderRow {

    static final String NOTE_AUTHOR = "汇聚平台";

    // Widths in characters: an 18-character code must show whole; free text gets room but not a screen.
    private static final int CODE_WIDTH = 22;
    private static final int DATE_WIDTH = 13;
    private static final int TEXT_WIDTH = 16;
    private static final int MAX_WIDTH = 30;
    // A note box is this many columns wide; its height follows its text.
    private static final int NOTE_COLUMNS = 3;
    private static final int NOTE_CHARS_PER_LINE = 36;
    private static final float LINE_HEIGHT = 15f;

    private HeaderRow() {}

    static void write(XSSFSheet sheet, Mapping mapping, List<TemplateColumn> columns) {
        XSSFWorkbook workbook = sheet.getWorkbook();
        CellStyle optional = style(workbook, false);
        CellStyle required = style(workbook, true);
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        Row row = sheet.createRow(0);
        int lines = 1;
        for (int i = 0; i < columns.size(); i++) {
            TemplateColumn column = columns.get(i);
            Cell cell = row.createCell(i);
            cell.setCellValue(column.header());
            cell.setCellStyle(column.required() ? required : optional);
            cell.setCellComment(note(drawing, i, ColumnNote.of(mapping, column)));
            int width = width(column);
            sheet.setColumnWidth(i, width * 256);
            lines = Math.max(lines, ceilDiv(displayWidth(column.header()), width - 1));
        }
        row.setHeightInPoints(lines * LINE_HEIGHT + 4);
        sheet.createFreezePane(0, 1);
    }

    private static CellStyle style(XSSFWorkbook workbook, boolean required) {
        XSSFFont font = workbook.createFont();
        font.setBold(true);
        font.setColor(required ? IndexedColors.RED.getIndex() : IndexedColors.BLACK.getIndex());
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        style.setWrapText(true);
        style.setAlignment(HorizontalAlignment.CENTER);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        return style;
    }

    private static Comment note(XSSFDrawing drawing, int column, String text) {
        int lines = text.lines()
                .mapToInt(line -> ceilDiv(displayWidth(line), NOTE_CHARS_PER_LINE))
                .sum();
        ClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, column + 1, 0, column + 1 + NOTE_COLUMNS, lines + 2);
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(drawing.getSheet().getWorkbook().getCreationHelper().createRichTextString(text));
        comment.setAuthor(NOTE_AUTHOR);
        return comment;
    }

    private static int width(TemplateColumn column) {
        int least =
                switch (column.type()) {
                    case CODE -> CODE_WIDTH;
                    case DATE, AMOUNT -> DATE_WIDTH;
                    case TEXT -> TEXT_WIDTH;
                };
        return Math.min(MAX_WIDTH, Math.max(least, displayWidth(column.header()) + 2));
    }

    /** Columns a text takes on screen: a Chinese character is two. */
    static int displayWidth(String text) {
        return text.codePoints().map(c -> c < 0x1100 ? 1 : 2).sum();
    }

    private static int ceilDiv(int a, int b) {
        return Math.max(1, (a + b - 1) / b);
    }
}
