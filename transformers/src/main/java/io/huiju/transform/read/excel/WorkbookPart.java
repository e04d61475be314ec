package io.huiju.transform.read.excel;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What xl/workbook.xml says about the sheets. POI's {@code XSSFReader.SheetIterator} gives names but not whether a
 * sheet is hidden, and departments hide their lookup and scratch sheets, often with headers like the data's.
 */
record WorkbookPart(List<Sheet> sheets, boolean date1904) {

    record Sheet(String name, String relationId, boolean visible) {}

    static WorkbookPart parse(InputStream workbookXml) throws Exception {
        Handler handler = new Handler();
        XMLReader reader = XMLHelper.newXMLReader();
        reader.setContentHandler(handler);
        reader.parse(new InputSource(workbookXml));
        return new WorkbookPart(List.copyOf(handler.sheets), handler.date1904);
    }

    List<Sheet> visibleSheets() {
        return sheets.stream().filter(Sheet::visible).toList();
    }

    private static final class Handler extends DefaultHandler {
        private final List<Sheet> sheets = new ArrayList<>();
        private boolean date1904;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if ("sheet".equals(localName)) {
                String state = attributes.getValue("state");
                boolean visible = state == null || "visible".equals(state);
                sheets.add(new Sheet(attributes.getValue("name"), relationId(attributes), visible));
            } else if ("workbookPr".equals(localName)) {
                String value = attributes.getValue("date1904");
                date1904 = "1".equals(value) || "true".equals(value);
            }
        }

        // r:id, in the transitional or the strict relationships namespace.
        private static String relationId(Attributes attributes) {
            for (int i = 0; i < attributes.getLength(); i++) {
                if ("id".equals(attributes.getLocalName(i))
                        && !attributes.getURI(i).isEmpty()) {
                    return attributes.getValue(i);
                }
            }
            return null;
        }
    }
}
