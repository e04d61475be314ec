package io.huiju.transform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row as a channel delivered it: source column name → text, in source order, with its 1-based line (CSV) or row
 * (Excel) number. A reader that could not make a sound row of it (ragged, undecodable) says why in {@code defect}; the
 * pipeline then rejects the row with that reason instead of guessing.
 */
public record RawRecord(long line, Map<String, String> fields, String defectCode, String defect) {

    public RawRecord {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static RawRecord of(long line, Map<String, String> fields) {
        return new RawRecord(line, fields, null, null);
    }

    public static RawRecord defective(long line, Map<String, String> fields, String code, String reason) {
        return new RawRecord(line, fields, code, reason);
    }

    public boolean isDefective() {
        return defectCode != null;
    }
}
