package io.huiju.model;

/** The two credit libraries: legal persons (with unincorporated organisations and individual businesses) and natural persons. */
public enum Library {
    LEGAL_PERSON("法人库"),
    NATURAL_PERSON("自然人库");

    private final String label;

    Library(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
