package io.huiju.transform.read;

import io.huiju.transform.RawRecord;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a department's CSV file as {@link RawRecord}s, one record in memory at a time, whatever the file's size.
 *
 * <p>The first record is the header (names trimmed, a UTF-8 BOM removed); each later record maps header name → value
 * as written. Blank lines are skipped. {@link RawRecord#line()} is the physical line (header = 1) on which the record
 * <em>starts</em>, counting the line breaks inside quoted fields, so it is the number a department sees in a text
 * editor.
 *
 * <p>Problems of one row become a defective record and reading goes on: {@link #ENCODING} (bytes the charset cannot
 * decode, e.g. a GB18030 row in a UTF-8 file) and {@link #COLUMN_COUNT} (ragged row). After {@link #UNCLOSED_QUOTE},
 * {@link #LINE_TOO_LONG} or {@link #READ_ERROR} no record boundary can be trusted, so that defect is the last record.
 * {@code hasNext} and {@code next} never throw for bad content. Problems of the whole payload are {@link
 * PayloadException}s from {@code open}.
 *
 * <p>The reader owns the stream: {@link #close()} closes it, and so does a failing {@code open}. Not thread-safe.
 */
public final class CsvRecordReader extends ReadAhead implements RowSource {

    /** Longest line, and longest record, read before giving up: 1 MiB of characters. */
    public static final int DEFAULT_MAX_LINE_CHARS = 1024 * 1024;

    public static final String ENCODING = "ENCODING";
    public static final String COLUMN_COUNT = "COLUMN_COUNT";
    public static final String UNCLOSED_QUOTE = "UNCLOSED_QUOTE";
    public static final String LINE_TOO_LONG = "LINE_TOO_LONG";
    public static final String READ_ERROR = "READ_ERROR";

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final LineGuardReader guard;
    private final CsvHeader header;
    private final Charset charset;
    private final List<String> warnings;

    private CsvRecordReader(CSVParser parser, LineGuardReader guard, EncodingSniffer.Result sniffed)
            throws PayloadException {
        this.parser = parser;
        this.records = parser.iterator();
        this.guard = guard;
        this.charset = sniffed.charset();
        this.header = readHeader();
        List<String> all = new ArrayList<>(sniffed.warnings());
        all.addAll(header.warnings());
        this.warnings = List.copyOf(all);
    }

    /**
     * @param encoding {@code auto}, {@code UTF-8} or {@code GB18030} ({@code GBK}, {@code GB2312} are read as GB18030)
     * @throws IllegalArgumentException for an unknown encoding or an unusable delimiter: configuration, not payload
     */
    public static CsvRecordReader open(InputStream in, String encoding, char delimiter) throws PayloadException {
        return open(in, encoding, delimiter, DEFAULT_MAX_LINE_CHARS);
    }

    /** As {@link #open(InputStream, String, char)}, with the longest line or record allowed, in characters. */
    public static CsvRecordReader open(InputStream in, String encoding, char delimiter, int maxLineChars)
            throws PayloadException {
        try {
            Charset declared = EncodingSniffer.declared(encoding);
            CSVFormat format = format(delimiter);
            BufferedInputStream buffered = new BufferedInputStream(in, EncodingSniffer.SAMPLE_BYTES);
            EncodingSniffer.Result sniffed = EncodingSniffer.sniff(buffered, declared);
            LineGuardReader guard =
                    new LineGuardReader(new InputStreamReader(buffered, lenient(sniffed.charset())), maxLineChars);
            return new CsvRecordReader(format.parse(guard), guard, sniffed);
        } catch (PayloadException | RuntimeException e) {
            closeQuietly(in, e);
            throw e;
        } catch (IOException e) {
            closeQuietly(in, e);
            throw new PayloadException(PayloadException.READ_ERROR, "读取文件时出错：" + e.getMessage(), e);
        }
    }

    // Empty lines are kept by the parser, and dropped here, so that its line count stays exact.
    private static CSVFormat format(char delimiter) {
        return CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .get();
    }

    // REPLACE, not REPORT: one undecodable row must reject that row, not the file.
    private static CharsetDecoder lenient(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    private CsvHeader readHeader() throws PayloadException {
        guard.recordStarting();
        try {
            if (!records.hasNext()) {
                throw new PayloadException(PayloadException.EMPTY_FILE, "文件没有任何内容，缺少表头和数据。请确认导出成功后重新上传。");
            }
            return CsvHeader.of(records.next(), charset);
        } catch (RuntimeException e) {
            IOException cause = ReadFailure.unwrap(e);
            throw ReadFailure.of(cause, 1, guard.maxChars()).toPayloadException(cause);
        }
    }

    /** Column names from the first line, trimmed. */
    public List<String> header() {
        return header.names();
    }

    /** The charset the file is decoded with: declared, or detected for {@code auto}. */
    public Charset charset() {
        return charset;
    }

    /** What a department should know but that rejects nothing, e.g. that the encoding was detected as GB18030. */
    public String describe() {
        return charset().name();
    }

    @Override
    public List<String> warnings() {
        return warnings;
    }

    @Override
    protected RawRecord advance() {
        while (true) {
            // The parser has consumed exactly the previous record and its line break, so this is where the next begins.
            long line = parser.getCurrentLineNumber() + 1;
            guard.recordStarting();
            CSVRecord values;
            try {
                if (!records.hasNext()) {
                    finish();
                    return null;
                }
                values = records.next();
            } catch (RuntimeException e) {
                finish();
                return ReadFailure.of(ReadFailure.unwrap(e), line, guard.maxChars())
                        .toRecord(line);
            }
            if (!CsvHeader.isBlank(values)) {
                return header.toRecord(line, values);
            }
        }
    }

    @Override
    public void close() throws IOException {
        finish();
        parser.close();
    }

    private static void closeQuietly(InputStream in, Exception failure) {
        try {
            in.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
