package io.huiju.transform.read.excel;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The workbook's shared strings (xl/sharedStrings.xml), by index. Excel and LibreOffice keep every cell text there,
 * so in a workbook of a million rows of unique names and facts the table is as big as the data: it is held in memory
 * only up to {@link #MEMORY_CHARS} characters and beyond that kept in a temporary file the operating system maps
 * (see {@link SpilledStrings}), so the heap stays flat however big the table. POI's ReadOnlySharedStringsTable holds
 * it all on the heap, and does not fit in 512 MB for such a workbook.
 *
 * <p>Texts are the {@code <t>} runs of each item joined, without phonetic guides ({@code rPh}, which Excel keeps for
 * CJK text typed through an IME: not part of the text),
 * {@code _xHHHH_} escapes decoded. Not thread-safe. Must be closed.
 */
final class SharedStrings implements AutoCloseable {

    /** About 16 MB of heap for Chinese text; a workbook of some tens of thousands of rows stays below it. */
    static final long MEMORY_CHARS = 8L << 20;

    private static final String NS = XSSFRelation.NS_SPREADSHEETML;

    private final List<String> inMemory;
    private final SpilledStrings spilled;

    private SharedStrings(List<String> inMemory, SpilledStrings spilled) {
        this.inMemory = inMemory;
        this.spilled = spilled;
    }

    static SharedStrings read(OPCPackage pkg) throws Exception {
        return read(pkg, MEMORY_CHARS);
    }

    static SharedStrings read(OPCPackage pkg, long memoryChars) throws Exception {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return new SharedStrings(List.of(), null);
        }
        try (InputStream in = parts.get(0).getInputStream()) {
            return read(in, memoryChars);
        }
    }

    static SharedStrings read(InputStream xml, long memoryChars) throws Exception {
        Collector collector = new Collector(memoryChars);
        try {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new Items(collector));
            parser.parse(new InputSource(xml));
            return collector.finish();
        } catch (Exception | Error e) {
            collector.abandon();
            throw e;
        }
    }

    /** The item at {@code index}; an index beyond the table means the sheet is damaged. */
    String get(int index) {
        if (spilled != null) {
            return spilled.get(index);
        }
        if (index < 0 || index >= inMemory.size()) {
            throw new IndexOutOfBoundsException(
                    "shared string " + index + " of a table of " + inMemory.size() + " strings");
        }
        return inMemory.get(index);
    }

    int size() {
        return spilled != null ? spilled.size() : inMemory.size();
    }

    /** Whether the table went to a temporary file. */
    boolean spilled() {
        return spilled != null;
    }

    @Override
    public void close() {
        if (spilled != null) {
            spilled.close();
        }
    }

    /** Keeps the items in memory until they pass the budget, then moves them all to a {@link SpilledStrings}. */
    private static final class Collector {
        private final long memoryChars;
        private List<String> items = new ArrayList<>();
        private long chars;
        private SpilledStrings.Writer spill;

        Collector(long memoryChars) {
            this.memoryChars = memoryChars;
        }

        void add(String item) throws IOException {
            if (spill != null) {
                spill.add(item);
                return;
            }
            items.add(item);
            chars += item.length();
            if (chars > memoryChars) {
                spill = SpilledStrings.writer();
                for (String earlier : items) {
                    spill.add(earlier);
                }
                items = null;
            }
        }

        SharedStrings finish() throws IOException {
            return spill == null
                    ? new SharedStrings(List.copyOf(items), null)
                    : new SharedStrings(null, spill.finish());
        }

        void abandon() {
            if (spill != null) {
                spill.abandon();
            }
        }
    }

    /** ReadOnlySharedStringsTable's parsing, item by item, with the escapes decoded once here. */
    private static final class Items extends DefaultHandler {
        private final Collector collector;
        private final StringBuilder text = new StringBuilder(64);
        private boolean inText;
        private boolean inPhonetic;

        Items(Collector collector) {
            this.collector = collector;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (!NS.equals(uri)) {
                return;
            }
            switch (localName) {
                case "si" -> text.setLength(0);
                case "t" -> inText = !inPhonetic;
                case "rPh" -> inPhonetic = true;
                default -> {
                    // sst, r, rPr...: no text of their own
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws org.xml.sax.SAXException {
            if (!NS.equals(uri)) {
                return;
            }
            switch (localName) {
                case "si" -> {
                    try {
                        collector.add(CellText.decode(text));
                    } catch (IOException e) {
                        throw new org.xml.sax.SAXException(e);
                    }
                }
                case "t" -> inText = false;
                case "rPh" -> inPhonetic = false;
                default -> {
                    // nothing to finish
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                text.append(ch, start, length);
            }
        }
    }
}
