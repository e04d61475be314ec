package io.huiju.transform.template;

import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationConstraint.OperatorType;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFDataValidationHelper;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * What Excel checks while a department types, over the data rows: drop-downs for coded columns, and for dates,
 * amounts and credit codes the parts of the hub's rules a spreadsheet can express. The hub checks everything again
 * (validate/): these only save a department a rejected upload. Pasted values are not checked by Excel.
 */
final class ColumnChecks {

    private static final String TITLE = "填写有误";

    private ColumnChecks() {}

    static void add(XSSFSheet sheet, List<TemplateColumn> columns, Map<Integer, String> lists, int lastRow) {
        XSSFDataValidationHelper helper = new XSSFDataValidationHelper(sheet);
        for (int i = 0; i < columns.size(); i++) {
            TemplateColumn column = columns.get(i);
            CellRangeAddressList rows = new CellRangeAddressList(1, lastRow, i, i);
            String header = "“" + column.header() + "”";
            if (column.choices().isPresent()) {
                Choices choices = column.choices().get();
                DataValidation list = helper.createValidation(helper.createFormulaListConstraint(lists.get(i)), rows);
                // A lenient list still shows its box, as a warning the department may answer "yes" to.
                list.setErrorStyle(
                        choices.strict() ? DataValidation.ErrorStyle.STOP : DataValidation.ErrorStyle.WARNING);
                add(sheet, list, header + "的值" + choices.otherwise() + "。");
            } else if (ColumnNote.CREDIT_CODES.contains(column.field())) {
                add(
                        sheet,
                        helper.createValidation(
                                helper.createTextLengthConstraint(OperatorType.EQUAL, "18", null), rows),
                        header + "应为18位统一社会信用代码。");
            } else {
                switch (column.type()) {
                    case DATE ->
                        add(
                                sheet,
                                helper.createValidation(dates(helper), rows),
                                header + "应为日期，格式yyyy-MM-dd，如2024-03-05。");
                    case AMOUNT ->
                        add(
                                sheet,
                                helper.createValidation(
                                        helper.createDecimalConstraint(OperatorType.GREATER_OR_EQUAL, "0", null), rows),
                                header + "应为不小于0的数字，单位万元（2000元填0.2），不要带单位。");
                    case TEXT, CODE -> {}
                }
            }
        }
    }

    // Any real date: whether it may lie in the future depends on the column, and the hub says so per row.
    private static DataValidationConstraint dates(XSSFDataValidationHelper helper) {
        return helper.createDateConstraint(OperatorType.BETWEEN, "DATE(1949,10,1)", "DATE(2099,12,31)", null);
    }

    private static void add(XSSFSheet sheet, DataValidation validation, String message) {
        validation.setShowErrorBox(true);
        validation.createErrorBox(TITLE, message);
        validation.setEmptyCellAllowed(true);
        sheet.addValidationData(validation);
    }
}
