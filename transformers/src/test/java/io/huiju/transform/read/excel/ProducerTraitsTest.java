package io.huiju.transform.read.excel;

import static io.huiju.transform.read.excel.Workbooks.KNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import io.huiju.transform.RawRecord;
import io.huiju.transform.read.RowSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Microsoft Excel (Chinese locale) and WPS Office put in an .xlsx that POI's own writer never does, written here
 * part by part: dates in the CJK built-in formats (numFmtId 31 {@code yyyy"年"m"月"d"日"}, 57, 58: defined by the
 * locale, so absent from styles.xml), custom Chinese date formats with {@code ;@}, rich-text shared strings with
 * phonetic runs, the quote-prefix style WPS gives IDs typed as text, formula string results ({@code t="str"}), inline
 * strings, cells and rows without their {@code r} reference, and the 1904 date system of workbooks from a Mac.
 * Real files from those producers could not be made on this machine; these are their traits, one by one.
 */
class ProducerTraitsTest {

    @TempDir
    Path dir;

    @Test
    void cjkBuiltInDateFormatsReadAsDatesNotSerialNumbers() throws IOException {
        // 45356 is 2024-03-05 in the 1900 system. Style 1 → id 31, 2 → 57, 3 → 58, 4 → 14, 5 → custom 176.
        Path file = workbook(
                false,
                """
                <row r="1"><c r="A1" t="inlineStr"><is><t>处罚决定日期</t></is></c><c r="B1" t="inlineStr"><is><t>企业名称</t></is></c><c r="C1" t="inlineStr"><is><t>统一社会信用代码</t></is></c></row>
                <row r="2"><c r="A2" s="1"><v>45356</v></c><c r="B2" t="inlineStr"><is><t>id 31</t></is></c></row>
                <row r="3"><c r="A3" s="2"><v>45356</v></c><c r="B3" t="inlineStr"><is><t>id 57</t></is></c></row>
                <row r="4"><c r="A4" s="3"><v>45356</v></c><c r="B4" t="inlineStr"><is><t>id 58</t></is></c></row>
                <row r="5"><c r="A5" s="4"><v>45356</v></c><c r="B5" t="inlineStr"><is><t>id 14</t></is></c></row>
                <row r="6"><c r="A6" s="5"><v>45356</v></c><c r="B6" t="inlineStr"><is><t>WPS custom</t></is></c></row>
                """);

        assertThat(column(read(file), "处罚决定日期"))
                .containsExactly("2024-03-05", "2024-03-05", "2024-03-05", "2024-03-05", "2024-03-05");
    }

    @Test
    void anXlsDateInTheChineseBuiltInFormatReadsAsADate() throws Exception {
        Path file = dir.resolve("cn.xls");
        try (HSSFWorkbook book = new HSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("行政处罚");
            Workbooks.row(sheet, 0, "处罚决定日期", "企业名称", "统一社会信用代码");
            CellStyle chinese = book.createCellStyle();
            chinese.setDataFormat((short) 31); // written as its id only, as Chinese Excel does
            Row row = Workbooks.row(sheet, 1, "", "甲公司");
            row.getCell(0).setCellValue(45356);
            row.getCell(0).setCellStyle(chinese);
            book.write(out);
        }

        List<RawRecord> rows = new ArrayList<>();
        try (RowSource reader = WorkbookFiles.open(file, "cn.xls", KNOWN)) {
            reader.forEachRemaining(rows::add);
        }
        assertThat(column(rows, "处罚决定日期")).containsExactly("2024-03-05");
    }

    @Test
    void aWorkbookInThe1904DateSystemGivesTheSameDates() throws IOException {
        // 43894 is 2024-03-05 counted from 1904-01-01.
        Path file = workbook(
                true,
                """
                <row r="1"><c r="A1" t="inlineStr"><is><t>处罚决定日期</t></is></c><c r="B1" t="inlineStr"><is><t>企业名称</t></is></c><c r="C1" t="inlineStr"><is><t>统一社会信用代码</t></is></c></row>
                <row r="2"><c r="A2" s="4"><v>43894</v></c><c r="B2" t="inlineStr"><is><t>mac</t></is></c></row>
                """);

        assertThat(column(read(file), "处罚决定日期")).containsExactly("2024-03-05");
    }

    @Test
    void richTextPhoneticRunsQuotePrefixedIdsAndFormulaStringsReadAsTheirText() throws IOException {
        Path file = workbook(
                false,
                """
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
                <row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" s="6" t="s"><v>4</v></c><c r="C2" t="str"><f>"91350802"&amp;"MA2XY3K1XH"</f><v>91350802MA2XY3K1XH</v></c></row>
                """);

        List<RawRecord> rows = read(file);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).fields())
                .containsEntry("企业名称", "龙岩市新罗区恒达贸易有限公司")
                .containsEntry("证件号码", "350821198512300042")
                .containsEntry("统一社会信用代码", "91350802MA2XY3K1XH");
    }

    @Test
    void cellsAndRowsWithoutReferencesKeepTheirColumns() throws IOException {
        Path file = workbook(
                false,
                """
                <row><c t="inlineStr"><is><t>企业名称</t></is></c><c t="inlineStr"><is><t>统一社会信用代码</t></is></c><c t="inlineStr"><is><t>证件号码</t></is></c></row>
                <row><c t="inlineStr"><is><t>甲公司</t></is></c><c t="inlineStr"><is><t>91350802MA2XY3K1XH</t></is></c><c t="inlineStr"><is><t>350821198512300042</t></is></c></row>
                """);

        List<RawRecord> rows = read(file);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).fields())
                .containsEntry("企业名称", "甲公司")
                .containsEntry("统一社会信用代码", "91350802MA2XY3K1XH")
                .containsEntry("证件号码", "350821198512300042");
    }

    // ---------------------------------------------------------------- the package, part by part

    private static List<RawRecord> read(Path file) throws IOException {
        List<RawRecord> rows = new ArrayList<>();
        try (ExcelRecordReader reader = ExcelRecordReader.open(file, KNOWN)) {
            reader.forEachRemaining(rows::add);
        } catch (Exception e) {
            throw new IOException(e);
        }
        return rows;
    }

    private static List<String> column(List<RawRecord> rows, String name) {
        return rows.stream().map(r -> r.fields().get(name)).toList();
    }

    private Path workbook(boolean date1904, String rows) throws IOException {
        Path file = dir.resolve("traits-" + System.nanoTime() + ".xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            part(
                    zip,
                    "[Content_Types].xml",
                    """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                    <Default Extension="xml" ContentType="application/xml"/>
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                    <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
                    <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
                    </Types>""");
            part(
                    zip,
                    "_rels/.rels",
                    """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                    </Relationships>""");
            part(
                    zip,
                    "xl/workbook.xml",
                    """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                    <workbookPr%s/>
                    <sheets><sheet name="行政处罚" sheetId="1" r:id="rId1"/></sheets>
                    </workbook>"""
                            .formatted(date1904 ? " date1904=\"1\"" : ""));
            part(
                    zip,
                    "xl/_rels/workbook.xml.rels",
                    """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                    <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
                    <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
                    </Relationships>""");
            // As Excel zh-CN writes them: ids 31, 57 and 58 are the locale's, so only the custom one is defined.
            part(
                    zip,
                    "xl/styles.xml",
                    """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
                    <numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/></numFmts>
                    <fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>
                    <fills count="1"><fill><patternFill patternType="none"/></fill></fills>
                    <borders count="1"><border/></borders>
                    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
                    <cellXfs count="7">
                    <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
                    <xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
                    <xf numFmtId="57" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
                    <xf numFmtId="58" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
                    <xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
                    <xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
                    <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1" applyNumberFormat="1"/>
                    </cellXfs>
                    </styleSheet>""");
            // Excel's rich text (two runs with their own fonts) and a phonetic guide, which is not part of the text.
            part(
                    zip,
                    "xl/sharedStrings.xml",
                    """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="5">
                    <si><t>企业名称</t></si>
                    <si><t>证件号码</t></si>
                    <si><t>统一社会信用代码</t></si>
                    <si><r><rPr><b/><sz val="11"/></rPr><t>龙岩市新罗区</t></r><r><rPr><sz val="11"/></rPr><t>恒达贸易有限公司</t></r><rPh sb="0" eb="2"><t>リュウガン</t></rPh><phoneticPr fontId="0"/></si>
                    <si><t>350821198512300042</t></si>
                    </sst>""");
            part(
                    zip,
                    "xl/worksheets/sheet1.xml",
                    """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
                    <sheetData>
                    %s</sheetData>
                    </worksheet>"""
                            .formatted(rows));
        }
        return file;
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream out = zip;
        out.write(xml.strip().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
