package io.huiju.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorkbookSinkTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(WorkbookSink.Strings.class)
    void writesTitleHeaderAndTypedCells(WorkbookSink.Strings strings) throws Exception {
        Path file = dir.resolve("p-" + strings + ".xlsx");
        PenaltyFileGenerator.Counts counts = new PenaltyFileGenerator(7).write(1_000, file, strings);
        assertThat(counts.rows()).isEqualTo(1_000);

        try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
            int sharedStrings = workbook.getSharedStringSource().getUniqueCount();
            if (strings == WorkbookSink.Strings.SHARED) {
                assertThat(sharedStrings).isGreaterThan(1_000);
            } else {
                assertThat(sharedStrings).isZero();
            }
            Sheet sheet = workbook.getSheet(WorkbookSink.SHEET_NAME);
            assertThat(sheet.getLastRowNum()).isEqualTo(1_001);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(WorkbookSink.TITLE);
            Row header = sheet.getRow(1);
            for (int i = 0; i < PenaltyLayout.HEADERS.size(); i++) {
                assertThat(header.getCell(i).getStringCellValue()).isEqualTo(PenaltyLayout.HEADERS.get(i));
            }
            long dates = 0;
            long textDates = 0;
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                assertThat(row.getCell(PenaltyLayout.USCC, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK)
                                .getCellType())
                        .isIn(CellType.STRING, CellType.BLANK);
                var date = row.getCell(PenaltyLayout.DECISION_DATE);
                if (date.getCellType() == CellType.NUMERIC) {
                    assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
                    assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isAfter(LocalDate.of(2022, 12, 31));
                    dates++;
                } else {
                    assertThat(date.getStringCellValue()).matches("\\d{4}-1[3-9]-\\d{2}");
                    textDates++;
                }
                var fine = row.getCell(PenaltyLayout.FINE);
                if (fine != null) {
                    assertThat(fine.getCellType()).isEqualTo(CellType.NUMERIC);
                    assertThat(new DataFormatter().formatCellValue(fine)).doesNotContain("E");
                }
            }
            assertThat(textDates).isEqualTo(counts.invalidByDefect().get(PenaltyFileGenerator.Defect.UNPARSABLE_DATE));
            assertThat(dates + textDates).isEqualTo(1_000);
        }
    }
}
