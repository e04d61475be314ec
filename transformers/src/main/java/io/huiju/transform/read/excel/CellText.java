package io.huiju.transform.read.excel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * How a numeric cell becomes text. Excel's own display ("1,000.00", "3.50802E+17", "2024/1/5") depends on the
 * department's locale and column width, so it is not used: dates become ISO, other numbers plain decimals.
 */
final class CellText {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    // Excel keeps 15 significant digits; more than that in the file is binary noise (0.30000000000000004).
    private static final MathContext EXCEL_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);
    // A whole number of 16 digits or more cannot have been stored exactly: ID and account numbers typed as numbers.
    private static final Pattern TOO_MANY_DIGITS = Pattern.compile("-?\\d{16,}");

    private CellText() {}

    /**
     * The Chinese built-in formats are checked by id: where a reader hands one over with POI's "reserved"
     * placeholder instead of its pattern (.xls), it is still a date.
     */
    static String number(double value, int formatIndex, String formatString, boolean date1904) {
        return number(
                value,
                CjkNumberFormats.isBuiltIn(formatIndex)
                        || formatString != null && DateUtil.isADateFormat(formatIndex, formatString),
                date1904);
    }

    /** @param dateFormat whether the cell's format is a date format, as {@link CellFormats} has found out */
    static String number(double value, boolean dateFormat, boolean date1904) {
        if (dateFormat && DateUtil.isValidExcelDate(value)) {
            return date(value, date1904);
        }
        return plain(value);
    }

    static String plain(double value) {
        if (value == 0) {
            return "0";
        }
        return BigDecimal.valueOf(value)
                .round(EXCEL_DIGITS)
                .stripTrailingZeros()
                .toPlainString();
    }

    private static String date(double value, boolean date1904) {
        LocalDateTime at = DateUtil.getLocalDateTime(value, date1904, true);
        if (value < 1) {
            return at.format(TIME);
        }
        // LocalDate's own ISO text is yyyy-MM-dd for Excel's years 1900 to 9999, and cheaper than a formatter.
        return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : at.format(DATE_TIME);
    }

    /**
     * Undoes the {@code _xHHHH_} escapes Excel writes for characters XML cannot hold (a carriage return is {@code
     * _x000D_}), as POI's XSSFRichTextString does.
     */
    static String decode(CharSequence text) {
        int escape = indexOfEscape(text, 0);
        if (escape < 0) {
            return text.toString();
        }
        StringBuilder decoded = new StringBuilder(text.length());
        int from = 0;
        while (escape >= 0) {
            decoded.append(text, from, escape);
            decoded.append((char) Integer.parseInt(text, escape + 2, escape + 6, 16));
            from = escape + 7;
            escape = indexOfEscape(text, from);
        }
        return decoded.append(text, from, text.length()).toString();
    }

    private static int indexOfEscape(CharSequence text, int from) {
        for (int i = from; i + 6 < text.length(); i++) {
            if (text.charAt(i) == '_'
                    && text.charAt(i + 1) == 'x'
                    && text.charAt(i + 6) == '_'
                    && isHex(text.charAt(i + 2))
                    && isHex(text.charAt(i + 3))
                    && isHex(text.charAt(i + 4))
                    && isHex(text.charAt(i + 5))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean digitsLost(SheetRow.Cell cell) {
        return cell.kind() == SheetRow.Kind.NUMBER
                && cell.text().length() >= 16
                && TOO_MANY_DIGITS.matcher(cell.text()).matches();
    }
}
