package io.huiju.transform.read.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The reader's own sheet handler against POI's XSSFSheetXMLHandler, which it replaced for speed: both must give the
 * same rows, cell for cell, for whatever a department's workbook holds.
 */
class SheetXmlHandlerTest {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /** Rows and cells as generators write them when they leave out what is optional, and every kind of cell. */
    private static final String ODD_SHEET = "<worksheet xmlns=\"" + MAIN + "\"><sheetData>"
            + "<row><c t=\"inlineStr\"><is><t>无行号</t></is></c><c t=\"b\"><v>1</v></c><c t=\"b\"><v>0</v></c></row>"
            + "<row r=\"3\"><c r=\"B3\" t=\"e\"><v>#N/A</v></c><c r=\"C3\" t=\"str\"><f>A1&amp;\"x\"</f><v>甲x</v></c>"
            + "<c r=\"D3\" t=\"inlineStr\"><is><r><t>富</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\"> 文本</t></r>"
            + "</is></c><c r=\"E3\" t=\"inlineStr\"><is><t>第一行_x000D_第二行 a_x005F_b _x00 &lt;&amp;&gt;</t></is></c>"
            + "<c r=\"F3\" t=\"s\"><v>1</v></c><c r=\"G3\" t=\"s\"><v>不是数字</v></c><c r=\"H3\"><v></v></c>"
            + "<c r=\"I3\"/><c r=\"J3\"><v>0.30000000000000004</v></c><c r=\"K3\" t=\"d\"><v>2024-01-02</v></c>"
            + "<c r=\"L3\" t=\"inlineStr\"><is><t></t></is></c><c r=\"AB3\" t=\"s\"><v> 0 </v></c></row>"
            + "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"/></row><row r=\"5\"></row>"
            + "<row r=\"6\"><c r=\"XFD6\" t=\"n\"><v>1E-3</v></c><c r=\"a6\"><v>7</v></c></row>"
            + "</sheetData><extLst><ext xmlns:x14=\"urn:other\"><x14:c r=\"A9\"><x14:v>9</x14:v></x14:c></ext></extLst>"
            + "</worksheet>";

    private static final String STRINGS = "<sst xmlns=\"" + MAIN + "\" count=\"3\" uniqueCount=\"3\">"
            + "<si><t>零</t></si><si><r><t>一</t></r><r><t>壹</t></r><rPh sb=\"0\" eb=\"1\"><t>yi</t></rPh></si>"
            + "<si><t>_x0009_制表</t></si></sst>";

    @TempDir
    Path dir;

    @Test
    void readsAHandWrittenSheetAsPoiDoes() throws Exception {
        SharedStrings poiStrings = poiStrings();
        try (io.huiju.transform.read.excel.SharedStrings ours = ourStrings(Long.MAX_VALUE)) {
            List<SheetRow> expected = parse(ODD_SHEET, poiHandler(null, poiStrings));
            List<SheetRow> actual = parse(ODD_SHEET, ourHandler(new CellFormats(null), ours));
            assertThat(actual).isEqualTo(expected);
            assertThat(actual.get(1).cells())
                    .extracting(SheetRow.Cell::text)
                    .contains("富 文本", "第一行\r第二行 a_b _x00 <&>", "一壹");
        }
    }

    @Test
    void readsTheTestWorkbooksAsPoiDoes() throws Exception {
        XSSFWorkbook penalties = new XSSFWorkbook();
        Workbooks.penalties(penalties);
        List<Path> files = new ArrayList<>(List.of(Workbooks.write(penalties, dir.resolve("处罚.xlsx"))));
        try (InputStream in = getClass().getResourceAsStream("/read/excel/penalties-libreoffice.xlsx")) {
            if (in != null) {
                files.add(dir.resolve("libreoffice.xlsx"));
                Files.copy(in, files.get(1));
            }
        }
        for (Path file : files) {
            OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            ReadOnlySharedStringsTable poiStrings = new ReadOnlySharedStringsTable(pkg, false);
            try (io.huiju.transform.read.excel.SharedStrings ours =
                    io.huiju.transform.read.excel.SharedStrings.read(pkg, 0)) {
                XSSFReader reader = new XSSFReader(pkg);
                StylesTable styles = reader.getStylesTable();
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                while (sheets.hasNext()) {
                    String xml;
                    try (InputStream sheet = sheets.next()) {
                        xml = new String(sheet.readAllBytes(), StandardCharsets.UTF_8);
                    }
                    List<SheetRow> expected = parse(xml, poiHandler(styles, poiStrings));
                    assertThat(parse(xml, ourHandler(new CellFormats(styles), ours)))
                            .as("%s, sheet %s", file.getFileName(), sheets.getSheetName())
                            .isEqualTo(expected)
                            .isNotEmpty();
                }
            } finally {
                pkg.revert();
            }
        }
    }

    @Test
    void findsTheColumnOfAReference() {
        for (String reference : List.of("A1", "Z9", "AA10", "AB12", "XFD1048576", "$C$3", "c4", "AAAA1")) {
            int expected;
            try {
                expected = new CellReference(reference).getCol();
            } catch (RuntimeException e) {
                continue;
            }
            assertThat(SheetXmlHandler.column(reference)).as(reference).isEqualTo(expected);
        }
        assertThat(SheetXmlHandler.column("AB12")).isEqualTo(27);
    }

    private static List<SheetRow> parse(String xml, Parsing parsing) throws Exception {
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(parsing.handler());
        parser.parse(new InputSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
        return parsing.rows();
    }

    private record Parsing(ContentHandler handler, List<SheetRow> rows) {}

    private static Parsing ourHandler(CellFormats formats, io.huiju.transform.read.excel.SharedStrings strings) {
        List<SheetRow> rows = new ArrayList<>();
        return new Parsing(new SheetXmlHandler(formats, strings, false, () -> {}, rows::add), rows);
    }

    private SharedStrings poiStrings() throws Exception {
        // the hub leaves phonetic guides out of the text (POI includes them unless told)
        return new ReadOnlySharedStringsTable(
                new ByteArrayInputStream(STRINGS.getBytes(StandardCharsets.UTF_8)), false);
    }

    private io.huiju.transform.read.excel.SharedStrings ourStrings(long memoryChars) throws Exception {
        return io.huiju.transform.read.excel.SharedStrings.read(
                new ByteArrayInputStream(STRINGS.getBytes(StandardCharsets.UTF_8)), memoryChars);
    }

    /** What the reader did before: POI's handler, the cell's type attribute remembered beside it. */
    private static Parsing poiHandler(StylesTable styles, SharedStrings strings) {
        List<SheetRow> rows = new ArrayList<>();
        PoiRows contents = new PoiRows(rows);
        DataFormatter formatter = new DataFormatter() {
            @Override
            public String formatRawCellContents(double value, int formatIndex, String formatString) {
                return CellText.number(value, formatIndex, formatString, false);
            }
        };
        XSSFSheetXMLHandler handler = new XSSFSheetXMLHandler(styles, strings, contents, formatter, false) {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes attributes)
                    throws SAXException {
                if ("c".equals(localName)) {
                    contents.type = attributes.getValue("t");
                }
                super.startElement(uri, localName, qName, attributes);
            }
        };
        return new Parsing(handler, rows);
    }

    private static final class PoiRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<SheetRow> rows;
        private final List<SheetRow.Cell> cells = new ArrayList<>();
        private String type;
        private int nextColumn;

        PoiRows(List<SheetRow> rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            nextColumn = 0;
        }

        @Override
        public void endRow(int rowNum) {
            if (!cells.isEmpty()) {
                rows.add(new SheetRow(rowNum + 1L, cells));
            }
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? nextColumn : new CellReference(cellReference).getCol();
            nextColumn = column + 1;
            String text = formattedValue == null ? "" : formattedValue;
            if ("e".equals(type)) {
                cells.add(new SheetRow.Cell(column, text.substring("ERROR:".length()), SheetRow.Kind.ERROR));
            } else if (type == null || "n".equals(type)) {
                cells.add(new SheetRow.Cell(column, text, SheetRow.Kind.NUMBER));
            } else if (!text.isEmpty()) {
                cells.add(new SheetRow.Cell(column, text, SheetRow.Kind.TEXT));
            }
        }
    }
}
