package io.huiju.transform.template;

import io.huiju.transform.map.Mapping;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The .xlsx a department downloads and fills for one mapping, so that what it sends is what the hub reads: a first
 * sheet named after the category whose row 1 holds the mapping's headers (required ones in red, each with its rule as
 * a note), text and date formats and checks on the data rows, drop-down lists for coded columns; then a 填写说明 sheet
 * and a very hidden 代码表 sheet with the lists. Stateless and thread-safe.
 */
public final class WorkbookTemplate {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Rows 2 to this + 1 carry the checks and drop-downs; formats cover whole columns. */
    public static final int DATA_ROWS = 10_000;

    /**
     * Writes the template of {@code mapping}; does not close {@code out}.
     *
     * @throws IOException when {@code out} fails
     */
    public void write(Mapping mapping, OutputStream out) throws IOException {
        List<TemplateColumn> columns = TemplateColumns.of(mapping);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            String dataSheet = sheetName(mapping);
            XSSFSheet data = workbook.createSheet(dataSheet);
            XSSFSheet instructions = workbook.createSheet(Instructions.SHEET);
            Map<Integer, String> lists = ChoiceLists.write(workbook, columns);
            HeaderRow.write(data, mapping, columns);
            ColumnFormats.apply(data, columns);
            ColumnChecks.add(data, columns, lists, DATA_ROWS);
            Instructions.write(instructions, dataSheet, mapping, columns);
            workbook.setActiveSheet(0);
            workbook.setFirstVisibleTab(0);
            workbook.write(out);
        }
    }

    /** The data sheet's name: the category's, e.g. 行政处罚. */
    public static String sheetName(Mapping mapping) {
        return mapping.category().label();
    }

    /**
     * A name to offer for the download, e.g. {@code 行政处罚-national-penalty-模板.xlsx}: the category for the
     * department, the mapping because a category has more than one layout. Not ASCII: a Content-Disposition header
     * needs its {@code filename*} (RFC 6266) form.
     */
    public static String fileName(Mapping mapping) {
        return mapping.category().label() + "-" + mapping.name() + "-模板.xlsx";
    }
}
