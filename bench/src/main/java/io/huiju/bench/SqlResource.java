package io.huiju.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** SQL kept in {@code .sql} files next to the classes that run it. */
final class SqlResource {

    private SqlResource() {}

    static String load(String name) {
        try (InputStream in = SqlResource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing SQL resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Statements separated by lines holding only {@code ;;}. */
    static List<String> statements(String name) {
        return Arrays.stream(load(name).split("(?m)^;;$"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
