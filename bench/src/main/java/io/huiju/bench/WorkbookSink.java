package io.huiju.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes the generator's rows as one sheet of an .xlsx, the way a department's export looks: a title row above the
 * header, codes and names as text cells, the three dates as date cells (yyyy-mm-dd format), the two amounts as
 * numbers. A field that is not a valid date or number (the generator's impossible dates) stays text, as a person
 * typing it would leave it. Streamed with SXSSF: only a window of rows is in memory however many are written.
 */
final class WorkbookSink implements RowSink {

    /** How cell texts are stored. */
    enum Strings {
        /** In the cell ({@code t="inlineStr"}): what SXSSF writes by default. */
        INLINE,
        /**
         * In xl/sharedStrings.xml, each cell holding an index: what Excel and LibreOffice write. Written by {@link
         * SharedStringsWorkbookSink}: SXSSF's own shared strings table took 4.6 GB of heap for 100,000 rows.
         */
        SHARED
    }

    static final String SHEET_NAME = "行政处罚";
    static final String TITLE = "行政处罚信息（基准测试数据）";
    /** The sheet's 1,048,576 rows less the title and the header. */
    static final long MAX_DATA_ROWS = 1_048_576 - 2;

    private static final int ROW_WINDOW = 200;

    private final Path file;
    private final SXSSFWorkbook workbook;
    private final Sheet sheet;
    private final CellStyle dateStyle;
    private int nextRow;

    private WorkbookSink(Path file) {
        this.file = file;
        this.workbook = new SXSSFWorkbook(null, ROW_WINDOW, false, false);
        this.sheet = workbook.createSheet(SHEET_NAME);
        this.dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
    }

    static RowSink open(Path file, Strings strings) throws IOException {
        if (strings == Strings.SHARED) {
            return new SharedStringsWorkbookSink(file);
        }
        WorkbookSink sink = new WorkbookSink(file);
        sink.sheet.createRow(sink.nextRow++).createCell(0).setCellValue(TITLE);
        return sink;
    }

    @Override
    public void header(List<String> names) {
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < names.size(); i++) {
            row.createCell(i).setCellValue(names.get(i));
        }
    }

    @Override
    public void row(String[] fields) {
        requireRoom(nextRow);
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < fields.length; i++) {
            String text = fields[i];
            if (text.isEmpty()) {
                continue;
            }
            Cell cell = row.createCell(i);
            LocalDate date = date(i, text);
            if (date != null) {
                cell.setCellValue(date);
                cell.setCellStyle(dateStyle);
            } else if (isAmount(i)) {
                cell.setCellValue(Double.parseDouble(text));
            } else {
                cell.setCellValue(text);
            }
        }
    }

    /** @param row the 0-based index of the row about to be written */
    static void requireRoom(long row) {
        if (row >= MAX_DATA_ROWS + 2) {
            throw new IllegalArgumentException(String.format(
                    "an .xlsx sheet holds at most %,d data rows below a title and a header", MAX_DATA_ROWS));
        }
    }

    /** The date of a date column's field, or null: not a date column, or a date no calendar has (kept as text). */
    static LocalDate date(int column, String text) {
        if (column != PenaltyLayout.DECISION_DATE
                && column != PenaltyLayout.VALID_UNTIL
                && column != PenaltyLayout.PUBLICITY_DEADLINE) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException typedAsText) {
            return null;
        }
    }

    static boolean isAmount(int column) {
        return column == PenaltyLayout.FINE || column == PenaltyLayout.CONFISCATED;
    }

    @Override
    public void close() throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }
}
