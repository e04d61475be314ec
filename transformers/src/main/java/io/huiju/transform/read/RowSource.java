package io.huiju.transform.read;

import io.huiju.transform.RawRecord;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/**
 * What every reader gives the pipeline, whatever the format: the header it found, the rows one at a time (defective
 * rows included, with their reason), and warnings about the payload as a whole. Must be closed.
 */
public interface RowSource extends Iterator<RawRecord>, AutoCloseable {

    List<String> header();

    List<String> warnings();

    /** How the payload was read, for the log: the encoding of a text file, the sheet of a workbook. */
    String describe();

    @Override
    void close() throws IOException;
}
