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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbookSinkTest {

    @TempDir
    Path dir;

    @Test
    void writesTitleHeaderAndTypedCells() throws Exception {
        Path file = dir.resolve("p.xlsx");
        PenaltyFileGenerator.Counts counts = new PenaltyFileGenerator(7).write(2_000, file);
        assertThat(counts.rows()).isEqualTo(2_000);

        try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
            Sheet sheet = workbook.getSheet(WorkbookSink.SHEET_NAME);
            assertThat(sheet.getLastRowNum()).isEqualTo(2_001);
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
            assertThat(dates + textDates).isEqualTo(2_000);
        }
    }
}
