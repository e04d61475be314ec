package io.huiju.hub.console.entry;

import io.huiju.model.Category;
import java.util.Arrays;
import java.util.Optional;

/**
 * The categories a record can be entered in, by the name the console's URLs use, and the layout each is entered in:
 * the national one, whose Chinese column names and field codes are the standard's (CREDIT-DATA §1, §2), whatever
 * layout the department's files have.
 */
enum EntryCategory {
    LICENSE("license", Category.LICENSE, "national-license"),
    PENALTY("penalty", Category.PENALTY, "national-penalty"),
    RED_LIST("red-list", Category.RED_LIST, "national-red-list"),
    BLACK_LIST("black-list", Category.BLACK_LIST, "national-black-list");

    private final String slug;
    private final Category category;
    private final String mapping;

    EntryCategory(String slug, Category category, String mapping) {
        this.slug = slug;
        this.category = category;
        this.mapping = mapping;
    }

    static Optional<EntryCategory> of(String slug) {
        return Arrays.stream(values()).filter(c -> c.slug.equals(slug)).findFirst();
    }

    static Optional<EntryCategory> of(Category category) {
        return Arrays.stream(values()).filter(c -> c.category == category).findFirst();
    }

    String slug() {
        return slug;
    }

    Category category() {
        return category;
    }

    String mapping() {
        return mapping;
    }
}
