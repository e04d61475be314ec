package io.huiju.transform.read.excel;

import java.util.List;

/** One row of a sheet as its parser saw it: the 1-based Excel row number and its non-empty cells, left to right. */
record SheetRow(long number, List<Cell> cells) {

    enum Kind {
        TEXT,
        NUMBER,
        ERROR
    }

    /** {@code text} is the value as the reader hands it on; for {@link Kind#ERROR} it is Excel's code, e.g. #DIV/0!. */
    record Cell(int column, String text, Kind kind) {}

    SheetRow {
        cells = List.copyOf(cells);
    }
}
