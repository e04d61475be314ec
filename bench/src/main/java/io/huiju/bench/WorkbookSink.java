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
         * In xl/sharedStrings.xml, each cell holding an index: what Excel and LibreOffice write. The whole table is
         * held in the generator's memory until the workbook is written, so this needs a large heap for big files.
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

    private WorkbookSink(Path file, Strings strings) {
        this.file = file;
        this.workbook = new SXSSFWorkbook(null, ROW_WINDOW, false, strings == Strings.SHARED);
        this.sheet = workbook.createSheet(SHEET_NAME);
        this.dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
    }

    static WorkbookSink open(Path file, Strings strings) {
        WorkbookSink sink = new WorkbookSink(file, strings);
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
        if (nextRow >= MAX_DATA_ROWS + 2) {
            throw new IllegalArgumentException(String.format(
                    "an .xlsx sheet holds at most %,d data rows below a title and a header", MAX_DATA_ROWS));
        }
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < fields.length; i++) {
            String text = fields[i];
            if (text.isEmpty()) {
                continue;
            }
            Cell cell = row.createCell(i);
            switch (i) {
                case PenaltyLayout.DECISION_DATE, PenaltyLayout.VALID_UNTIL, PenaltyLayout.PUBLICITY_DEADLINE ->
                    date(cell, text);
                case PenaltyLayout.FINE, PenaltyLayout.CONFISCATED -> cell.setCellValue(Double.parseDouble(text));
                default -> cell.setCellValue(text);
            }
        }
    }

    private void date(Cell cell, String text) {
        try {
            cell.setCellValue(LocalDate.parse(text));
            cell.setCellStyle(dateStyle);
        } catch (DateTimeParseException typedAsText) {
            cell.setCellValue(text);
        }
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
