package io.huiju.transform.read;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Bounds how much text one line, or one record, may hold. commons-csv builds each field in memory until it ends, so a
 * file without line breaks, or one whose quote is never closed, would otherwise be read whole.
 *
 * <p>A line is measured exactly: the chunk handed to the parser stops before the first character over the limit, and
 * the next request fails, once the parser has consumed the records before that line. A record (which may span lines
 * inside quotes) is checked when the parser asks for more text: it has then consumed everything it was given, all of
 * it in the current record, so a short record that merely shares a chunk with others is never blamed. Either way the
 * parser holds at most the limit plus one chunk.
 */
final class LineGuardReader extends FilterReader {

    /** Thrown through the parser; {@code line} is the physical line being read, {@code wholeLine} tells which limit. */
    static final class TooLongException extends IOException {
        final long line;
        final boolean wholeLine;

        TooLongException(long line, boolean wholeLine) {
            super((wholeLine ? "line " : "record reaching line ") + line + " is too long");
            this.line = line;
            this.wholeLine = wholeLine;
        }
    }

    private final int maxChars;
    private long line = 1;
    private long lineChars;
    private long recordChars;
    private boolean afterCr;
    private TooLongException pending;

    LineGuardReader(Reader in, int maxChars) {
        super(in);
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive: " + maxChars);
        }
        this.maxChars = maxChars;
    }

    int maxChars() {
        return maxChars;
    }

    /** Called before each record is parsed; text the parser had buffered before this call is not counted. */
    void recordStarting() {
        recordChars = 0;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        checkLimits();
        int n = in.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            if (!count(buffer[offset + i])) {
                pending = new TooLongException(line, true);
                if (i == 0) {
                    throw pending;
                }
                return i;
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skip is not supported: it would bypass the line limit");
    }

    private void checkLimits() throws TooLongException {
        if (pending != null) {
            throw pending;
        }
        if (recordChars > maxChars) {
            throw new TooLongException(line, false);
        }
    }

    // False when c is one character too many for its line. A CR LF pair is one line break, as the parser counts it.
    private boolean count(char c) {
        if (c == '\n') {
            if (!afterCr) {
                line++;
            }
            lineChars = 0;
        } else if (c == '\r') {
            line++;
            lineChars = 0;
        } else if (++lineChars > maxChars) {
            return false;
        }
        afterCr = c == '\r';
        recordChars++;
        return true;
    }
}
