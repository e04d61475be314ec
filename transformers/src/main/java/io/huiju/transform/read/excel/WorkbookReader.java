package io.huiju.transform.read.excel;

import io.huiju.transform.RawRecord;
import io.huiju.transform.read.RowSource;
import java.util.ArrayList;
import java.util.List;

/** What both workbook formats share once their sheet is located: the rows of that sheet, streamed. */
abstract class WorkbookReader implements RowSource {

    private final SheetRecords records;
    private final List<String> warnings;

    WorkbookReader(SheetRecords records) {
        this.records = records;
        this.warnings = new ArrayList<>(records.warnings());
    }

    /** Adds a warning about the file as a whole, listed before those about its header. */
    WorkbookReader warnFirst(String warning) {
        warnings.add(0, warning);
        return this;
    }

    /** Column names of the header row, trimmed, left to right; a repeated name is listed once. */
    @Override
    public List<String> header() {
        return records.header();
    }

    /**
     * What a department should know but that rejects nothing, e.g. two columns with the same name, or a file whose
     * extension says another format than its content.
     */
    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public String describe() {
        return "sheet " + sheetName();
    }

    /** The sheet being read. */
    public String sheetName() {
        return records.sheetName();
    }

    @Override
    public boolean hasNext() {
        return records.hasNext();
    }

    @Override
    public RawRecord next() {
        return records.next();
    }

    @Override
    public void close() {
        records.close();
    }
}
