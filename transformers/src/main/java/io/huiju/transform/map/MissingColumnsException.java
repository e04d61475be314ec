package io.huiju.transform.map;

import java.util.List;

/** The payload's header lacks columns no record can be identified without; the whole payload is rejected. */
public class MissingColumnsException extends Exception {

    private final List<String> missing;

    public MissingColumnsException(String mapping, List<String> missing) {
        super("表头缺少必需列：" + String.join("、", missing) + "（映射 " + mapping + "），请使用标准模板的列名");
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }

    public String code() {
        return "MISSING_COLUMN";
    }
}
