package io.huiju.transform.read.excel;

import io.huiju.transform.read.PayloadException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The visible sheets of an .xlsx, each parsed with SAX on a {@link RowPump} thread. The package is opened from the
 * file, so POI reads zip entries on demand instead of buffering the whole upload (PITFALLS P7). Shared strings are
 * held in memory: they are the workbook's distinct texts, not its rows.
 */
final class XlsxSheets implements SheetSource {

    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final List<WorkbookPart.Sheet> sheets;
    private final boolean date1904;
    private int index = -1;
    private RowPump pump;
    private boolean sheetEnded;

    private XlsxSheets(OPCPackage pkg) throws Exception {
        this.pkg = pkg;
        this.reader = new XSSFReader(pkg);
        // Phonetic guides (rPh, which Excel keeps for CJK text typed through an IME) are not part of the text.
        this.strings = new ReadOnlySharedStringsTable(pkg, false);
        this.styles = reader.getStylesTable();
        CjkNumberFormats.addMissing(styles);
        WorkbookPart workbook;
        try (InputStream in = reader.getWorkbookData()) {
            workbook = WorkbookPart.parse(in);
        }
        this.sheets = workbook.visibleSheets();
        this.date1904 = workbook.date1904();
    }

    static XlsxSheets open(Path file) throws PayloadException {
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            return new XlsxSheets(pkg);
        } catch (Exception e) {
            PayloadException failure = Failures.of(e);
            if (pkg != null) {
                pkg.revert();
            }
            throw failure;
        }
    }

    @Override
    public boolean nextSheet() throws PayloadException {
        stopPump();
        if (++index >= sheets.size()) {
            return false;
        }
        WorkbookPart.Sheet sheet = sheets.get(index);
        InputStream xml;
        try {
            xml = reader.getSheet(sheet.relationId());
        } catch (Exception e) {
            throw Failures.of(e);
        }
        sheetEnded = false;
        pump = new RowPump("xlsx-" + sheet.name(), p -> parse(xml, p));
        return true;
    }

    private void parse(InputStream xml, RowPump pump) throws Exception {
        try (xml) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new TypedHandler(new Rows(pump)));
            parser.parse(new InputSource(xml));
        }
    }

    @Override
    public String sheetName() {
        return sheets.get(index).name();
    }

    @Override
    public SheetRow nextRow() throws PayloadException {
        if (pump == null || sheetEnded) {
            return null;
        }
        Object item = pump.take();
        if (item instanceof SheetRow row) {
            return row;
        }
        sheetEnded = true;
        if (item instanceof RowPump.Failed failed) {
            throw Failures.of(failed.cause());
        }
        return null;
    }

    private void stopPump() {
        if (pump != null) {
            pump.close();
            pump = null;
        }
    }

    @Override
    public void close() {
        stopPump();
        // revert, not close: a package opened for reading must not be written back.
        pkg.revert();
    }

    /**
     * POI's handler, remembering each cell's type attribute: its callback gives only the text, and an error cell
     * must not be told from a text that happens to read "ERROR:#N/A" by the text alone.
     */
    private final class TypedHandler extends XSSFSheetXMLHandler {
        private final Rows rows;

        TypedHandler(Rows rows) {
            super(styles, strings, rows, new CellText.Formatter(date1904), false);
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            if ("c".equals(localName)) {
                rows.type = attributes.getValue("t");
            }
            super.startElement(uri, localName, qName, attributes);
        }
    }

    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private static final String ERROR_PREFIX = "ERROR:";
        private final RowPump pump;
        private final List<SheetRow.Cell> cells = new ArrayList<>();
        private String type;
        private int nextColumn;

        Rows(RowPump pump) {
            this.pump = pump;
        }

        @Override
        public void startRow(int rowNum) {
            pump.checkStopped();
            cells.clear();
            nextColumn = 0;
        }

        @Override
        public void endRow(int rowNum) {
            if (!cells.isEmpty()) {
                pump.put(new SheetRow(rowNum + 1L, cells));
            }
        }

        // A cell without an "r" attribute (some generators omit it) is the one after the previous cell.
        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? nextColumn : new CellReference(cellReference).getCol();
            nextColumn = column + 1;
            String text = formattedValue == null ? "" : formattedValue;
            if ("e".equals(type)) {
                String code = text.startsWith(ERROR_PREFIX) ? text.substring(ERROR_PREFIX.length()) : text;
                cells.add(new SheetRow.Cell(column, code, SheetRow.Kind.ERROR));
            } else if (type == null || "n".equals(type)) {
                cells.add(new SheetRow.Cell(column, text, SheetRow.Kind.NUMBER));
            } else if (!text.isEmpty()) {
                cells.add(new SheetRow.Cell(column, text, SheetRow.Kind.TEXT));
            }
        }
    }
}
