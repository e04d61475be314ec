package io.huiju.transform.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiju.model.Category;
import io.huiju.model.SubjectKind;
import io.huiju.transform.CanonicalField;
import io.huiju.transform.map.Mapping;
import io.huiju.transform.map.MappingRegistry;
import io.huiju.transform.validate.PenaltyKinds;
import io.huiju.transform.validate.RequiredFields;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a generated template holds, looked at with POI: sheets, headers, notes, formats, drop-downs and checks. */
class WorkbookTemplateTest {

    private static MappingRegistry registry;

    @BeforeAll
    static void loadShippedMappings() {
        registry = MappingRegistry.load(Path.of("../mappings"));
    }

    static XSSFWorkbook template(Mapping mapping) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new WorkbookTemplate().write(mapping, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static List<String> headers(XSSFSheet sheet) {
        return StreamSupport.stream(sheet.getRow(0).spliterator(), false)
                .map(Cell::getStringCellValue)
                .toList();
    }

    @Test
    void theDataSheetComesFirstThenTheInstructionsAndAVeryHiddenListSheet() throws IOException {
        try (XSSFWorkbook workbook = template(registry.get("national-penalty"))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
            assertThat(workbook.getSheetName(0)).isEqualTo("行政处罚");
            assertThat(workbook.getSheetName(1)).isEqualTo("填写说明");
            assertThat(workbook.getSheetName(2)).isEqualTo("代码表");
            assertThat(workbook.getSheetVisibility(0)).isEqualTo(SheetVisibility.VISIBLE);
            assertThat(workbook.getSheetVisibility(1)).isEqualTo(SheetVisibility.VISIBLE);
            assertThat(workbook.getSheetVisibility(2)).isEqualTo(SheetVisibility.VERY_HIDDEN);
            assertThat(workbook.getActiveSheetIndex()).isZero();
        }
    }

    @Test
    void rowOneHoldsTheMappingsChineseHeadersInItsOrderAndIsFrozen() throws IOException {
        Mapping mapping = registry.get("national-penalty");
        try (XSSFWorkbook workbook = template(mapping)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(headers(sheet))
                    .containsExactly(
                            "行政相对人名称",
                            "行政相对人类别",
                            "统一社会信用代码",
                            "工商注册号",
                            "组织机构代码",
                            "税务登记号",
                            "事业单位证书号",
                            "社会组织登记证号",
                            "法定代表人",
                            "法定代表人证件类型",
                            "法定代表人证件号码",
                            "证件类型",
                            "证件号码",
                            "行政处罚决定书文号",
                            "违法行为类型",
                            "违法事实",
                            "处罚依据",
                            "处罚类别",
                            "处罚内容",
                            "罚款金额（万元）",
                            "没收违法所得、没收非法财物的金额（万元）",
                            "暂扣或吊销证照名称及编号",
                            "处罚决定日期",
                            "处罚有效期",
                            "公示截止期",
                            "处罚机关",
                            "处罚机关统一社会信用代码",
                            "数据来源单位",
                            "数据来源单位统一社会信用代码",
                            "备注");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getPaneInformation().getVerticalSplitPosition()).isZero();
            for (int i = 0; i < headers(sheet).size(); i++) {
                assertThat(sheet.getColumnWidth(i)).as("width of column %d", i).isBetween(12 * 256, 30 * 256);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "national-penalty",
                "national-license",
                "legacy-2016-penalty",
                "legacy-2016-license",
                "national-red-list",
                "national-black-list"
            })
    void everyHeaderIsAColumnTheMappingKnowsAndCarriesItsRuleAsANote(String name) throws IOException {
        Mapping mapping = registry.get(name);
        try (XSSFWorkbook workbook = template(mapping)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo(mapping.category().label());
            for (Cell cell : sheet.getRow(0)) {
                String header = cell.getStringCellValue();
                assertThat(mapping.knowsColumn(header)).as(header).isTrue();
                assertThat(header.codePoints()
                                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                        .as("%s is Chinese", header)
                        .isTrue();
                assertThat(cell.getCellComment()).as("note on %s", header).isNotNull();
                String note = cell.getCellComment().getString().getString();
                assertThat(note).as(header).matches("(必填|条件必填|选填)。\n[\\s\\S]+");
                CanonicalField field = TemplateFiller.fieldOf(mapping, header);
                switch (field.type()) {
                    case DATE -> assertThat(note).as(header).contains("yyyy-MM-dd");
                    case AMOUNT -> assertThat(note).as(header).contains("万元");
                    default -> {}
                }
                if (ColumnNote.CREDIT_CODES.contains(field)) {
                    assertThat(note).as(header).contains("18位统一社会信用代码", "校验码");
                }
            }
            assertThat(headers(sheet)).doesNotHaveDuplicates();
        }
    }

    @Test
    void aLegacyLayoutGetsItsChineseAliasesAndAColumnReadTwiceOnce() throws IOException {
        try (XSSFWorkbook workbook = template(registry.get("legacy-2016-license"))) {
            List<String> headers = headers(workbook.getSheetAt(0));
            assertThat(headers).startsWith("决定书文号", "项目名称", "审批类别").noneMatch(h -> h.startsWith("XK_"));
            // 许可决定日期 feeds decision.date and decision.validFrom, and the note says both.
            assertThat(headers).containsOnlyOnce("许可决定日期");
            String note = note(workbook.getSheetAt(0), "许可决定日期");
            assertThat(note).startsWith("必填。").contains("不能晚于今天", "有效期的起始日期");
        }
    }

    @Test
    void requiredColumnsAreRedAndBoldAndTheOthersBlack() throws IOException {
        Mapping mapping = registry.get("national-penalty");
        try (XSSFWorkbook workbook = template(mapping)) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            List<String> red = new ArrayList<>();
            for (Cell cell : sheet.getRow(0)) {
                var font = ((XSSFCell) cell).getCellStyle().getFont();
                assertThat(font.getBold()).isTrue();
                if (font.getColor() == IndexedColors.RED.getIndex()) {
                    red.add(cell.getStringCellValue());
                    assertThat(note(sheet, cell.getStringCellValue())).startsWith("必填。");
                }
            }
            List<String> required = RequiredFields.of(Category.PENALTY).stream()
                    .map(mapping::preferredColumn)
                    .filter(java.util.Objects::nonNull)
                    .toList();
            assertThat(red).containsExactlyInAnyOrderElementsOf(required);
            assertThat(red).contains("行政相对人名称", "行政相对人类别", "处罚类别", "处罚决定日期", "处罚机关统一社会信用代码");
            assertThat(note(sheet, "统一社会信用代码")).startsWith("条件必填。");
            assertThat(note(sheet, "罚款金额（万元）")).startsWith("条件必填。").contains("处罚类别含“罚款”时必填");
            assertThat(note(sheet, "备注")).startsWith("选填。");
            // A field the mapping defaults need not be filled, and the note says what it becomes.
            assertThat(note(sheet, "数据来源单位")).startsWith("选填。").contains("不填时默认为提交单位的名称");
        }
    }

    @Test
    void codeColumnsAreTextAndDateColumnsDates() throws IOException {
        try (XSSFWorkbook workbook = template(registry.get("national-penalty"))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            Map<String, String> formats = columnFormats(sheet);
            assertThat(formats)
                    .containsEntry("统一社会信用代码", "@")
                    .containsEntry("证件号码", "@")
                    .containsEntry("法定代表人证件号码", "@")
                    .containsEntry("行政处罚决定书文号", "@")
                    .containsEntry("处罚决定日期", "yyyy-mm-dd")
                    .containsEntry("公示截止期", "yyyy-mm-dd")
                    .doesNotContainKey("罚款金额（万元）");
        }
    }

    @Test
    void codedColumnsHaveDropDownsOverTheDataRowsFromTheHiddenSheet() throws IOException {
        try (XSSFWorkbook workbook = template(registry.get("national-penalty"))) {
            Map<String, XSSFDataValidation> byHeader = validations(workbook.getSheetAt(0));

            XSSFDataValidation kind = byHeader.get("行政相对人类别");
            assertThat(listValues(workbook, kind))
                    .containsExactly(Arrays.stream(SubjectKind.values())
                            .map(SubjectKind::label)
                            .toArray(String[]::new));
            assertThat(kind.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
            assertThat(kind.getErrorBoxText()).contains("只能从下拉列表中选择");

            // Several kinds go in one cell ("警告、罚款"), so a value outside the list is questioned, not refused.
            XSSFDataValidation kinds = byHeader.get("处罚类别");
            assertThat(listValues(workbook, kinds)).containsExactlyElementsOf(PenaltyKinds.STATUTORY);
            assertThat(kinds.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.WARNING);
            assertThat(kinds.getErrorBoxText()).contains("、");

            assertThat(listValues(workbook, byHeader.get("证件类型"))).containsExactlyElementsOf(Choices.ID_TYPES);
            assertThat(listValues(workbook, byHeader.get("法定代表人证件类型"))).containsExactlyElementsOf(Choices.ID_TYPES);

            for (String header : List.of("行政相对人类别", "处罚类别", "证件类型", "法定代表人证件类型")) {
                XSSFDataValidation list = byHeader.get(header);
                assertThat(list.getValidationConstraint().getValidationType()).isEqualTo(ValidationType.LIST);
                assertThat(list.getShowErrorBox()).as(header).isTrue();
                CellRangeAddress rows = list.getRegions().getCellRangeAddress(0);
                assertThat(rows.getFirstRow()).isEqualTo(1);
                assertThat(rows.getLastRow()).isEqualTo(WorkbookTemplate.DATA_ROWS);
                assertThat(workbook.getSheetAt(0)
                                .getRow(0)
                                .getCell(rows.getFirstColumn())
                                .getStringCellValue())
                        .isEqualTo(header);
                assertThat(note(workbook.getSheetAt(0), header)).contains(String.join("、", listValues(workbook, list)));
            }
            // OOXML's showDropDown="1" hides the arrow, despite its name.
            assertThat(workbook.getSheetAt(0)
                            .getCTWorksheet()
                            .getDataValidations()
                            .getDataValidationArray())
                    .noneMatch(v -> v.getShowDropDown());
            // OOXML's showDropDown="1" hides the arrow, despite its name.
            assertThat(workbook.getSheetAt(0)
                            .getCTWorksheet()
                            .getDataValidations()
                            .getDataValidationArray())
                    .noneMatch(v -> v.getShowDropDown());
            assertThat(byHeader.get("处罚决定日期").getValidationConstraint().getValidationType())
                    .isEqualTo(ValidationType.DATE);
            assertThat(byHeader.get("罚款金额（万元）").getValidationConstraint().getValidationType())
                    .isEqualTo(ValidationType.DECIMAL);
            assertThat(byHeader.get("处罚机关统一社会信用代码").getValidationConstraint().getValidationType())
                    .isEqualTo(ValidationType.TEXT_LENGTH);
            assertThat(byHeader).doesNotContainKeys("行政相对人名称", "备注");
        }
    }

    @Test
    void aMappingsCodeTableBecomesAStrictDropDownOfItsValues() throws IOException {
        try (XSSFWorkbook workbook = template(registry.get("national-license"))) {
            XSSFDataValidation status = validations(workbook.getSheetAt(0)).get("当前状态");
            assertThat(listValues(workbook, status)).containsExactly("有效", "无效");
            assertThat(status.getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
            assertThat(note(workbook.getSheetAt(0), "当前状态")).contains("可选值：有效、无效", "也可填代码：1=有效、2=无效");
        }
    }

    @Test
    void theInstructionsListEveryColumnOnePerRow() throws IOException {
        Mapping mapping = registry.get("national-penalty");
        try (XSSFWorkbook workbook = template(mapping)) {
            XSSFSheet instructions = workbook.getSheet("填写说明");
            List<String> listed = new ArrayList<>();
            for (var row : instructions) {
                long known = StreamSupport.stream(row.spliterator(), false)
                        .filter(c -> mapping.knowsColumn(c.getStringCellValue()))
                        .count();
                // The reader takes a row with 3 known headers for the header row: none may have more than one.
                assertThat(known).as("row %d", row.getRowNum() + 1).isLessThanOrEqualTo(1);
                if (known == 1) {
                    listed.add(row.getCell(0).getStringCellValue());
                }
            }
            assertThat(listed).containsExactlyElementsOf(headers(workbook.getSheetAt(0)));
        }
    }

    @Test
    void theSuggestedFileNameSaysCategoryAndLayout() {
        assertThat(WorkbookTemplate.fileName(registry.get("national-penalty")))
                .isEqualTo("行政处罚-national-penalty-模板.xlsx");
        assertThat(WorkbookTemplate.fileName(registry.get("legacy-2016-license")))
                .isEqualTo("行政许可-legacy-2016-license-模板.xlsx");
    }

    static String note(XSSFSheet sheet, String header) {
        for (Cell cell : sheet.getRow(0)) {
            if (cell.getStringCellValue().equals(header)) {
                return cell.getCellComment().getString().getString();
            }
        }
        throw new AssertionError("no header " + header);
    }

    private static Map<String, String> columnFormats(XSSFSheet sheet) {
        Map<String, String> formats = new LinkedHashMap<>();
        for (Cell cell : sheet.getRow(0)) {
            var style = sheet.getColumnStyle(cell.getColumnIndex());
            if (style != null && style.getIndex() != 0) {
                formats.put(cell.getStringCellValue(), style.getDataFormatString());
            }
        }
        return formats;
    }

    static Map<String, XSSFDataValidation> validations(XSSFSheet sheet) {
        Map<String, XSSFDataValidation> byHeader = new LinkedHashMap<>();
        for (XSSFDataValidation validation : sheet.getDataValidations()) {
            int column = validation.getRegions().getCellRangeAddress(0).getFirstColumn();
            byHeader.put(sheet.getRow(0).getCell(column).getStringCellValue(), validation);
        }
        return byHeader;
    }

    /** The values of a list validation, through its named range. */
    static List<String> listValues(XSSFWorkbook workbook, XSSFDataValidation validation) {
        String name = validation.getValidationConstraint().getFormula1();
        AreaReference area =
                new AreaReference(workbook.getName(name).getRefersToFormula(), workbook.getSpreadsheetVersion());
        List<String> values = new ArrayList<>();
        for (CellReference ref : area.getAllReferencedCells()) {
            values.add(workbook.getSheet(ref.getSheetName())
                    .getRow(ref.getRow())
                    .getCell(ref.getCol())
                    .getStringCellValue());
        }
        return values;
    }
}
