package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huiju.hub.store.Receipt;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * What the hub does with department files, end to end: files are dropped into real inbox folders and the outcome is
 * read back from the store, the archive, the feedback folder and the dead-letter queue. Runs once per store (H2 for the
 * first run, PostgreSQL for production) through the subclasses.
 */
abstract class HubBehaviour extends HubTest {

    // ---------------------------------------------------------------- the happy path

    @Test
    void penaltiesLandInTheirLibrariesWithAReceiptAndAFeedbackFile() throws Exception {
        PenaltyFile file = new PenaltyFile()
                .company(1, r -> r.put("违法事实", "销售不合格电线\\货值2000元，\"抽检\"不合格"))
                .person(2)
                .company(3, r -> r.put("统一社会信用代码", "91350802MA2XY3K1XJ"))
                .company(4, r -> r.put("行政相对人名称", ""))
                .company(5, r -> r.put("处罚决定日期", "2099-01-01"));

        Receipt receipt = drop("scjg", "行政处罚-3月.csv", file.utf8());

        assertThat(receipt.status()).isEqualTo("DONE");
        assertThat(List.of(
                        receipt.received(),
                        receipt.stored(),
                        receipt.unchanged(),
                        receipt.rejected(),
                        receipt.conflicts()))
                .containsExactly(5, 2, 0, 3, 0);
        assertThat(library("legal_person_record", file.documentNumber(1)))
                .containsEntry("subject_name", "龙岩市新罗区恒达贸易有限公司")
                .containsEntry("subject_code", PenaltyFile.COMPANY_CODE)
                .containsEntry("subject_kind", "LEGAL_PERSON")
                .containsEntry("version", 1)
                .containsEntry("department", "scjg");
        assertThat((String)
                        library("legal_person_record", file.documentNumber(1)).get("body"))
                .as("backslashes and quotes survive the store's bulk path")
                .contains("销售不合格电线\\\\货值2000元，\\\"抽检\\\"不合格");
        assertThat(library("natural_person_record", file.documentNumber(2)))
                .containsEntry("subject_code", PenaltyFile.PERSON_ID)
                .containsEntry("subject_kind", "NATURAL_PERSON");
        assertThat(count("legal_person_record", file.documentNumber(2))).isZero();

        List<String> feedback = Files.readAllLines(Path.of(receipt.feedbackPath()), StandardCharsets.UTF_8);
        assertThat(feedback.get(0)).isEqualTo("\uFEFF行号,字段,错误代码,原因,级别");
        assertThat(feedback.subList(1, feedback.size()))
                .anySatisfy(
                        l -> assertThat(l).startsWith("4,统一社会信用代码,USCC_CHECK,").contains("应为“H”"))
                .anySatisfy(l -> assertThat(l).startsWith("5,行政相对人名称,REQUIRED,"))
                .anySatisfy(l -> assertThat(l).startsWith("6,处罚决定日期,DATE_IN_FUTURE,"));
        assertThat(Path.of(receipt.feedbackPath().replace(".feedback.csv", ".receipt.json")))
                .exists();
    }

    @Test
    void theOriginalIsArchivedByteForByteAndTheFileMovedToDone() throws Exception {
        byte[] bytes = new PenaltyFile().company(1).utf8();

        Receipt receipt = drop("scjg", "archive-me.csv", bytes);

        assertThat(Files.readAllBytes(Path.of(receipt.archivePath()))).isEqualTo(bytes);
        assertThat(receipt.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> findUnder(home.resolve("inbox/scjg/.done"), "archive-me.csv"));
    }

    @Test
    void aGb18030FileReadsLikeItsUtf8Twin() throws Exception {
        PenaltyFile file = new PenaltyFile().company(1).person(2);

        Receipt receipt = drop("scjg", "gbk.csv", file.bytes(Charset.forName("GB18030")));

        assertThat(receipt.stored()).isEqualTo(2);
        assertThat(library("legal_person_record", file.documentNumber(1)))
                .containsEntry("subject_name", "龙岩市新罗区恒达贸易有限公司");
        assertThat(library("natural_person_record", file.documentNumber(2))).containsEntry("subject_name", "张秋生");
    }

    @Test
    void aWorkbookWithATitleRowAboveItsHeaderLandsLikeACsv() throws Exception {
        PenaltyFile file =
                new PenaltyFile().company(1).person(2).company(3, r -> r.put("统一社会信用代码", "91350802MA2XY3K1XJ"));

        Receipt receipt = drop("scjg", "行政处罚2024年3月.xlsx", workbook(file));

        assertThat(List.of(receipt.received(), receipt.stored(), receipt.rejected()))
                .containsExactly(3, 2, 1);
        assertThat(library("legal_person_record", file.documentNumber(1)))
                .containsEntry("decision_date", java.sql.Date.valueOf("2024-03-05"));
        assertThat(library("natural_person_record", file.documentNumber(2))).containsEntry("subject_name", "张秋生");
        assertThat(rejectCodes(receipt)).containsExactly("5:USCC_CHECK");
    }

    /** The file as a department fills the template: a merged title row, then the header; dates as real dates. */
    static byte[] workbook(PenaltyFile file) throws IOException {
        XSSFWorkbook book = new XSSFWorkbook();
        PenaltyWorkbook.fill(book, file);
        return PenaltyWorkbook.bytes(book);
    }

    // ---------------------------------------------------------------- compare and deduplicate

    @Test
    void theSameFileDroppedTwiceIsRecognisedAndNotStoredTwice() throws Exception {
        byte[] bytes = new PenaltyFile().company(1).person(2).utf8();
        Receipt first = drop("scjg", "twice.csv", bytes);

        Receipt second = drop("scjg", "twice-again.csv", bytes);

        assertThat(first.stored()).isEqualTo(2);
        assertThat(second.status()).isEqualTo("DUPLICATE");
        assertThat(second.duplicateOf()).isEqualTo(first.payloadId());
        assertThat(second.stored()).isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM legal_person_record_history WHERE payload_id = ?",
                        Integer.class,
                        second.payloadId()))
                .isZero();
    }

    @Test
    void aCorrectedFileWithTheSameNameBecomesANewVersionAndKeepsTheOldOneInHistory() throws Exception {
        PenaltyFile original = new PenaltyFile().company(1).company(2);
        drop("scjg", "corrected.csv", original.utf8());
        String number = original.documentNumber(1);
        PenaltyFile corrected = original.sameNumbers()
                .company(1, r -> {
                    r.put("罚款金额（万元）", "0.3");
                    r.put("处罚内容", "罚款3000元");
                })
                .company(2);

        Receipt receipt = drop("scjg", "corrected.csv", corrected.utf8());

        assertThat(receipt.status()).isEqualTo("DONE");
        assertThat(receipt.stored()).isEqualTo(1);
        assertThat(receipt.unchanged()).isEqualTo(1);
        Map<String, Object> current = library("legal_person_record", number);
        assertThat(current).containsEntry("version", 2);
        assertThat((String) current.get("body")).contains("罚款3000元");
        List<Map<String, Object>> history = jdbc.queryForList(
                "SELECT version, body FROM legal_person_record_history WHERE record_id = ? ORDER BY version",
                current.get("record_id"));
        assertThat(history).hasSize(1);
        assertThat(history.get(0)).containsEntry("version", 1);
        assertThat((String) history.get(0).get("body")).contains("罚款2000元");
    }

    @Test
    void aDecisionCorrectedTwiceInOneFileKeepsEveryVersionInOrder() throws Exception {
        PenaltyFile file = new PenaltyFile()
                .company(1)
                .company(1, r -> r.put("处罚内容", "罚款2000元（第一次更正）"))
                .company(1, r -> r.put("处罚内容", "罚款2000元（第二次更正）"));

        Receipt receipt = drop("scjg", "twice-corrected.csv", file.utf8());

        assertThat(receipt.stored()).isEqualTo(3);
        Map<String, Object> current = library("legal_person_record", file.documentNumber(1));
        assertThat(current).containsEntry("version", 3);
        assertThat((String) current.get("body")).contains("第二次更正");
        List<Map<String, Object>> history = jdbc.queryForList(
                "SELECT version, body FROM legal_person_record_history WHERE record_id = ? ORDER BY version",
                current.get("record_id"));
        assertThat(history).extracting(h -> h.get("version")).containsExactly(1, 2);
        assertThat((String) history.get(1).get("body")).contains("第一次更正");
    }

    @Test
    void theSameKeyFromAnotherDepartmentWithOtherContentIsAConflictNotAnOverwrite() throws Exception {
        PenaltyFile mine = new PenaltyFile().company(1);
        drop("scjg", "mine.csv", mine.utf8());
        PenaltyFile theirs = mine.sameNumbers().company(1, r -> r.put("罚款金额（万元）", "5"));

        Receipt receipt = drop("zf", "theirs.csv", theirs.utf8());

        assertThat(receipt.conflicts()).isEqualTo(1);
        assertThat(receipt.stored()).isZero();
        Map<String, Object> current = library("legal_person_record", mine.documentNumber(1));
        assertThat(current).containsEntry("version", 1).containsEntry("department", "scjg");
        Map<String, Object> conflict =
                jdbc.queryForMap("SELECT * FROM conflict WHERE incoming_payload_id = ?", receipt.payloadId());
        assertThat(conflict)
                .containsEntry("status", "OPEN")
                .containsEntry("current_department", "scjg")
                .containsEntry("incoming_department", "zf")
                .containsEntry("record_id", current.get("record_id"));
    }

    // ---------------------------------------------------------------- bad input: a clear reason, nothing lost

    @Test
    void anEmptyFileIsRejectedWithAReasonAndArchived() throws Exception {
        Receipt receipt = drop("scjg", "empty.csv", new byte[0]);

        assertRejected(receipt, "EMPTY_FILE");
        await().atMost(Duration.ofSeconds(10)).until(() -> findUnder(home.resolve("inbox/scjg/.error"), "empty.csv"));
    }

    @Test
    void aBinaryFileWithACsvNameIsRejectedAsNotText() throws Exception {
        byte[] png = new byte[4096];
        System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, png, 0, 8);

        assertRejected(drop("scjg", "picture.csv", png), "NOT_TEXT");
    }

    @Test
    void aHeaderWithoutARequiredColumnRejectsThePayloadNamingTheColumn() throws Exception {
        List<String> header =
                PenaltyFile.HEADER.stream().filter(h -> !h.equals("行政处罚决定书文号")).toList();

        Receipt receipt = drop(
                "scjg",
                "no-number.csv",
                new PenaltyFile().header(header).company(1).utf8());

        assertRejected(receipt, "MISSING_COLUMN");
        assertThat(receipt.error()).contains("行政处罚决定书文号");
    }

    @Test
    void unknownColumnsAreIgnoredAndListedAsAWarning() throws Exception {
        List<String> header =
                Stream.concat(PenaltyFile.HEADER.stream(), Stream.of("内部编号")).toList();

        Receipt receipt = drop(
                "scjg", "extra.csv", new PenaltyFile().header(header).company(1).utf8());

        assertThat(receipt.status()).isEqualTo("DONE");
        assertThat(receipt.stored()).isEqualTo(1);
        assertThat(receipt.warnings()).contains("内部编号");
    }

    @Test
    void raggedRowsAndInvalidValuesAreRejectedWhileTheRestOfTheFileGoesOn() throws Exception {
        PenaltyFile file = new PenaltyFile().company(1).company(2).company(3, r -> r.put("处罚决定日期", "2024-13-45"));
        String text = file.text();
        String[] lines = text.split("\r\n");
        lines[2] = lines[2] + ",多出的一列";
        byte[] bytes = (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);

        Receipt receipt = drop("scjg", "ragged.csv", bytes);

        assertThat(List.of(receipt.received(), receipt.stored(), receipt.rejected()))
                .containsExactly(3, 1, 2);
        assertThat(rejectCodes(receipt)).contains("3:COLUMN_COUNT", "4:DATE_FORMAT");
    }

    @Test
    void rowsInAnotherEncodingAreRejectedAloneWhenAFileMixesEncodings() throws Exception {
        PenaltyFile file = new PenaltyFile().company(1).company(2).company(3);
        String[] lines = file.text().split("\r\n");
        byte[] head = (lines[0] + "\r\n" + lines[1] + "\r\n" + lines[2] + "\r\n").getBytes(StandardCharsets.UTF_8);
        // Pad past the 64 KiB sample with blank lines, so detection says UTF-8 and the GB18030 row comes later.
        byte[] padding = "\r\n".repeat(40_000).getBytes(StandardCharsets.US_ASCII);
        byte[] tail = (lines[3] + "\r\n").getBytes(Charset.forName("GB18030"));
        byte[] bytes = concat(head, padding, tail);

        Receipt receipt = drop("scjg", "mixed.csv", bytes);

        assertThat(receipt.stored()).isEqualTo(2);
        assertThat(receipt.rejected()).isEqualTo(1);
        assertThat(rejectCodes(receipt)).anySatisfy(c -> assertThat(c).endsWith(":ENCODING"));
    }

    @Test
    void aQuoteLeftOpenRejectsFromThatRowOnAndKeepsTheRowsBefore() throws Exception {
        PenaltyFile file = new PenaltyFile().company(1).company(2);
        String text = file.text() + "\"龙岩市未闭合引号公司,法人及非法人组织\r\n";

        Receipt receipt = drop("scjg", "open-quote.csv", text.getBytes(StandardCharsets.UTF_8));

        assertThat(receipt.stored()).isEqualTo(2);
        assertThat(rejectCodes(receipt)).contains("4:UNCLOSED_QUOTE");
    }

    @Test
    void aFileNameWithControlCharactersIsArchivedUnderASafeName() throws Exception {
        Receipt receipt =
                drop("scjg", "bad\tname\u0007.csv", new PenaltyFile().company(1).utf8());

        assertThat(receipt.fileName()).isEqualTo("bad_name_.csv");
        assertThat(Path.of(receipt.archivePath()).getFileName().toString()).endsWith("-bad_name_.csv");
        assertThat(receipt.stored()).isEqualTo(1);
    }

    @Test
    void aPayloadTheHubCannotProcessGoesToTheDeadLetterQueueWithItsPayloadId() throws Exception {
        Receipt receipt =
                drop("nomap", "orphan.csv", new PenaltyFile().company(1).utf8());

        assertThat(receipt.status()).isEqualTo("FAILED");
        assertThat(Path.of(receipt.archivePath())).exists();
        jms.setReceiveTimeout(10_000);
        String deadLetter = (String) jms.receiveAndConvert("huiju.DLQ");
        assertThat(deadLetter)
                .contains(receipt.payloadId())
                .contains("no-such-mapping")
                .contains(receipt.archivePath());
    }
}
