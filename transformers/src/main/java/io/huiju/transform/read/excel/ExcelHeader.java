package io.huiju.transform.read.excel;

import io.huiju.transform.RawRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.poi.ss.util.CellReference;

/** The column names of the header row, by column, and how a later row is laid onto them. */
final class ExcelHeader {

    private final String[] names;
    private final boolean[] kept;
    private final List<String> warnings;

    private ExcelHeader(String[] names, boolean[] kept, List<String> warnings) {
        this.names = names;
        this.kept = kept;
        this.warnings = warnings;
    }

    /** How many cells of the row are headers the mapping knows; error cells never are. */
    static int known(SheetRow row, Predicate<String> isKnownHeader) {
        int count = 0;
        for (SheetRow.Cell cell : row.cells()) {
            if (cell.kind() != SheetRow.Kind.ERROR
                    && isKnownHeader.test(cell.text().trim())) {
                count++;
            }
        }
        return count;
    }

    /** Columns right of the last named one are ignored; a blank name in between leaves its column unread. */
    static ExcelHeader of(SheetRow row) {
        int width = 0;
        for (SheetRow.Cell cell : row.cells()) {
            if (!cell.text().isBlank()) {
                width = Math.max(width, cell.column() + 1);
            }
        }
        String[] names = new String[width];
        Arrays.fill(names, "");
        for (SheetRow.Cell cell : row.cells()) {
            if (cell.column() < width) {
                names[cell.column()] = cell.text().trim();
            }
        }
        boolean[] kept = new boolean[width];
        List<String> warnings = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int column = 0; column < width; column++) {
            if (names[column].isEmpty()) {
                continue;
            }
            Integer earlier = seen.putIfAbsent(names[column], column);
            kept[column] = earlier == null;
            if (earlier != null) {
                warnings.add(
                        "表头" + letter(column) + "列与" + letter(earlier) + "列同名（“" + names[column] + "”），读取时忽略后一列的值");
            }
        }
        return new ExcelHeader(names, kept, List.copyOf(warnings));
    }

    List<String> names() {
        List<String> result = new ArrayList<>();
        for (int column = 0; column < names.length; column++) {
            if (kept[column]) {
                result.add(names[column]);
            }
        }
        return List.copyOf(result);
    }

    List<String> warnings() {
        return warnings;
    }

    boolean isBlank(SheetRow row) {
        for (SheetRow.Cell cell : row.cells()) {
            if (isRead(cell.column()) && !cell.text().isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Values are kept as read, untrimmed: trimming is the mapper's job. Missing cells are empty strings. */
    RawRecord toRecord(SheetRow row) {
        Map<String, String> fields = new LinkedHashMap<>(names.length * 2);
        for (int column = 0; column < names.length; column++) {
            if (kept[column]) {
                fields.put(names[column], "");
            }
        }
        String code = null;
        List<String> reasons = new ArrayList<>();
        for (SheetRow.Cell cell : row.cells()) {
            if (!isRead(cell.column())) {
                continue;
            }
            if (kept[cell.column()]) {
                fields.put(names[cell.column()], cell.text());
            }
            if (cell.kind() == SheetRow.Kind.ERROR) {
                code = ExcelRecordReader.CELL_ERROR;
                reasons.add(where(row, cell) + "的单元格是错误值 " + cell.text());
            } else if (CellText.digitsLost(cell)) {
                code = code == null ? ExcelRecordReader.DIGITS_LOST : code;
                reasons.add(
                        where(row, cell) + "的数字" + cell.text() + "超过15位，Excel按数字保存时只保留15位有效数字，末尾已丢失；请把该列设为文本格式后重新填写");
            }
        }
        if (code != null) {
            return RawRecord.defective(row.number(), fields, code, String.join("；", reasons));
        }
        return RawRecord.of(row.number(), fields);
    }

    // Only for a defective cell: built for every cell, this text cost more than reading the cell.
    private String where(SheetRow row, SheetRow.Cell cell) {
        return "第" + row.number() + "行" + letter(cell.column()) + "列（" + names[cell.column()] + "）";
    }

    private boolean isRead(int column) {
        return column < names.length && !names[column].isEmpty();
    }

    static String letter(int column) {
        return CellReference.convertNumToColString(column);
    }
}
