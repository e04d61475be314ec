package io.huiju.transform.template;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The drop-down values of every coded column, one column each on a very hidden sheet, each named so that a list
 * validation can refer to it. An inline list is limited to 255 characters, which a mapping's code table may exceed;
 * one way for every list is simpler than two. The hub's reader skips hidden sheets, and the title of each list
 * ("可选值：…") is not a header it knows, so even an unhidden list sheet is never taken for data.
 */
final class ChoiceLists {

    static final String SHEET = "代码表";
    static final String NAME_PREFIX = "choices_";

    private ChoiceLists() {}

    /**
     * Writes the sheet (after the visible ones) and returns the name of each coded column's range, by column index; a
     * layout without coded columns gets no sheet.
     */
    static Map<Integer, String> write(XSSFWorkbook workbook, List<TemplateColumn> columns) {
        Map<Integer, String> names = new HashMap<>();
        if (columns.stream().allMatch(column -> column.choices().isEmpty())) {
            return names;
        }
        XSSFSheet sheet = workbook.createSheet(SHEET);
        int listColumn = 0;
        for (int i = 0; i < columns.size(); i++) {
            TemplateColumn column = columns.get(i);
            if (column.choices().isEmpty()) {
                continue;
            }
            List<String> values = column.choices().get().values();
            cell(sheet, 0, listColumn, "可选值：" + column.header());
            for (int v = 0; v < values.size(); v++) {
                cell(sheet, v + 1, listColumn, values.get(v));
            }
            sheet.setColumnWidth(listColumn, 30 * 256);
            names.put(i, name(workbook, listColumn, values.size(), column));
            listColumn++;
        }
        workbook.setSheetVisibility(workbook.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
        return names;
    }

    private static String name(XSSFWorkbook workbook, int column, int size, TemplateColumn owner) {
        String nameName = NAME_PREFIX + owner.field().path().replace('.', '_');
        AreaReference area = new AreaReference(
                new CellReference(SHEET, 1, column, true, true),
                new CellReference(SHEET, size, column, true, true),
                SpreadsheetVersion.EXCEL2007);
        Name name = workbook.createName();
        name.setNameName(nameName);
        name.setRefersToFormula(area.formatAsString());
        return nameName;
    }

    private static void cell(XSSFSheet sheet, int row, int column, String value) {
        XSSFRow r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
        r.createCell(column).setCellValue(value);
    }
}
