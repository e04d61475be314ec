package io.huiju.model;

/** The kinds of credit record the hub collects; the prefix is the one of the national field codes. */
public enum Category {
    LICENSE("行政许可", "XK"),
    PENALTY("行政处罚", "CF"),
    RED_LIST("守信红名单", "HMD"),
    BLACK_LIST("失信黑名单", "HEIMD");

    private final String label;
    private final String codePrefix;

    Category(String label, String codePrefix) {
        this.label = label;
        this.codePrefix = codePrefix;
    }

    public String label() {
        return label;
    }

    public String codePrefix() {
        return codePrefix;
    }
}
