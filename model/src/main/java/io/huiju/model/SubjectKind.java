package io.huiju.model;

import java.util.Arrays;
import java.util.Optional;

/** 行政相对人类别: the three subject kinds of the national standard, and the library each belongs to. */
public enum SubjectKind {
    LEGAL_PERSON("法人及非法人组织", Library.LEGAL_PERSON),
    INDIVIDUAL_BUSINESS("个体工商户", Library.LEGAL_PERSON),
    NATURAL_PERSON("自然人", Library.NATURAL_PERSON);

    private final String label;
    private final Library library;

    SubjectKind(String label, Library library) {
        this.label = label;
        this.library = library;
    }

    public String label() {
        return label;
    }

    public Library library() {
        return library;
    }

    /** Accepts the enum name or the Chinese label of the standard. */
    public static Optional<SubjectKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        return Arrays.stream(values())
                .filter(k -> k.name().equalsIgnoreCase(t) || k.label.equals(t))
                .findFirst();
    }
}
