package io.huiju.transform.read.excel;

import io.huiju.transform.read.PayloadException;

/** The visible sheets of one workbook, one after the other, each read row by row. Not thread-safe. */
interface SheetSource extends AutoCloseable {

    /** Moves to the next visible sheet, abandoning the rest of the current one; false when there is none. */
    boolean nextSheet() throws PayloadException;

    String sheetName();

    /** The next row with at least one cell of the current sheet, or null at its end. */
    SheetRow nextRow() throws PayloadException;

    @Override
    void close();
}
