package io.huiju.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A hub home for one test context: a fresh folder under target/ with a copy of the repository's routes (tests add and
 * break route files there, never in the repository) and test-only department feeds.
 */
final class TestHome {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    private TestHome() {}

    static Path create(String name) {
        Path home = Path.of("target", "it-home", name).toAbsolutePath();
        try {
            delete(home);
            copy(REPO.resolve("routes"), home.resolve("routes"));
            // A second department with the national layout (for conflicts) and one whose mapping does not exist
            // (a configuration error, which must end on the dead-letter queue, not in silence).
            templated(home, "zf", "national-penalty");
            templated(home, "nomap", "no-such-mapping");
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void templated(Path home, String department, String mapping) throws IOException {
        Files.writeString(
                home.resolve("routes/departments/" + department + ".camel.yaml"),
                """
                - templatedRoute:
                    routeTemplateRef: file-drop
                    routeId: file-drop-%1$s
                    parameters:
                      - name: department
                        value: %1$s
                      - name: mapping
                        value: %2$s
                      - name: delay
                        value: "500"
                """
                        .formatted(department, mapping));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
