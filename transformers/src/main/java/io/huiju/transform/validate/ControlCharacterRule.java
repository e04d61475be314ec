package io.huiju.transform.validate;

import io.huiju.transform.CanonicalField;
import java.util.Map;

/** Control characters break the exports to 信用中国 and are invisible to the people who would fix them. */
final class ControlCharacterRule implements Rule {

    @Override
    public void check(Inspection in) {
        for (Map.Entry<CanonicalField, String> e : in.row().values().entrySet()) {
            String value = e.getValue();
            for (int i = 0; value != null && i < value.length(); i++) {
                if (Character.isISOControl(value.charAt(i))) {
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
}
