package io.huiju.transform.read.excel;

import java.util.Map;
import org.apache.poi.xssf.model.StylesTable;

/**
 * The number formats built in for the Chinese locale (ECMA-376 Part 1, 18.8.30, zh-cn): Excel in that locale writes
 * only their id, no definition, and POI knows ids 27–36 as "reserved" and 50–58 not at all, so its streaming reader
 * would give a date typed in Chinese Excel as its serial number. Adding the definitions where the file has none lets
 * every date in those formats read as a date.
 */
final class CjkNumberFormats {

    private static final String YEAR_MONTH = "yyyy\"年\"m\"月\"";
    private static final String MONTH_DAY = "m\"月\"d\"日\"";
    private static final String HOUR_MINUTE = "h\"时\"mm\"分\"";
    private static final String HOUR_MINUTE_SECOND = "h\"时\"mm\"分\"ss\"秒\"";

    private static final Map<Integer, String> ZH_CN = Map.ofEntries(
            Map.entry(27, YEAR_MONTH),
            Map.entry(28, MONTH_DAY),
            Map.entry(29, MONTH_DAY),
            Map.entry(30, "m-d-yy"),
            Map.entry(31, "yyyy\"年\"m\"月\"d\"日\""),
            Map.entry(32, HOUR_MINUTE),
            Map.entry(33, HOUR_MINUTE_SECOND),
            Map.entry(34, "上午/下午" + HOUR_MINUTE),
            Map.entry(35, "上午/下午" + HOUR_MINUTE_SECOND),
            Map.entry(36, YEAR_MONTH),
            Map.entry(50, YEAR_MONTH),
            Map.entry(51, MONTH_DAY),
            Map.entry(52, YEAR_MONTH),
            Map.entry(53, MONTH_DAY),
            Map.entry(54, MONTH_DAY),
            Map.entry(55, "上午/下午" + HOUR_MINUTE),
            Map.entry(56, "上午/下午" + HOUR_MINUTE_SECOND),
            Map.entry(57, YEAR_MONTH),
            Map.entry(58, MONTH_DAY));

    private CjkNumberFormats() {}

    /** Whether the id is one of the locale's built-in formats: every one of them is a date or a time. */
    static boolean isBuiltIn(int formatIndex) {
        return ZH_CN.containsKey(formatIndex);
    }

    /** Defines each of the locale's formats the workbook uses without defining it; the file's own ones win. */
    static void addMissing(StylesTable styles) {
        if (styles == null) {
            return;
        }
        ZH_CN.forEach((id, format) -> {
            if (styles.getNumberFormatAt(id.shortValue()) == null) {
                styles.putNumberFormat(id.shortValue(), format);
            }
        });
    }
}
