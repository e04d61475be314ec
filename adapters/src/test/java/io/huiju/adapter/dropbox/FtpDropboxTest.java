package io.huiju.adapter.dropbox;

import static io.huiju.adapter.dropbox.DropboxTestSupport.LOGIN;
import static io.huiju.adapter.dropbox.DropboxTestSupport.handedOver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.net.SocketFactory;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FTP drop-box against a real FTP client (Apache Commons Net) over loopback. */
class FtpDropboxTest {

    @TempDir
    static Path dir;

    static DropboxFolders folders;
    static FtpDropbox server;

    @BeforeAll
    static void start() throws Exception {
        folders = new DropboxFolders(dir.resolve("dropbox"), dir.resolve("ready"));
        server = new FtpDropbox(
                        new FtpDropboxSettings("127.0.0.1", 0, "0", null, 30, null, null, false), LOGIN, folders)
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aCompleteUploadIsHandedOverAndNoLongerVisibleToTheDepartment() throws IOException {
        FTPClient ftp = login("scjg", "scjg-secret-1");
        assertThat(ftp.storeFile("penalties.csv", bytes("a,b\n1,2\n"))).isTrue();
        assertThat(Arrays.stream(ftp.listNames())).doesNotContain("penalties.csv");
        ftp.logout();

        assertThat(handedOver(folders, "scjg")).contains("penalties.csv");
        assertThat(folders.ready().resolve("scjg/penalties.csv")).hasContent("a,b\n1,2\n");
    }

    @Test
    void aSecondFileOfTheSameNameDoesNotOverwriteTheFirst() throws IOException {
        FTPClient ftp = login("zjj", "zjj-secret-2");
        assertThat(ftp.storeFile("same.csv", bytes("first"))).isTrue();
        assertThat(ftp.storeFile("same.csv", bytes("second"))).isTrue();
        ftp.logout();

        assertThat(folders.ready().resolve("zjj/same.csv")).hasContent("first");
        assertThat(folders.ready().resolve("zjj/same(2).csv")).hasContent("second");
    }

    @Test
    void wrongPasswordsAndUnknownAccountsAndAnonymousAreRefused() throws IOException {
        for (String[] credentials :
                List.of(new String[] {"scjg", "zjj-secret-2"}, new String[] {"nobody", "x"}, new String[] {
                    "anonymous", "me@example.org"
                })) {
            FTPClient ftp = connect(null);
            assertThat(ftp.login(credentials[0], credentials[1]))
                    .as("login as %s", credentials[0])
                    .isFalse();
            ftp.disconnect();
        }
    }

    @Test
    void aDepartmentCannotLeaveItsHome() throws IOException {
        Files.writeString(folders.home("zjj").resolve("feedback/zjj-only.csv"), "private");
        FTPClient ftp = login("scjg", "scjg-secret-1");

        assertThat(ftp.changeWorkingDirectory("../zjj")).isFalse();
        ftp.changeWorkingDirectory("../../..");
        assertThat(ftp.printWorkingDirectory()).isEqualTo("/");
        assertThat(Arrays.stream(ftp.listNames()).toList()).doesNotContain("zjj", "scjg", "dropbox");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ftp.retrieveFile("../zjj/feedback/zjj-only.csv", out)).isFalse();
        assertThat(ftp.retrieveFile("/../../dropbox/zjj/feedback/zjj-only.csv", out))
                .isFalse();
        // An upload aimed above the home lands inside it, never next to it.
        assertThat(ftp.storeFile("../../escape.csv", bytes("x"))).isTrue();
        ftp.logout();

        assertThat(dir.resolve("escape.csv")).doesNotExist();
        assertThat(dir.resolve("dropbox/escape.csv")).doesNotExist();
        assertThat(out.size()).isZero();
    }

    @Test
    void theDepartmentReadsItsFeedbackFolder() throws IOException {
        Files.writeString(folders.home("scjg").resolve("feedback/p1.feedback.csv"), "行号,原因\n");
        FTPClient ftp = login("scjg", "scjg-secret-1");
        FTPFile[] files = ftp.listFiles("feedback");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ftp.retrieveFile("feedback/p1.feedback.csv", out)).isTrue();
        ftp.logout();

        assertThat(Arrays.stream(files).map(FTPFile::getName)).contains("p1.feedback.csv");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("行号,原因\n");
    }

    @Test
    void anUploadWhoseConnectionIsResetHalfWayIsHandedOverAsBrokenOff() throws Exception {
        ResettableSockets sockets = new ResettableSockets();
        FTPClient ftp = connect(sockets);
        assertThat(ftp.login("scjg", "scjg-secret-1")).isTrue();
        ftp.setFileType(FTP.BINARY_FILE_TYPE);
        ftp.enterLocalPassiveMode();
        OutputStream upload = ftp.storeFileStream("halfway.xlsx");
        upload.write(new byte[64 * 1024]);
        upload.flush();
        // Kill the data connection the way a crashed client or a cut line does: a reset, not an orderly close.
        sockets.resetLast();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> handedOver(folders, "scjg").contains("halfway.xlsx" + DropboxFolders.INCOMPLETE));
        ftp.disconnect();
    }

    private static FTPClient login(String user, String password) throws IOException {
        FTPClient ftp = connect(null);
        assertThat(ftp.login(user, password)).isTrue();
        ftp.setFileType(FTP.BINARY_FILE_TYPE);
        ftp.enterLocalPassiveMode();
        return ftp;
    }

    private static FTPClient connect(SocketFactory sockets) throws IOException {
        FTPClient ftp = new FTPClient();
        if (sockets != null) {
            ftp.setSocketFactory(sockets);
        }
        ftp.setDefaultTimeout(10_000);
        ftp.setDataTimeout(Duration.ofSeconds(10));
        ftp.connect("127.0.0.1", server.port());
        assertThat(FTPReply.isPositiveCompletion(ftp.getReplyCode())).isTrue();
        return ftp;
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
