package io.huiju.transform.template;

import io.huiju.transform.CanonicalField;
import io.huiju.transform.map.Mapping;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Fills a downloaded template the way a department does in Excel: under the headers of row 1, from row 2, each cell in
 * its column's format (Excel gives a typed cell the column's style; POI must be told). The header is read from the
 * file, not from the template classes, so what is filled is what the file offers.
 */
final class TemplateFiller {

    private TemplateFiller() {}

    /** Writes the template of {@code mapping} to {@code file}. */
    static Path template(Mapping mapping, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            new WorkbookTemplate().write(mapping, out);
        }
        return file;
    }

    /** The template of {@code mapping} with {@code rows} filled in, written to {@code file}. */
    static Path filled(Mapping mapping, List<Map<CanonicalField, Object>> rows, Path file) throws IOException {
        template(mapping, file);
        XSSFWorkbook workbook;
        try (InputStream in = Files.newInputStream(file)) {
            workbook = new XSSFWorkbook(in);
        }
        try (workbook) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(0);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (Cell title : header) {
                    CanonicalField field = fieldOf(mapping, title.getStringCellValue());
                    Object value = rows.get(r).get(field);
                    if (value != null) {
                        write(
                                row.createCell(title.getColumnIndex()),
                                value,
                                sheet.getColumnStyle(title.getColumnIndex()));
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        return file;
    }

    /** The first field of the mapping that a template prints under this header. */
    static CanonicalField fieldOf(Mapping mapping, String header) {
        return mapping.columns().keySet().stream()
                .filter(field -> header.equals(mapping.preferredColumn(field)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("header " + header + " is no column of " + mapping.name()));
    }

    private static void write(Cell cell, Object value, CellStyle columnStyle) {
        if (columnStyle != null) {
            cell.setCellStyle(columnStyle);
        }
        if (value instanceof LocalDate date) {
            cell.setCellValue(date);
        } else if (value instanceof BigDecimal amount) {
            cell.setCellValue(amount.doubleValue());
        } else {
            cell.setCellValue(value.toString());
        }
    }
}
