package io.huiju.adapter.dropbox;

import static io.huiju.adapter.dropbox.DropboxTestSupport.LOGIN;
import static io.huiju.adapter.dropbox.DropboxTestSupport.handedOver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SFTP drop-box against a real SSH client (MINA SSHD's own) over loopback. */
class SftpDropboxTest {

    @TempDir
    static Path dir;

    static DropboxFolders folders;
    static SftpDropbox server;
    static SshClient client;

    @BeforeAll
    static void start() throws IOException {
        folders = new DropboxFolders(dir.resolve("dropbox"), dir.resolve("ready"));
        server = new SftpDropbox(
                        new SftpDropboxSettings("127.0.0.1", 0, dir.resolve("hostkey.ser"), 30), LOGIN, folders)
                .start();
        client = SshClient.setUpDefaultClient();
        client.start();
    }

    @AfterAll
    static void stop() throws IOException {
        client.stop();
        server.close();
    }

    @Test
    void aFileClosedAfterWritingIsHandedOver() throws IOException {
        try (ClientSession session = session("scjg", "scjg-secret-1");
                SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
            write(sftp, "licenses.csv", "a,b\n1,2\n");
            assertThat(names(sftp, "/")).doesNotContain("licenses.csv");
        }
        assertThat(folders.ready().resolve("scjg/licenses.csv")).hasContent("a,b\n1,2\n");
    }

    @Test
    void wrongPasswordsAreRefused() throws IOException {
        assertThatThrownBy(() -> session("scjg", "zjj-secret-2")).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> session("root", "root")).isInstanceOf(Exception.class);
    }

    @Test
    void aDepartmentCannotLeaveItsHomeNorLinkOutOfIt() throws IOException {
        Files.writeString(folders.home("zjj").resolve("feedback/zjj-only.csv"), "private");
        try (ClientSession session = session("scjg", "scjg-secret-1");
                SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
            assertThat(sftp.canonicalPath("../../..")).isEqualTo("/");
            assertThat(names(sftp, "../..")).doesNotContain("zjj", "scjg", "dropbox");
            assertThatThrownBy(() -> sftp.read("../zjj/feedback/zjj-only.csv").readAllBytes())
                    .isInstanceOf(SftpException.class);
            assertThatThrownBy(() -> sftp.symLink("escape", dir.toString())).isInstanceOf(SftpException.class);
            assertThatThrownBy(() -> sftp.link("/etc/passwd", "passwd", false)).isInstanceOf(SftpException.class);
        }
        assertThat(folders.home("scjg").resolve("escape")).doesNotExist();
        assertThat(folders.home("scjg").resolve("passwd")).doesNotExist();
    }

    @Test
    void aHostKeyIsKeptAcrossRestarts() throws IOException {
        PublicKey first = serverKey(server.port());
        SftpDropbox again = new SftpDropbox(
                        new SftpDropboxSettings("127.0.0.1", 0, dir.resolve("hostkey.ser"), 30), LOGIN, folders)
                .start();
        try {
            assertThat(KeyUtils.compareKeys(first, serverKey(again.port()))).isTrue();
        } finally {
            again.close();
        }
    }

    @Test
    void aFileStillOpenWhenTheSessionDropsIsHandedOverAsBrokenOff() throws IOException {
        ClientSession session = session("scjg", "scjg-secret-1");
        SftpClient sftp = SftpClientFactory.instance().createSftpClient(session);
        OutputStream out = sftp.write("cut.xlsx");
        out.write(new byte[40_000]);
        out.flush();
        // The line is cut: the session goes away without the file being closed.
        session.close(true);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> handedOver(folders, "scjg").contains("cut.xlsx" + DropboxFolders.INCOMPLETE));
    }

    private static PublicKey serverKey(int port) throws IOException {
        List<PublicKey> seen = new ArrayList<>();
        SshClient probe = SshClient.setUpDefaultClient();
        probe.setServerKeyVerifier((session, address, key) -> seen.add(key));
        probe.start();
        try (ClientSession session = probe.connect("scjg", "127.0.0.1", port)
                .verify(Duration.ofSeconds(10))
                .getSession()) {
            session.addPasswordIdentity("scjg-secret-1");
            session.auth().verify(Duration.ofSeconds(10));
        } finally {
            probe.stop();
        }
        return seen.get(0);
    }

    private static ClientSession session(String user, String password) throws IOException {
        ClientSession session = client.connect(user, "127.0.0.1", server.port())
                .verify(Duration.ofSeconds(10))
                .getSession();
        session.addPasswordIdentity(password);
        try {
            session.auth().verify(Duration.ofSeconds(10));
        } catch (IOException e) {
            session.close(true);
            throw e;
        }
        return session;
    }

    private static void write(SftpClient sftp, String name, String text) throws IOException {
        try (OutputStream out = sftp.write(name)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static List<String> names(SftpClient sftp, String path) throws IOException {
        List<String> names = new ArrayList<>();
        sftp.readDir(path).forEach(e -> names.add(e.getFilename()));
        return names;
    }
}
