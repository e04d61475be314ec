package io.huiju.transform.read.excel;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * The number format of each cell style of an .xlsx, worked out once per style: every numeric cell names its style,
 * and deciding whether a format is a date format takes POI a dozen regular expressions.
 */
final class CellFormats {

    /** A style's format; {@code date} when its numbers are dates (a date, time or date-time format). */
    record Format(int index, String pattern, boolean date) {}

    private final StylesTable styles;
    private final Format[] byStyle;
    private final boolean[] looked;

    CellFormats(StylesTable styles) {
        this.styles = styles;
        int count = styles == null ? 0 : styles.getNumCellStyles();
        this.byStyle = new Format[count];
        this.looked = new boolean[count];
    }

    /**
     * The format of a numeric cell, as POI's XSSFSheetXMLHandler finds it: the cell's style, or the first style when
     * the cell names none; null (the number is read as written) when the workbook has no such style.
     *
     * @param style the cell's {@code s} attribute, or null
     * @throws NumberFormatException when {@code style} is not a number: the sheet is damaged
     */
    Format of(String style) {
        if (styles == null) {
            return null;
        }
        int index = style == null ? 0 : Integer.parseInt(style.trim());
        if (index < 0 || index >= byStyle.length) {
            return null;
        }
        if (!looked[index]) {
            byStyle[index] = lookUp(index);
            looked[index] = true;
        }
        return byStyle[index];
    }

    private Format lookUp(int index) {
        XSSFCellStyle style = styles.getStyleAt(index);
        if (style == null) {
            return null;
        }
        short formatIndex = style.getDataFormat();
        String pattern = style.getDataFormatString();
        if (pattern == null) {
            pattern = BuiltinFormats.getBuiltinFormat(formatIndex);
        }
        return pattern == null ? null : new Format(formatIndex, pattern, DateUtil.isADateFormat(formatIndex, pattern));
    }
}
