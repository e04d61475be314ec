package io.huiju.transform.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides how to decode a file from its first 64 KiB. The sample is read under mark/reset, so it is read from the
 * source once and then decoded from the stream's buffer.
 */
final class EncodingSniffer {

    static final int SAMPLE_BYTES = 64 * 1024;
    static final Charset GB18030 = Charset.forName("GB18030");

    /** When it is returned, a UTF-8 BOM has been skipped from the stream: it is not part of the first column name. */
    record Result(Charset charset, List<String> warnings) {}

    private EncodingSniffer() {}

    /**
     * Resolves a configured encoding: {@code null} for {@code auto}. GBK and GB2312 are read as GB18030, their
     * superset, so a department that declares the narrower name loses no character.
     */
    static Charset declared(String encoding) {
        String name = encoding == null ? "" : encoding.trim().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "AUTO" -> null;
            case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            case "GB18030", "GBK", "GB2312", "CP936" -> GB18030;
            default ->
                throw new IllegalArgumentException(
                        "不支持的编码 '" + encoding + "'：可用 auto、UTF-8、GB18030（GBK、GB2312 按 GB18030 读取）");
        };
    }

    static Result sniff(BufferedInputStream in, Charset declared) throws IOException, PayloadException {
        in.mark(SAMPLE_BYTES + 1);
        byte[] sample = in.readNBytes(SAMPLE_BYTES);
        in.reset();
        if (sample.length == 0) {
            throw new PayloadException(PayloadException.EMPTY_FILE, "文件为空（0字节），没有表头和数据。请确认导出成功后重新上传。");
        }
        rejectNonText(sample);
        boolean bom = hasUtf8Bom(sample);
        List<String> warnings = new ArrayList<>();
        Charset charset = declared != null ? declared : detect(sample, bom, warnings);
        if (charset.equals(StandardCharsets.UTF_8) && bom) {
            in.skipNBytes(3);
        } else if (!charset.equals(StandardCharsets.UTF_8) && (bom || isUtf8WithNonAscii(sample))) {
            warnings.add("文件声明为" + charset.name() + "编码，但内容看起来是UTF-8；如出现乱码，请改为UTF-8或auto");
        }
        return new Result(charset, List.copyOf(warnings));
    }

    private static Charset detect(byte[] sample, boolean bom, List<String> warnings) {
        if (bom || isUtf8(sample)) {
            return StandardCharsets.UTF_8;
        }
        warnings.add("文件开头不是有效的UTF-8，已按GB18030编码读取");
        return GB18030;
    }

    private static void rejectNonText(byte[] sample) throws PayloadException {
        // Excel's "Unicode text" is UTF-16: full of NULs, but the department needs a different fix than for a zip.
        if (sample.length >= 2
                && ((sample[0] == (byte) 0xFF && sample[1] == (byte) 0xFE)
                        || (sample[0] == (byte) 0xFE && sample[1] == (byte) 0xFF))) {
            throw new PayloadException(
                    PayloadException.ENCODING, "文件是UTF-16编码（常见于Excel的“Unicode文本”），请另存为“CSV UTF-8（逗号分隔）”后重新上传。");
        }
        if (looksBinary(sample)) {
            throw new PayloadException(
                    PayloadException.NOT_TEXT, "文件不是文本格式的CSV（含有二进制内容，可能是压缩包、图片或Excel工作簿改了扩展名），请导出为CSV文本后重新上传。");
        }
    }

    /**
     * Text in any encoding we accept has no NUL and almost no C0 controls besides tab, line breaks and form feed; both
     * UTF-8 and GB18030 keep every byte of a multi-byte character at 0x30 or above.
     */
    static boolean looksBinary(byte[] sample) {
        int controls = 0;
        for (byte b : sample) {
            if (b == 0) {
                return true;
            }
            if ((b > 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F) {
                controls++;
            }
        }
        return controls * 20L > sample.length;
    }

    private static boolean hasUtf8Bom(byte[] sample) {
        return sample.length >= 3 && sample[0] == (byte) 0xEF && sample[1] == (byte) 0xBB && sample[2] == (byte) 0xBF;
    }

    /** Strict UTF-8; {@code endOfInput=false} lets a character cut by the end of the sample pass. */
    static boolean isUtf8(byte[] sample) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder();
        CharBuffer out = CharBuffer.allocate(sample.length);
        return !strict.decode(ByteBuffer.wrap(sample), out, false).isError();
    }

    private static boolean isUtf8WithNonAscii(byte[] sample) {
        for (byte b : sample) {
            if (b < 0) {
                return isUtf8(sample);
            }
        }
        return false;
    }
}
