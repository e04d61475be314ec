package io.huiju.transform.validate;

import io.huiju.transform.CanonicalField;
import java.util.Map;

/** Control characters (and halves of surrogate pairs) break the exports to 信用中国 and are invisible to the people who would fix them. */
final class ControlCharacterRule implements Rule {

    @Override
    public void check(Inspection in) {
        for (Map.Entry<CanonicalField, String> e : in.row().values().entrySet()) {
            String value = e.getValue();
            for (int i = 0; value != null && i < value.length(); i++) {
                if (Character.isISOControl(value.charAt(i)) || unpairedSurrogate(value, i)) {
                    in.error(
                            e.getKey(),
                            "CONTROL_CHARACTER",
                            String.format(
                                    "%s第%d个字符是不可见的控制字符（U+%04X），请删除后重报",
                                    in.label(e.getKey()), i + 1, (int) value.charAt(i)));
                    break;
                }
            }
        }
    }

    /**
     * Half of a surrogate pair is no character at all; JSON can carry one ({@code "\\ud800"}), and UTF-8 cannot write
     * it, so it is refused here with the control characters rather than failing the store.
     */
    private static boolean unpairedSurrogate(String value, int i) {
        char c = value.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
        }
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(value.charAt(i - 1)));
    }
}
