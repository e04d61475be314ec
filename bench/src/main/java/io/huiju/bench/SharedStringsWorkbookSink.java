package io.huiju.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;

/**
 * The same workbook as {@link WorkbookSink} writes, but with its texts in xl/sharedStrings.xml, each distinct text once,
 * as Excel and LibreOffice save: the case where a reader must hold or look up a table as big as the data. Written
 * directly as XML into the zip, the sheet first and the table after it (its items collected in a temporary file), so
 * memory holds only the map from text to index.
 */
final class SharedStringsWorkbookSink implements RowSink {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    private static final int DATE_STYLE = 1;

    private final ZipOutputStream zip;
    private final Writer sheet;
    private final Path itemFile;
    private final Writer items;
    private final Map<String, Integer> indexes = new HashMap<>();
    private long cellTexts;
    private int nextRow;

    SharedStringsWorkbookSink(Path file) throws IOException {
        zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
        sheet = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
        sheet.write(HEAD + "<worksheet xmlns=\"" + MAIN + "\"><sheetData>");
        itemFile = Files.createTempFile(file.toAbsolutePath().getParent(), "shared-strings-", ".xml");
        items = Files.newBufferedWriter(itemFile, StandardCharsets.UTF_8);
        startRow();
        text(0, WorkbookSink.TITLE);
        sheet.write("</row>");
    }

    @Override
    public void header(List<String> names) throws IOException {
        startRow();
        for (int i = 0; i < names.size(); i++) {
            text(i, names.get(i));
        }
        sheet.write("</row>");
    }

    @Override
    public void row(String[] fields) throws IOException {
        WorkbookSink.requireRoom(nextRow);
        startRow();
        for (int i = 0; i < fields.length; i++) {
            String text = fields[i];
            if (text.isEmpty()) {
                continue;
            }
            LocalDate date = WorkbookSink.date(i, text);
            if (date != null) {
                number(i, DATE_STYLE, Long.toString((long) DateUtil.getExcelDate(date)));
            } else if (WorkbookSink.isAmount(i)) {
                number(i, -1, Double.toString(Double.parseDouble(text)));
            } else {
                text(i, text);
            }
        }
        sheet.write("</row>");
    }

    private void startRow() throws IOException {
        sheet.write("<row r=\"" + (++nextRow) + "\">");
    }

    private void text(int column, String text) throws IOException {
        Integer index = indexes.get(text);
        if (index == null) {
            index = indexes.size();
            indexes.put(text, index);
            items.write("<si><t>");
            escape(text, items);
            items.write("</t></si>");
        }
        cellTexts++;
        sheet.write("<c r=\"" + reference(column) + "\" t=\"s\"><v>" + index + "</v></c>");
    }

    private void number(int column, int style, String value) throws IOException {
        sheet.write("<c r=\"" + reference(column) + "\"" + (style < 0 ? "" : " s=\"" + style + "\"") + "><v>" + value
                + "</v></c>");
    }

    private String reference(int column) {
        return CellReference.convertNumToColString(column) + nextRow;
    }

    private static void escape(String text, Writer out) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.write("&amp;");
                case '<' -> out.write("&lt;");
                case '>' -> out.write("&gt;");
                default -> out.write(c);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            sheet.write("</sheetData></worksheet>");
            sheet.flush();
            zip.closeEntry();
            items.close();
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            Writer strings = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            strings.write(HEAD + "<sst xmlns=\"" + MAIN + "\" count=\"" + cellTexts + "\" uniqueCount=\""
                    + indexes.size() + "\">");
            strings.flush();
            try (InputStream in = Files.newInputStream(itemFile)) {
                in.transferTo(zip);
            }
            strings.write("</sst>");
            strings.flush();
            zip.closeEntry();
            part("xl/styles.xml", STYLES);
            part("xl/workbook.xml", WORKBOOK);
            part("xl/_rels/workbook.xml.rels", WORKBOOK_RELATIONSHIPS);
            part("_rels/.rels", PACKAGE_RELATIONSHIPS);
            part("[Content_Types].xml", CONTENT_TYPES);
            zip.close();
        } finally {
            Files.deleteIfExists(itemFile);
        }
    }

    private void part(String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static final String STYLES = HEAD + "<styleSheet xmlns=\"" + MAIN + "\">"
            + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/></numFmts>"
            + "<fonts count=\"1\"><font><sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
            + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
            + "</cellXfs></styleSheet>";

    private static final String WORKBOOK =
            HEAD + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + OFFICE + "\">" + "<sheets><sheet name=\""
                    + WorkbookSink.SHEET_NAME + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

    private static final String WORKBOOK_RELATIONSHIPS = HEAD + "<Relationships xmlns=\"" + RELATIONSHIPS + "\">"
            + "<Relationship Id=\"rId1\" Type=\"" + OFFICE + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"" + OFFICE + "/styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rId3\" Type=\"" + OFFICE + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            + "</Relationships>";

    private static final String PACKAGE_RELATIONSHIPS = HEAD + "<Relationships xmlns=\"" + RELATIONSHIPS + "\">"
            + "<Relationship Id=\"rId1\" Type=\"" + OFFICE + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>";

    private static final String CONTENT_TYPES = HEAD
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\""
            + " ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
            + "</Types>";
}
