package io.huiju.adapter.dropbox;

import io.huiju.adapter.file.SafeFileNames;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drop-box on disk. Each department's account sees only {@code <root>/<department>/} (its "/"), with the hub's
 * answers in {@code feedback/}. An upload the server has seen end is moved, in one atomic rename, to
 * {@code <ready>/<department>/}, outside every account, where the department's {@code dropbox} route takes it: so the
 * pipeline never reads a file that is still being written, and a department cannot touch a file once it is handed over.
 */
public final class DropboxFolders {

    /** The suffix of an upload the server saw break off; the pipeline rejects it with UPLOAD_INCOMPLETE. */
    public static final String INCOMPLETE = ".incomplete";

    public static final String FEEDBACK = "feedback";

    private static final Logger LOG = LoggerFactory.getLogger(DropboxFolders.class);

    private final Path root;
    private final Path ready;

    public DropboxFolders(Path root, Path ready) {
        this.root = root.toAbsolutePath().normalize();
        this.ready = ready.toAbsolutePath().normalize();
    }

    /** The department's home, created with its feedback folder on first use. */
    public Path home(String department) throws IOException {
        Path home = root.resolve(SafeFileNames.of(department));
        Files.createDirectories(home.resolve(FEEDBACK));
        return home;
    }

    /**
     * Hands an upload over to the pipeline. Uploads into {@code feedback/}, and anything outside the department's home,
     * stay where they are.
     *
     * @param complete false when the server saw the transfer break off: the file is handed over all the same (it is
     *     archived and the department told), marked {@link #INCOMPLETE}
     */
    public void handOver(String department, Path uploaded, boolean complete) throws IOException {
        Path home = home(department);
        Path file = uploaded.toAbsolutePath().normalize();
        if (!file.startsWith(home) || file.startsWith(home.resolve(FEEDBACK)) || !Files.isRegularFile(file)) {
            return;
        }
        Path folder = Files.createDirectories(ready.resolve(SafeFileNames.of(department)));
        String name = SafeFileNames.of(file.getFileName().toString()) + (complete ? "" : INCOMPLETE);
        Path target = freeName(folder, name);
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        LOG.info(
                "Drop-box upload {} of {} handed over as {}{}",
                home.relativize(file),
                department,
                target.getFileName(),
                complete ? "" : " (the transfer broke off)");
    }

    /** A second upload of the same name while the first still waits keeps both: {@code name(2).csv}. */
    private static Path freeName(Path folder, String name) throws FileAlreadyExistsException {
        int dot = name.indexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        String ext = dot < 0 ? "" : name.substring(dot);
        Path target = folder.resolve(name);
        for (int n = 2; Files.exists(target); n++) {
            if (n > 10_000) {
                throw new FileAlreadyExistsException(target.toString());
            }
            target = folder.resolve(base + "(" + n + ")" + ext);
        }
        return target;
    }

    public Path root() {
        return root;
    }

    public Path ready() {
        return ready;
    }
}
