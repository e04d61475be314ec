package io.huiju.transform.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.huiju.model.Category;
import io.huiju.transform.CanonicalField;
import io.huiju.transform.MappedRow;
import io.huiju.transform.map.Mapping;
import io.huiju.transform.validate.PenaltyKinds;
import io.huiju.transform.validate.RecordValidator;
import io.huiju.transform.validate.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The national-penalty template filled by {@link FilledPenaltyTemplate} and re-saved by LibreOffice Calc 7.4, as a
 * department working in LibreOffice (or WPS, which writes alike) sends it back; see the README beside the fixture.
 */
class LibreOfficeTemplateTest {

    private static final String FIXTURE = "/template/penalty-template-filled-libreoffice.xlsx";

    private static Mapping mapping;

    @TempDir
    static Path dir;

    private static Path file;

    @BeforeAll
    static void copyFixture() throws IOException {
        mapping = FilledPenaltyTemplate.mapping(Path.of("../mappings"));
        file = dir.resolve("filled.xlsx");
        try (InputStream in = LibreOfficeTemplateTest.class.getResourceAsStream(FIXTURE)) {
            assertThat(in).as(FIXTURE).isNotNull();
            Files.copy(in, file);
        }
    }

    @Test
    void theFixtureWasWrittenByLibreOffice() throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String app = new String(
                    zip.getInputStream(zip.getEntry("docProps/app.xml")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(app).contains("<Application>LibreOffice");
        }
    }

    @Test
    void theRowsReadBackAsFilledAndOnlyTheWrongCheckCharacterIsRejected() throws Exception {
        List<Map<CanonicalField, Object>> written = FilledPenaltyTemplate.rows();

        List<MappedRow> read = TemplateRoundTripTest.read(mapping, file);

        TemplateRoundTripTest.assertRowsAre(mapping, written, read);
        RecordValidator validator = new RecordValidator(TemplateRoundTripTest.CLOCK);
        for (int i = 0; i < 3; i++) {
            assertThat(validator.validate(read.get(i)).errors())
                    .as("row %d", i + 2)
                    .isEmpty();
        }
        ValidationResult wrong = validator.validate(read.get(3));
        assertThat(wrong.accepted()).isFalse();
        assertThat(wrong.errors()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo("USCC_CHECK");
            assertThat(v.reason())
                    .startsWith("统一社会信用代码“"
                            + SampleRecords.withWrongCheckCharacter(Category.PENALTY)
                                    .get(CanonicalField.SUBJECT_USCC));
        });
    }

    /** What a department still has after LibreOffice re-saved its template: notes, drop-downs, hidden lists. */
    @Test
    void notesAndDropDownsSurviveLibreOffice() throws IOException {
        try (InputStream in = Files.newInputStream(file);
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheetName(0)).isEqualTo("行政处罚");
            // LibreOffice has no "very hidden": the list sheet comes back merely hidden, which the reader skips too.
            assertThat(workbook.getSheetVisibility(2)).isEqualTo(SheetVisibility.HIDDEN);
            XSSFSheet sheet = workbook.getSheetAt(0);
            for (Cell cell : sheet.getRow(0)) {
                assertThat(cell.getCellComment()).as(cell.getStringCellValue()).isNotNull();
            }
            var kinds = WorkbookTemplateTest.validations(sheet).get("处罚类别");
            assertThat(WorkbookTemplateTest.listValues(workbook, kinds))
                    .containsExactlyElementsOf(PenaltyKinds.STATUTORY);
        }
    }
}
