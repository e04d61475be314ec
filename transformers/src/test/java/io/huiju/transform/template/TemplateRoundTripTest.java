package io.huiju.transform.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.huiju.model.Channel;
import io.huiju.model.Provenance;
import io.huiju.model.Violation;
import io.huiju.transform.CanonicalField;
import io.huiju.transform.MappedRow;
import io.huiju.transform.RawRecord;
import io.huiju.transform.map.BoundMapping;
import io.huiju.transform.map.Mapping;
import io.huiju.transform.map.MappingRegistry;
import io.huiju.transform.read.PayloadException;
import io.huiju.transform.read.excel.ExcelRecordReader;
import io.huiju.transform.validate.RecordValidator;
import io.huiju.transform.validate.ValidationResult;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A template filled as a department would, read back by the hub's own reader and mapping: each value written comes
 * back in its field, and the rows pass the hub's validation.
 */
class TemplateRoundTripTest {

    static final Map<String, String> DEPARTMENT =
            Map.of("code", "longyan-scjgj", "name", "龙岩市市场监督管理局", "uscc", SampleRecords.AUTHORITY_USCC);

    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private static MappingRegistry registry;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadShippedMappings() {
        registry = MappingRegistry.load(Path.of("../mappings"));
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
    void filledRowsReadBackAsTheValuesWritten(String name) throws Exception {
        Mapping mapping = registry.get(name);
        List<Map<CanonicalField, Object>> rows = SampleRecords.rows(mapping.category());
        Path file = TemplateFiller.filled(mapping, rows, dir.resolve(name + ".xlsx"));

        List<MappedRow> mapped = read(mapping, file);

        assertRowsAre(mapping, rows, mapped);
        RecordValidator validator = new RecordValidator(CLOCK);
        for (MappedRow row : mapped) {
            ValidationResult result = validator.validate(row);
            assertThat(result.errors())
                    .as("%s row %d", name, row.provenance().line())
                    .isEmpty();
            assertThat(result.violations())
                    .extracting(Violation::code)
                    .filteredOn("FINE_NOT_IN_LAYOUT"::equals)
                    .hasSize(fineWithoutColumn(mapping, row) ? 1 : 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"national-penalty", "legacy-2016-license", "national-black-list"})
    void anEmptyTemplateReadsAsNoRows(String name) throws Exception {
        Mapping mapping = registry.get(name);
        Path file = TemplateFiller.template(mapping, dir.resolve(name + ".xlsx"));
        try (ExcelRecordReader reader = ExcelRecordReader.open(file, mapping::knowsColumn)) {
            assertThat(reader.sheetName()).isEqualTo(mapping.category().label());
            assertThat(reader.header())
                    .containsExactlyElementsOf(mapping.columns().keySet().stream()
                            .map(mapping::preferredColumn)
                            .distinct()
                            .toList());
            assertThat(reader.warnings()).isEmpty();
            assertThat(reader.hasNext()).isFalse();
        }
    }

    @Test
    void withoutItsDataSheetATemplateIsRefusedNotReadFromTheInstructions() throws Exception {
        Mapping mapping = registry.get("national-penalty");
        Path file = TemplateFiller.template(mapping, dir.resolve("no-data.xlsx"));
        XSSFWorkbook workbook;
        try (InputStream in = Files.newInputStream(file)) {
            workbook = new XSSFWorkbook(in);
        }
        try (workbook;
                OutputStream out = Files.newOutputStream(file)) {
            workbook.removeSheetAt(0);
            workbook.setActiveSheet(0);
            workbook.write(out);
        }

        PayloadException e =
                assertThrows(PayloadException.class, () -> ExcelRecordReader.open(file, mapping::knowsColumn)
                        .close());

        assertThat(e.code()).isEqualTo(ExcelRecordReader.HEADER_NOT_FOUND);
        // Only the instructions were looked at: the hidden list sheet never is.
        assertThat(e.getMessage()).contains("“填写说明”").doesNotContain("代码表");
    }

    /**
     * The 2016 penalty layout has no 罚款金额 column: a row whose 处罚类别 contains 罚款 is kept with the warning
     * FINE_NOT_IN_LAYOUT (AmountRule), never refused for a column its layout lacks.
     */
    private static boolean fineWithoutColumn(Mapping mapping, MappedRow row) {
        String kinds = row.get(CanonicalField.PENALTY_KINDS);
        return kinds != null && kinds.contains("罚款") && !mapping.columns().containsKey(CanonicalField.PENALTY_FINE);
    }

    /** Every column of the mapping holds the value written for its field, or nothing when none was written. */
    static void assertRowsAre(Mapping mapping, List<Map<CanonicalField, Object>> written, List<MappedRow> read) {
        assertThat(read).hasSameSizeAs(written);
        for (int i = 0; i < written.size(); i++) {
            MappedRow row = read.get(i);
            assertThat(row.violations()).as("row %d", i + 2).isEmpty();
            for (CanonicalField field : mapping.columns().keySet()) {
                // A column read for two fields holds what was written for the first (the samples agree).
                CanonicalField writtenAs = TemplateFiller.fieldOf(mapping, mapping.preferredColumn(field));
                Object value = written.get(i).get(writtenAs);
                assertThat(row.get(field))
                        .as("row %d %s", i + 2, field.path())
                        .isEqualTo(value == null ? null : SampleRecords.expected(value));
            }
        }
    }

    static List<MappedRow> read(Mapping mapping, Path file) throws PayloadException {
        List<MappedRow> rows = new ArrayList<>();
        try (ExcelRecordReader reader = ExcelRecordReader.open(file, mapping::knowsColumn)) {
            assertThat(reader.sheetName()).isEqualTo(mapping.category().label());
            BoundMapping bound = mapping.bind(reader.header(), DEPARTMENT);
            assertThat(bound.unknownColumns()).isEmpty();
            while (reader.hasNext()) {
                RawRecord raw = reader.next();
                assertThat(raw.isDefective()).as(raw.defect()).isFalse();
                rows.add(bound.map(raw, provenance(raw.line())));
            }
        }
        return rows;
    }

    private static Provenance provenance(long line) {
        return new Provenance("longyan-scjgj", "350800", Channel.FILE, "template", line, CLOCK.instant());
    }
}
