package io.huiju.transform.read;

import io.huiju.transform.RawRecord;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/** The column names from the first record, and how a later record is laid onto them. */
final class CsvHeader {

    private static final char REPLACEMENT = '\uFFFD';

    private final List<String> names;
    private final List<String> warnings;
    private final Charset charset;

    private CsvHeader(List<String> names, List<String> warnings, Charset charset) {
        this.names = names;
        this.warnings = warnings;
        this.charset = charset;
    }

    static CsvHeader of(CSVRecord first, Charset charset) throws PayloadException {
        if (isBlank(first)) {
            throw new PayloadException(PayloadException.HEADER_MISSING, "第1行为空，缺少表头。CSV文件的第1行必须是列名。");
        }
        if (hasReplacement(first)) {
            throw new PayloadException(
                    PayloadException.ENCODING, "表头无法按" + charset.name() + "解码，请检查文件编码（应为UTF-8或GB18030），或在配置中声明正确的编码。");
        }
        List<String> names = new ArrayList<>(first.size());
        List<String> warnings = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String value : first) {
            String name = value.trim();
            Integer earlier = seen.putIfAbsent(name, names.size() + 1);
            if (earlier != null) {
                warnings.add("表头第" + (names.size() + 1) + "列与第" + earlier + "列同名（“" + name + "”），读取时忽略后一列的值");
            }
            names.add(name);
        }
        return new CsvHeader(List.copyOf(names), List.copyOf(warnings), charset);
    }

    List<String> names() {
        return names;
    }

    List<String> warnings() {
        return warnings;
    }

    /**
     * Values are kept as written; trimming is the mapper's job. An undecodable row is reported before a ragged one:
     * a wrong encoding can split a character into a delimiter, so the column count follows from it.
     */
    RawRecord toRecord(long line, CSVRecord values) {
        Map<String, String> fields = new LinkedHashMap<>(names.size() * 2);
        for (int i = 0; i < Math.min(names.size(), values.size()); i++) {
            fields.putIfAbsent(names.get(i), values.get(i));
        }
        if (hasReplacement(values)) {
            return RawRecord.defective(
                    line,
                    fields,
                    CsvRecordReader.ENCODING,
                    "第" + line + "行含有无法按" + charset.name() + "解码的字节，请检查文件编码（应为UTF-8或GB18030）");
        }
        if (values.size() != names.size()) {
            return RawRecord.defective(
                    line,
                    fields,
                    CsvRecordReader.COLUMN_COUNT,
                    "第" + line + "行有" + values.size() + "列，表头有" + names.size() + "列");
        }
        return RawRecord.of(line, fields);
    }

    static boolean isBlank(CSVRecord record) {
        for (String value : record) {
            if (!value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    // The decoder replaces what it cannot decode with U+FFFD. A file that really contains U+FFFD was already damaged
    // before it reached us, so rejecting that row too is right.
    private static boolean hasReplacement(CSVRecord record) {
        for (String value : record) {
            if (value.indexOf(REPLACEMENT) >= 0) {
                return true;
            }
        }
        return false;
    }
}
