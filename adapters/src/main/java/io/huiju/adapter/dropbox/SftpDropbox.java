package io.huiju.adapter.dropbox;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SFTP drop-box (Apache MINA SSHD): password login per department, the SFTP subsystem only (no shell, no exec, no
 * port forwarding), each session rooted in the department's home by SSHD's virtual file system, and no links (a link
 * is the one way a rooted file system could be pointed outside its root). A file is handed to the pipeline when the
 * client closes it after writing; one still open when the session drops is handed over as broken off.
 */
public final class SftpDropbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SftpDropbox.class);

    private final SshServer server;

    public SftpDropbox(SftpDropboxSettings settings, DepartmentLogin login, DropboxFolders folders) {
        server = SshServer.setUpDefaultServer();
        server.setHost(settings.host());
        server.setPort(settings.port());
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(settings.hostKey()));
        server.setPasswordAuthenticator((user, password, session) -> {
            boolean ok = login.accepts(user, password);
            if (!ok) {
                LOG.warn("SFTP drop-box: failed login as {} from {}", user, session.getClientAddress());
            }
            return ok;
        });
        server.setPublickeyAuthenticator(null);
        server.setKeyboardInteractiveAuthenticator(null);
        server.setGSSAuthenticator(null);
        server.setHostBasedAuthenticator(null);
        CoreModuleProperties.IDLE_TIMEOUT.set(server, Duration.ofSeconds(settings.idleSeconds()));
        CoreModuleProperties.MAX_AUTH_REQUESTS.set(server, 3);
        server.setFileSystemFactory(new HomePerDepartment(folders));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder()
                .withFileSystemAccessor(new NoLinks())
                .build();
        sftp.addSftpEventListener(new HandOver(folders));
        server.setSubsystemFactories(List.of(sftp));
        // No shell and no exec: without factories for them SSHD refuses both. Forwarding is refused by default.
    }

    public SftpDropbox start() throws IOException {
        server.start();
        LOG.info("SFTP drop-box listening on port {}", port());
        return this;
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** Roots each session in its department's home (created on first login). */
    private static final class HomePerDepartment extends VirtualFileSystemFactory {
        private final DropboxFolders folders;

        HomePerDepartment(DropboxFolders folders) {
            this.folders = folders;
        }

        @Override
        public Path getUserHomeDir(org.apache.sshd.common.session.SessionContext session) throws IOException {
            return folders.home(session.getUsername());
        }
    }

    /** Refuses to create links: a symbolic link is the one way out of a rooted file system. */
    private static final class NoLinks implements SftpFileSystemAccessor {
        @Override
        public void createLink(SftpSubsystemProxy subsystem, Path link, Path existing, boolean symLink)
                throws IOException {
            throw new AccessDeniedException(link.toString(), null, "links are not allowed in the drop-box");
        }
    }

    /** Hands over what a client wrote: on close if it closed the file, on exit if the session dropped first. */
    private static final class HandOver implements SftpEventListener {
        private static final Set<StandardOpenOption> WRITING =
                Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND, StandardOpenOption.CREATE);

        private final DropboxFolders folders;

        HandOver(DropboxFolders folders) {
            this.folders = folders;
        }

        @Override
        public void closed(ServerSession session, String remoteHandle, Handle localHandle, Throwable thrown)
                throws IOException {
            if (written(localHandle)) {
                handOver(session, localHandle, thrown == null);
            }
        }

        @Override
        public void exiting(ServerSession session, Handle handle) throws IOException {
            if (!written(handle)) {
                return;
            }
            // SSHD calls this from its subsystem thread after interrupting it; file operations would fail on the
            // interrupt, so it is set aside for the hand-over (a rename: the data already written is on disk) and put
            // back. The subsystem closes the handle afterwards.
            boolean interrupted = Thread.interrupted();
            try {
                handOver(session, handle, false);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private static boolean written(Handle handle) {
            return handle instanceof FileHandle file
                    && file.getOpenOptions().stream().anyMatch(WRITING::contains);
        }

        private void handOver(ServerSession session, Handle handle, boolean complete) throws IOException {
            String department = session.getUsername();
            // The handle's path lives in the rooted file system ("/a.csv"): resolve it against the real home.
            String inside =
                    handle.getFile().toAbsolutePath().normalize().toString().replaceFirst("^/+", "");
            folders.handOver(department, folders.home(department).resolve(inside), complete);
        }
    }
}
