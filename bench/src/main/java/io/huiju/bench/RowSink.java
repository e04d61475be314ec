package io.huiju.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Where the generator writes its rows, header first: a CSV file or an .xlsx workbook, by the file's extension. */
interface RowSink extends Closeable {

    void header(List<String> names) throws IOException;

    /** Empty fields are empty strings, never null. */
    void row(String[] fields) throws IOException;

    static RowSink open(Path file, WorkbookSink.Strings strings) throws IOException {
        return file.getFileName().toString().endsWith(".xlsx")
                ? WorkbookSink.open(file, strings)
                : CsvLineWriter.open(file);
    }
}
