package io.huiju.transform.template;

import io.huiju.transform.map.Mapping;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 填写说明 sheet: how to fill the data sheet, then each column's rule. Column names are listed one per row, so no
 * row of this sheet holds the three known headers that make the hub's reader take a row for the header row: a workbook
 * whose data sheet was deleted is refused, not read from here.
 */
final class Instructions {

    static final String SHEET = "填写说明";

    private Instructions() {}

    static void write(XSSFSheet sheet, String dataSheet, Mapping mapping, List<TemplateColumn> columns) {
        XSSFWorkbook workbook = sheet.getWorkbook();
        CellStyle bold = bold(workbook);
        CellStyle wrap = workbook.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);

        List<String> general = List.of(
                mapping.category().label() + "信息填写说明（数据格式：" + mapping.name() + "）",
                "1. 请在“" + dataSheet + "”工作表第2行起逐行填写，每行一条记录。不要修改、删除或移动第1行的列名，不要在列名上方插入行；不需要的列可以留空。",
                "2. 红色列名为必填列；“条件必填”的列在说明的情况下必填。各列要求见下表，也见列名单元格的批注（鼠标移到列名上即可查看）。",
                "3. 日期填写为yyyy-MM-dd（如2024-03-05）；金额以万元为单位（2000元填0.2）。",
                "4. 统一社会信用代码、证件号码等列已设为文本格式，请勿改为数值或常规格式，否则18位号码会丢失末尾数字。",
                "5. 带下拉箭头的列请从下拉列表中选择。",
                "6. 平台只读取“" + dataSheet + "”工作表；本说明可以保留，不会被当作数据。");
        int r = 0;
        for (String line : general) {
            sheet.createRow(r++).createCell(0).setCellValue(line);
        }
        sheet.getRow(0).getCell(0).setCellStyle(bold);
        r++;
        Row title = sheet.createRow(r++);
        String[] titles = {"列名", "是否必填", "填写要求"};
        for (int c = 0; c < titles.length; c++) {
            title.createCell(c).setCellValue(titles[c]);
            title.getCell(c).setCellStyle(bold);
        }
        for (TemplateColumn column : columns) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(column.header());
            row.createCell(1).setCellValue(ColumnNote.requirement(column));
            row.createCell(2).setCellValue(ColumnNote.rule(mapping, column));
            for (int c = 0; c < titles.length; c++) {
                row.getCell(c).setCellStyle(wrap);
            }
        }
        sheet.setColumnWidth(0, 34 * 256);
        sheet.setColumnWidth(1, 10 * 256);
        sheet.setColumnWidth(2, 90 * 256);
    }

    private static CellStyle bold(XSSFWorkbook workbook) {
        XSSFFont font = workbook.createFont();
        font.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }
}
