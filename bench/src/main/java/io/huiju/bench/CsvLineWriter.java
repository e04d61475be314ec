package io.huiju.bench;

import java.io.IOException;
import java.io.Writer;

/** Writes RFC 4180 records: comma-separated, CRLF-terminated, a field quoted only when it must be. */
final class CsvLineWriter {

    private final Writer out;

    CsvLineWriter(Writer out) {
        this.out = out;
    }

    void write(Iterable<String> fields) throws IOException {
        boolean first = true;
        for (String field : fields) {
            if (!first) {
                out.write(',');
            }
            first = false;
            writeField(field);
        }
        out.write("\r\n");
    }

    void write(String[] fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            writeField(fields[i]);
        }
        out.write("\r\n");
    }

    private void writeField(String field) throws IOException {
        if (field == null || field.isEmpty()) {
            return;
        }
        if (!needsQuotes(field)) {
            out.write(field);
            return;
        }
        out.write('"');
        out.write(field.replace("\"", "\"\""));
        out.write('"');
    }

    private static boolean needsQuotes(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\r' || c == '\n') {
                return true;
            }
        }
        return false;
    }
}
