package io.huiju.transform.read.excel;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * How a numeric cell becomes text. Excel's own display ("1,000.00", "3.50802E+17", "2024/1/5") depends on the
 * department's locale and column width, so it is not used: dates become ISO, other numbers plain decimals.
 */
final class CellText {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    // Excel keeps 15 significant digits; more than that in the file is binary noise (0.30000000000000004).
    private static final MathContext EXCEL_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);
    // A whole number of 16 digits or more cannot have been stored exactly: ID and account numbers typed as numbers.
    private static final Pattern TOO_MANY_DIGITS = Pattern.compile("-?\\d{16,}");

    private CellText() {}

    static String number(double value, int formatIndex, String formatString, boolean date1904) {
        if ((isCjkBuiltInDate(formatIndex) || formatString != null && DateUtil.isADateFormat(formatIndex, formatString))
                && DateUtil.isValidExcelDate(value)) {
            return date(value, date1904);
        }
        return plain(value);
    }

    /**
     * Number formats 27–36 and 50–58 are built in for the Chinese locale, all dates or times (see
     * {@link CjkNumberFormats}, which defines them for .xlsx); this catches them where a reader hands over the id with
     * POI's "reserved" placeholder (.xls).
     */
    private static boolean isCjkBuiltInDate(int formatIndex) {
        return formatIndex >= 27 && formatIndex <= 36 || formatIndex >= 50 && formatIndex <= 58;
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
        return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.format(DATE) : at.format(DATE_TIME);
    }

    static boolean digitsLost(SheetRow.Cell cell) {
        return cell.kind() == SheetRow.Kind.NUMBER
                && TOO_MANY_DIGITS.matcher(cell.text()).matches();
    }

    /** Hands our rules to {@link org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler}, which formats numbers. */
    static final class Formatter extends DataFormatter {
        private final boolean date1904;

        Formatter(boolean date1904) {
            this.date1904 = date1904;
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return number(value, formatIndex, formatString, date1904);
        }

        @Override
        public String formatRawCellContents(
                double value, int formatIndex, String formatString, boolean use1904Windowing) {
            return number(value, formatIndex, formatString, use1904Windowing || date1904);
        }
    }
}
