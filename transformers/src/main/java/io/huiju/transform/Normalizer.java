package io.huiju.transform;

import java.util.Locale;

/**
 * Cleans the text departments type: surrounding blanks (including the ideographic space and NBSP that Chinese office
 * software inserts), full-width letters, digits and symbols. Pure and thread-safe.
 */
public final class Normalizer {

    private static final char IDEOGRAPHIC_SPACE = '\u3000';
    private static final char NO_BREAK_SPACE = '\u00A0';
    private static final char FULL_WIDTH_FIRST = '\uFF01';
    private static final char FULL_WIDTH_LAST = '\uFF5E';
    private static final int FULL_WIDTH_OFFSET = 0xFEE0;

    /**
     * Full-width forms that are the correct punctuation of Chinese text (GB/T 15834); registered names such as
     * “某某（集团）有限公司” must stay as registered or they no longer match the 法人库.
     */
    private static final String CHINESE_PUNCTUATION = "，；：？！（）";

    private Normalizer() {}

    /** Trimmed, half-width text; null when the input is null or blank. */
    public static String text(String raw) {
        if (raw == null) {
            return null;
        }
        String converted = raw;
        for (int i = 0; i < raw.length(); i++) {
            if (halfWidth(raw.charAt(i)) != raw.charAt(i)) {
                converted = convert(raw, i);
                break;
            }
        }
        String trimmed = converted.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** {@link #text} without any whitespace or hyphens, upper case; null when nothing is left. */
    public static String code(String raw) {
        String text = text(raw);
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !isHyphen(c))
                .forEach(out::appendCodePoint);
        return out.isEmpty() ? null : out.toString().toUpperCase(Locale.ROOT);
    }

    // Most values need no conversion: only copy from the first character that does.
    private static String convert(String raw, int from) {
        StringBuilder out = new StringBuilder(raw.length()).append(raw, 0, from);
        for (int i = from; i < raw.length(); i++) {
            out.append(halfWidth(raw.charAt(i)));
        }
        return out.toString();
    }

    private static char halfWidth(char c) {
        if (c == IDEOGRAPHIC_SPACE || c == NO_BREAK_SPACE) {
            return ' ';
        }
        if (c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST && CHINESE_PUNCTUATION.indexOf(c) < 0) {
            return (char) (c - FULL_WIDTH_OFFSET);
        }
        return c;
    }

    // ASCII hyphen-minus and the Unicode hyphens and dashes that word processors substitute for it.
    private static boolean isHyphen(int c) {
        return c == '-' || (c >= '\u2010' && c <= '\u2015');
    }
}
