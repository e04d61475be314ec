package io.huiju.transform.read;

/**
 * The whole payload cannot be read, so no row of it is: the channel rejects the file as one unit and sends the
 * department {@link #getMessage()}, which is written for them (Chinese, says what to change). {@link #code()} is stable
 * and meant for dashboards, tests and routing; the message may be reworded.
 */
public class PayloadException extends Exception {

    /** Zero bytes, or nothing that could be a header. */
    public static final String EMPTY_FILE = "EMPTY_FILE";
    /** Binary content: an archive, an image or a workbook renamed to {@code .csv}. */
    public static final String NOT_TEXT = "NOT_TEXT";
    /** The first line is blank, so there are no column names. */
    public static final String HEADER_MISSING = "HEADER_MISSING";
    /** The header cannot be decoded with the charset in use, or the file is UTF-16. */
    public static final String ENCODING = "ENCODING";
    /** The header's quote is never closed: the whole file is one unparseable record. */
    public static final String UNCLOSED_QUOTE = "UNCLOSED_QUOTE";
    /** The header is longer than the reader's line limit. */
    public static final String LINE_TOO_LONG = "LINE_TOO_LONG";
    /** The stream failed, or the header is not valid CSV. */
    public static final String READ_ERROR = "READ_ERROR";

    private final String code;

    public PayloadException(String code, String message) {
        super(message);
        this.code = code;
    }

    public PayloadException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
