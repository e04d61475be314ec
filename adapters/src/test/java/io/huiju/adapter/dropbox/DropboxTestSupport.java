package io.huiju.adapter.dropbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Two departments with their passwords, and a look into the hand-over folder. */
final class DropboxTestSupport {

    static final Map<String, String> PASSWORDS = Map.of("scjg", "scjg-secret-1", "zjj", "zjj-secret-2");

    static final DepartmentLogin LOGIN = (department, password) -> password.equals(PASSWORDS.get(department));

    private DropboxTestSupport() {}

    static List<String> handedOver(DropboxFolders folders, String department) throws IOException {
        Path folder = folders.ready().resolve(department);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
