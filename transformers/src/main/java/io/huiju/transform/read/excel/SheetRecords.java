package io.huiju.transform.read.excel;

import io.huiju.transform.RawRecord;
import io.huiju.transform.read.PayloadException;
import io.huiju.transform.read.ReadAhead;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Finds the data sheet and its header row, then reads that sheet's rows as records: the part both formats share. */
final class SheetRecords extends ReadAhead {

    /** The header row is looked for among rows 1 to this, so title rows above it are passed over. */
    static final int HEADER_SEARCH_ROWS = 30;
    /** A row is the header when at least this many of its cells are headers the mapping knows. */
    static final int MIN_KNOWN_HEADERS = 3;

    private final SheetSource source;
    private final ExcelHeader header;
    private final String sheetName;
    private long lastRow;

    private SheetRecords(SheetSource source, ExcelHeader header, long headerRow) {
        this.source = source;
        this.header = header;
        this.sheetName = source.sheetName();
        this.lastRow = headerRow;
    }

    /** Closes the source when it fails. */
    static SheetRecords locate(SheetSource source, Predicate<String> isKnownHeader) throws PayloadException {
        try {
            List<String> looked = new ArrayList<>();
            while (source.nextSheet()) {
                looked.add("“" + source.sheetName() + "”");
                SheetRow row;
                while ((row = source.nextRow()) != null && row.number() <= HEADER_SEARCH_ROWS) {
                    if (ExcelHeader.known(row, isKnownHeader) >= MIN_KNOWN_HEADERS) {
                        return new SheetRecords(source, ExcelHeader.of(row), row.number());
                    }
                }
            }
            if (looked.isEmpty()) {
                throw new PayloadException(
                        ExcelRecordReader.HEADER_NOT_FOUND, "工作簿中没有可见的工作表（都被隐藏了），找不到表头。请取消隐藏数据所在的工作表后重新上传。");
            }
            throw new PayloadException(
                    ExcelRecordReader.HEADER_NOT_FOUND,
                    "在工作表" + String.join("、", looked) + "的前" + HEADER_SEARCH_ROWS + "行中都没有找到表头：表头行至少要有"
                            + MIN_KNOWN_HEADERS + "个列名与约定的列名一致。请检查是否上传错了文件，或表头的列名是否被改动。");
        } catch (PayloadException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    List<String> header() {
        return header.names();
    }

    List<String> warnings() {
        return header.warnings();
    }

    String sheetName() {
        return sheetName;
    }

    @Override
    protected RawRecord advance() {
        while (true) {
            SheetRow row;
            try {
                row = source.nextRow();
            } catch (PayloadException e) {
                // Like a CSV file cut short: the rows before were sound, and this says where reading stopped.
                finish();
                source.close();
                return RawRecord.defective(
                        lastRow + 1,
                        Map.of(),
                        e.code(),
                        "读取第" + (lastRow + 1) + "行起的内容时出错，从该行起的内容未处理：" + e.getMessage());
            }
            if (row == null) {
                finish();
                return null;
            }
            lastRow = row.number();
            if (!header.isBlank(row)) {
                return header.toRecord(row);
            }
        }
    }

    void close() {
        finish();
        source.close();
    }
}
