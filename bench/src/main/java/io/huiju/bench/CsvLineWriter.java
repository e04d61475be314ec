package io.huiju.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes RFC 4180 records: comma-separated, CRLF-terminated, a field quoted only when it must be. UTF-8, no BOM. */
final class CsvLineWriter implements RowSink {

    private final Writer out;

    CsvLineWriter(Writer out) {
        this.out = out;
    }

    static CsvLineWriter open(Path file) throws IOException {
        return new CsvLineWriter(new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 20));
    }

    @Override
    public void header(List<String> names) throws IOException {
        write(names);
    }

    @Override
    public void row(String[] fields) throws IOException {
        write(fields);
    }

    @Override
    public void close() throws IOException {
        out.close();
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
