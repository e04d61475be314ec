package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huiju.adapter.dropbox.FtpDropbox;
import io.huiju.adapter.dropbox.ResettableSockets;
import io.huiju.adapter.dropbox.SftpDropbox;
import io.huiju.hub.store.Receipt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The channels a department pushes through, driven with real clients: FTP (Apache Commons Net) and SFTP (MINA SSHD's
 * client) into the hub's drop-box, and HTTP multipart into the upload API. Each file is taken, stored and answered,
 * and the answer is fetched back the way the department would.
 */
class PushChannelsIT extends HubTest {

    static final String HOME = TestHome.create("push").toString();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("huiju.home", () -> HOME);
        registry.add("huiju.mappings", () -> TestHome.REPO.resolve("mappings").toString());
    }

    static SshClient ssh;

    @Autowired
    FtpDropbox ftpDropbox;

    @Autowired
    SftpDropbox sftpDropbox;

    @LocalServerPort
    int httpPort;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void sshClient() {
        ssh = SshClient.setUpDefaultClient();
        ssh.start();
    }

    @AfterAll
    static void stopSshClient() throws IOException {
        ssh.stop();
    }

    // ---------------------------------------------------------------- FTP drop-box

    @Test
    void aCsvPushedOverFtpIsStoredAndItsFeedbackAppearsInTheAccount() throws Exception {
        PenaltyFile file =
                new PenaltyFile().company(1).person(2).company(3, r -> r.put("统一社会信用代码", "91350802MA2XY3K1XJ"));
        String name = "ftp-" + UUID.randomUUID() + ".csv";
        long since = System.currentTimeMillis();

        FTPClient ftp = ftp("scjg", "scjg-drop-1");
        assertThat(ftp.storeFile(name, new ByteArrayInputStream(file.utf8()))).isTrue();
        Receipt receipt = awaitReceipt("scjg", name, since);

        assertThat(receipt.status()).isEqualTo("DONE");
        assertThat(receipt.channel()).isEqualTo("DROPBOX");
        assertThat(List.of(receipt.received(), receipt.stored(), receipt.rejected()))
                .containsExactly(3, 2, 1);
        assertThat(library("legal_person_record", file.documentNumber(1))).containsEntry("department", "scjg");

        String feedback = awaitFtpFile(ftp, "feedback/" + receipt.payloadId() + "-" + name + ".feedback.csv");
        assertThat(feedback).contains("4,统一社会信用代码,USCC_CHECK,");
        String answer = awaitFtpFile(ftp, "feedback/" + receipt.payloadId() + "-" + name + ".receipt.json");
        assertThat(answer)
                .contains("\"status\" : \"DONE\"")
                .contains("\"rejected\" : 1")
                .doesNotContain(HOME);
        ftp.logout();
    }

    @Test
    void anFtpUploadCutHalfWayIsArchivedAndRejectedWithAReason() throws Exception {
        String name = "cut-" + UUID.randomUUID() + ".xlsx";
        long since = System.currentTimeMillis();
        ResettableSockets sockets = new ResettableSockets();
        FTPClient ftp = new FTPClient();
        ftp.setSocketFactory(sockets);
        ftp.setDefaultTimeout(10_000);
        ftp.connect("127.0.0.1", ftpDropbox.port());
        assertThat(ftp.login("scjg", "scjg-drop-1")).isTrue();
        ftp.setFileType(FTP.BINARY_FILE_TYPE);
        ftp.enterLocalPassiveMode();
        OutputStream upload = ftp.storeFileStream(name);
        upload.write(HubBehaviour.workbook(new PenaltyFile().company(1)), 0, 2000);
        upload.flush();
        sockets.resetLast(); // as when the line is cut
        ftp.disconnect();

        Receipt receipt = awaitReceipt("scjg", name, since);

        assertRejected(receipt, "UPLOAD_INCOMPLETE");
        assertThat(receipt.error()).contains("上传中途中断");
        // …and the department finds the reason in its own account
        FTPClient again = ftp("scjg", "scjg-drop-1");
        assertThat(awaitFtpFile(again, "feedback/" + receipt.payloadId() + "-" + name + ".feedback.csv"))
                .contains("UPLOAD_INCOMPLETE");
        again.logout();
    }

    @Test
    void aWrongPasswordOrADepartmentWithoutALoginCannotLogIntoTheDropbox() throws Exception {
        for (String[] login : List.of(
                new String[] {"scjg", "zf-drop-2"}, new String[] {"nomap", ""}, new String[] {"anonymous", "a@b"})) {
            FTPClient ftp = new FTPClient();
            ftp.setDefaultTimeout(10_000);
            ftp.connect("127.0.0.1", ftpDropbox.port());
            assertThat(ftp.login(login[0], login[1]))
                    .as("FTP login as %s", login[0])
                    .isFalse();
            ftp.disconnect();
        }
    }

    // ---------------------------------------------------------------- SFTP drop-box

    @Test
    void aWorkbookPushedOverSftpIsStoredAndItsFeedbackFetchedOverSftp() throws Exception {
        PenaltyFile file = new PenaltyFile().company(1).company(2, r -> r.put("行政相对人名称", ""));
        String name = "sftp-" + UUID.randomUUID() + ".xlsx";
        long since = System.currentTimeMillis();

        try (ClientSession session = sftpSession("scjg", "scjg-drop-1");
                SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
            try (OutputStream out = sftp.write(name)) {
                out.write(HubBehaviour.workbook(file));
            }
            Receipt receipt = awaitReceipt("scjg", name, since);
            assertThat(receipt.status()).isEqualTo("DONE");
            assertThat(List.of(receipt.received(), receipt.stored(), receipt.rejected()))
                    .containsExactly(2, 1, 1);

            String path = "feedback/" + receipt.payloadId() + "-" + name + ".feedback.csv";
            String feedback = await().atMost(Duration.ofSeconds(20))
                    .ignoreExceptions()
                    .until(() -> read(sftp, path), text -> text.contains("REQUIRED"));
            assertThat(feedback).contains("行政相对人名称,REQUIRED");
        }
    }

    // ---------------------------------------------------------------- the template, filled and pushed

    @Test
    void theTemplateFilledInLibreOfficeGoesThroughTheDropboxAndItsFeedbackComesBack() throws Exception {
        byte[] filled;
        try (InputStream in = getClass().getResourceAsStream("/workbooks/penalty-template-filled-libreoffice.xlsx")) {
            filled = in.readAllBytes();
        }
        String name = "模板-" + UUID.randomUUID() + ".xlsx";
        long since = System.currentTimeMillis();

        FTPClient ftp = ftp("scjg", "scjg-drop-1");
        assertThat(ftp.storeFile(name, new ByteArrayInputStream(filled))).isTrue();
        Receipt receipt = awaitReceipt("scjg", name, since);

        assertThat(receipt.status()).isEqualTo("DONE");
        assertThat(List.of(receipt.received(), receipt.stored(), receipt.rejected()))
                .containsExactly(4, 3, 1);
        assertThat(rejectCodes(receipt)).containsExactly("5:USCC_CHECK");
        String feedback = awaitFtpFile(ftp, "feedback/" + receipt.payloadId() + "-" + name + ".feedback.csv");
        assertThat(feedback).contains("5,统一社会信用代码,USCC_CHECK,");
        ftp.logout();
    }

    @Test
    void aTemplateIsServedPerMappingWithTheHeadersTheHubReads() throws Exception {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + httpPort + "/api/templates/national-penalty.xlsx"))
                        .header("Authorization", basic("zf", "zf-drop-2"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).contains("filename*=UTF-8''"));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("行政处罚");
            List<String> header = new ArrayList<>();
            book.getSheetAt(0).getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).startsWith("行政相对人名称", "行政相对人类别").contains("处罚决定日期");
        }
        assertThat(get("zf", "zf-drop-2", "/api/templates/no-such-mapping.xlsx").statusCode())
                .isEqualTo(404);
        assertThat(get("zf", "wrong", "/api/templates/national-penalty.xlsx").statusCode())
                .isEqualTo(401);
    }

    // ---------------------------------------------------------------- upload API

    @Test
    void anUploadAnswersWithItsPayloadIdAndTheReceiptWhenAskedToWait() throws Exception {
        PenaltyFile file = new PenaltyFile().company(1).person(2);

        HttpResponse<String> response = upload("scjg", "scjg-drop-1", "api.csv", file.utf8(), "?wait=60");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"payloadId\"")
                .contains("\"status\":\"DONE\"")
                .contains("\"stored\":2");
        String payloadId = response.body().replaceAll("(?s).*\"payloadId\":\"([^\"]+)\".*", "$1");
        assertThat(payloads.find(payloadId).orElseThrow().channel()).isEqualTo("WEB");
        assertThat(library("natural_person_record", file.documentNumber(2))).containsEntry("department", "scjg");

        HttpResponse<String> receipt = get("scjg", "scjg-drop-1", "/api/payloads/" + payloadId);
        assertThat(receipt.statusCode()).isEqualTo(200);
        assertThat(receipt.body()).contains("\"status\":\"DONE\"").doesNotContain(HOME);
        HttpResponse<String> feedback = get("scjg", "scjg-drop-1", "/api/payloads/" + payloadId + "/feedback");
        assertThat(feedback.statusCode()).isEqualTo(200);
        assertThat(feedback.body()).startsWith("\uFEFF行号,字段,错误代码,原因,级别");
    }

    @Test
    void aDepartmentSeesOnlyItsOwnPayloads() throws Exception {
        HttpResponse<String> mine = upload(
                "scjg", "scjg-drop-1", "own.csv", new PenaltyFile().company(1).utf8(), "?wait=60");
        String payloadId = mine.body().replaceAll("(?s).*\"payloadId\":\"([^\"]+)\".*", "$1");

        assertThat(get("zf", "zf-drop-2", "/api/payloads/" + payloadId).statusCode())
                .isEqualTo(404);
        assertThat(get("zf", "zf-drop-2", "/api/payloads/" + payloadId + "/feedback")
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("scjg", "scjg-drop-1", "/api/payloads/" + payloadId).statusCode())
                .isEqualTo(200);
    }

    @Test
    void anUploadWithoutAValidLoginOrWithAnUnknownMappingIsRefused() throws Exception {
        byte[] csv = new PenaltyFile().company(1).utf8();
        assertThat(upload("scjg", "wrong", "x.csv", csv, "").statusCode()).isEqualTo(401);
        HttpResponse<String> anonymous = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/payloads/x"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));

        HttpResponse<String> unknown = upload("scjg", "scjg-drop-1", "x.csv", csv, "?mapping=no-such-mapping");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("no-such-mapping");
        // zf has no default mapping and names none
        HttpResponse<String> none = upload("zf", "zf-drop-2", "x.csv", csv, "");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("mapping");
    }

    // ---------------------------------------------------------------- helpers

    private FTPClient ftp(String user, String password) throws IOException {
        FTPClient ftp = new FTPClient();
        // Chinese file names: the drop-box speaks UTF-8 on the control connection, as FileZilla and WinSCP do
        ftp.setControlEncoding("UTF-8");
        ftp.setDefaultTimeout(10_000);
        ftp.setDataTimeout(Duration.ofSeconds(10));
        ftp.connect("127.0.0.1", ftpDropbox.port());
        assertThat(ftp.login(user, password)).isTrue();
        ftp.setFileType(FTP.BINARY_FILE_TYPE);
        ftp.enterLocalPassiveMode();
        return ftp;
    }

    private static String awaitFtpFile(FTPClient ftp, String path) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            if (Arrays.stream(ftp.listNames("feedback")).noneMatch(n -> path.endsWith(n))) {
                                return null;
                            }
                            ByteArrayOutputStream out = new ByteArrayOutputStream();
                            return ftp.retrieveFile(path, out) ? out.toString(StandardCharsets.UTF_8) : null;
                        },
                        text -> text != null);
    }

    private ClientSession sftpSession(String user, String password) throws IOException {
        ClientSession session = ssh.connect(user, "127.0.0.1", sftpDropbox.port())
                .verify(Duration.ofSeconds(10))
                .getSession();
        session.addPasswordIdentity(password);
        session.auth().verify(Duration.ofSeconds(10));
        return session;
    }

    private static String read(SftpClient sftp, String path) throws IOException {
        try (InputStream in = sftp.read(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> upload(String user, String password, String name, byte[] bytes, String query)
            throws IOException, InterruptedException {
        String boundary = "huiju" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(bytes);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/payloads" + query))
                        .header("Authorization", basic(user, password))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String user, String password, String path)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                        .header("Authorization", basic(user, password))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
