package io.huiju.transform.read.excel;

import io.huiju.transform.read.PayloadException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The visible sheets of an .xlsx, each parsed with SAX on a {@link RowPump} thread. The package is opened from the
 * file, so POI reads zip entries on demand instead of buffering the whole upload (PITFALLS P7). Shared strings are
 * read once, before the first sheet, and kept off the heap when they are many ({@link SharedStrings}).
 */
final class XlsxSheets implements SheetSource {

    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final SharedStrings strings;
    private final CellFormats formats;
    private final List<WorkbookPart.Sheet> sheets;
    private final boolean date1904;
    private int index = -1;
    private RowPump pump;
    private boolean sheetEnded;

    private XlsxSheets(OPCPackage pkg) throws Exception {
        this.pkg = pkg;
        this.reader = new XSSFReader(pkg);
        StylesTable styles = reader.getStylesTable();
        CjkNumberFormats.addMissing(styles);
        this.formats = new CellFormats(styles);
        WorkbookPart workbook;
        try (InputStream in = reader.getWorkbookData()) {
            workbook = WorkbookPart.parse(in);
        }
        this.sheets = workbook.visibleSheets();
        this.date1904 = workbook.date1904();
        this.strings = SharedStrings.read(pkg);
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
            parser.setContentHandler(new SheetXmlHandler(formats, strings, date1904, pump::checkStopped, pump::put));
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
        strings.close();
        // revert, not close: a package opened for reading must not be written back.
        pkg.revert();
    }
}
