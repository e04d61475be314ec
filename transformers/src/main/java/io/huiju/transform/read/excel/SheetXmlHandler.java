package io.huiju.transform.read.excel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns the XML of one worksheet into {@link SheetRow}s, cell values as POI's {@code XSSFSheetXMLHandler} gives them
 * (booleans TRUE/FALSE, error codes, a formula's cached value, {@code _x000D_} escapes decoded) but without its
 * per-cell costs: an XMLBeans object for each inline string, a regular expression for each cell reference, a style
 * and date-format lookup for each number. On a million rows of thirty cells those were a third of the reader's time.
 *
 * <p>Elements outside the SpreadsheetML namespace are ignored, as POI does; so are comments, which the hub has no
 * use for. Not thread-safe: one handler per sheet.
 */
final class SheetXmlHandler extends DefaultHandler {

    private static final String NS = XSSFRelation.NS_SPREADSHEETML;

    /** How a cell's {@code <v>} or {@code <is>} text becomes its value. */
    private enum Value {
        NUMBER,
        BOOLEAN,
        ERROR,
        INLINE_STRING,
        SHARED_STRING,
        FORMULA
    }

    private final CellFormats formats;
    private final SharedStrings strings;
    private final boolean date1904;
    private final Runnable rowStarted;
    private final Consumer<SheetRow> rows;
    private final StringBuilder text = new StringBuilder(64);
    private final List<SheetRow.Cell> cells = new ArrayList<>(32);

    private boolean inText;
    private boolean inInlineString;
    private int rowNumber;
    private int nextRowNumber = 1;
    private int nextColumn;
    private int column;
    private Value value;
    private SheetRow.Kind kind;
    private CellFormats.Format format;

    /**
     * @param rowStarted called at each row's start, e.g. to stop parsing once the reader is closed
     * @param rows receives each row with at least one cell
     */
    SheetXmlHandler(
            CellFormats formats,
            SharedStrings strings,
            boolean date1904,
            Runnable rowStarted,
            Consumer<SheetRow> rows) {
        this.formats = formats;
        this.strings = strings;
        this.date1904 = date1904;
        this.rowStarted = rowStarted;
        this.rows = rows;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        if (!NS.equals(uri)) {
            return;
        }
        switch (localName) {
            case "c" -> startCell(attributes);
            case "v", "inlineStr" -> startText();
            case "t" -> {
                if (inInlineString) {
                    startText();
                }
            }
            case "is" -> inInlineString = true;
            case "f" -> {
                if (value == Value.NUMBER) {
                    value = Value.FORMULA;
                }
            }
            case "row" -> startRow(attributes.getValue("r"));
            default -> {
                // sheetData, cols, mergeCells...: nothing a cell value depends on
            }
        }
    }

    private void startRow(String r) {
        rowStarted.run();
        rowNumber = r == null ? nextRowNumber : Integer.parseInt(r.trim());
        cells.clear();
        nextColumn = 0;
    }

    private void startCell(Attributes attributes) {
        String r = attributes.getValue("r");
        column = r == null ? nextColumn : column(r);
        nextColumn = column + 1;
        String type = attributes.getValue("t");
        format = null;
        kind = type == null || "n".equals(type)
                ? SheetRow.Kind.NUMBER
                : "e".equals(type) ? SheetRow.Kind.ERROR : SheetRow.Kind.TEXT;
        value = switch (type == null ? "" : type) {
            case "b" -> Value.BOOLEAN;
            case "e" -> Value.ERROR;
            case "inlineStr" -> Value.INLINE_STRING;
            case "s" -> Value.SHARED_STRING;
            case "str" -> Value.FORMULA;
            default -> {
                format = formats.of(attributes.getValue("s"));
                yield Value.NUMBER;
            }
        };
    }

    private void startText() {
        inText = true;
        if (!inInlineString) {
            text.setLength(0);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if (!NS.equals(uri)) {
            return;
        }
        switch (localName) {
            case "v", "inlineStr" -> endText();
            case "t" -> {
                if (inInlineString) {
                    endText();
                }
            }
            case "is" -> {
                inInlineString = false;
                cell();
                text.setLength(0);
            }
            case "row" -> {
                if (!cells.isEmpty()) {
                    rows.accept(new SheetRow(rowNumber, cells));
                }
                nextRowNumber = rowNumber + 1;
            }
            default -> {
                // nothing to finish
            }
        }
    }

    private void endText() {
        inText = false;
        if (!inInlineString) {
            cell();
            text.setLength(0);
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inText) {
            text.append(ch, start, length);
        }
    }

    private void cell() {
        String s =
                switch (value) {
                    case BOOLEAN -> text.charAt(0) == '0' ? "FALSE" : "TRUE";
                    case ERROR, INLINE_STRING -> value == Value.ERROR ? text.toString() : CellText.decode(text);
                    case SHARED_STRING -> sharedString();
                    case NUMBER, FORMULA -> number();
                };
        if (kind == SheetRow.Kind.TEXT && (s == null || s.isEmpty())) {
            return;
        }
        cells.add(new SheetRow.Cell(column, s == null ? "" : s, kind));
    }

    /** An index that is no number is passed over, as POI does; one beyond the table is a damaged file. */
    private String sharedString() {
        String index = text.toString().trim();
        if (index.isEmpty()) {
            return null;
        }
        try {
            return strings.get(Integer.parseInt(index));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A formula's cached result that is no number (a text result) stays as it is. */
    private String number() {
        String raw = text.toString();
        if (format == null || raw.isEmpty()) {
            return raw;
        }
        try {
            return CellText.number(Double.parseDouble(raw.trim()), format.date(), date1904);
        } catch (RuntimeException notANumber) {
            return raw;
        }
    }

    /** The column of a reference such as AB12, without CellReference's regular expressions for the usual case. */
    static int column(String reference) {
        int column = 0;
        int i = 0;
        for (; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
            } else {
                break;
            }
        }
        if (i == 0 || i > 3 || i == reference.length() || reference.charAt(i) < '0' || reference.charAt(i) > '9') {
            return new CellReference(reference).getCol();
        }
        return column - 1;
    }
}
