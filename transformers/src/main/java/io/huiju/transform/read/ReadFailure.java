package io.huiju.transform.read;

import io.huiju.transform.RawRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.commons.csv.CSVException;

/**
 * Why the text stopped being readable at some record. After any of these the parser cannot find the next record
 * boundary, so the reader reports it once and ends; on the header it becomes a {@link PayloadException}.
 */
record ReadFailure(String code, String reason) {

    // commons-csv has no type for this case; its message has been stable since 1.0.
    private static final String UNCLOSED_QUOTE_MESSAGE = "EOF reached before encapsulated token finished";

    static ReadFailure of(IOException e, long startLine, int maxChars) {
        if (e instanceof LineGuardReader.TooLongException tooLong) {
            String reason = tooLong.wholeLine
                    ? "第" + tooLong.line + "行超过" + maxChars + "个字符，无法读取；从第" + startLine + "行起的内容未处理"
                    : "第" + startLine + "行起的记录超过" + maxChars + "个字符（多半是引号未闭合），无法读取；从该行起的内容未处理";
            return new ReadFailure(CsvRecordReader.LINE_TOO_LONG, reason);
        }
        if (e instanceof CSVException && String.valueOf(e.getMessage()).contains(UNCLOSED_QUOTE_MESSAGE)) {
            return new ReadFailure(
                    CsvRecordReader.UNCLOSED_QUOTE, "第" + startLine + "行起有未闭合的引号，直到文件末尾都无法解析；从该行起的内容未处理");
        }
        if (e instanceof CSVException) {
            return new ReadFailure(
                    CsvRecordReader.READ_ERROR,
                    "第" + startLine + "行起的内容不是有效的CSV（引号内的引号应写成两个引号\"\"）：" + e.getMessage() + "；从该行起的内容未处理");
        }
        return new ReadFailure(
                CsvRecordReader.READ_ERROR, "读取第" + startLine + "行起的内容时出错：" + e.getMessage() + "；从该行起的内容未处理");
    }

    /** The parser's iterator wraps I/O failures; anything else is a bug and is not ours to hide. */
    static IOException unwrap(RuntimeException e) {
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : null;
        if (cause == null && e instanceof IllegalStateException && e.getCause() instanceof IOException io) {
            cause = io;
        }
        if (cause instanceof IOException io) {
            return io;
        }
        throw e;
    }

    RawRecord toRecord(long line) {
        return RawRecord.defective(line, Map.of(), code, reason);
    }

    PayloadException toPayloadException(IOException cause) {
        return new PayloadException(code, "表头无法读取：" + reason, cause);
    }
}
