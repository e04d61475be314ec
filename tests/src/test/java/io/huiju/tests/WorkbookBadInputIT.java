package io.huiju.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.huiju.hub.store.Receipt;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Bad Excel input (issue [2]), end to end: each file is dropped into a real inbox and must come back with a receipt
 * that says what is wrong in words a department can act on, a feedback file carrying the code and the reason, and the
 * original archived byte for byte; after all of them the hub still serves another department. The bad files are made
 * here, from the same penalty rows a good file would hold, so each test differs from a good file in one thing only.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbookBadInputIT extends HubTest {

    static final String HOME = TestHome.create("workbook-bad-input").toString();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("huiju.home", () -> HOME);
        registry.add("huiju.mappings", () -> TestHome.REPO.resolve("mappings").toString());
    }

    // ---------------------------------------------------------------- the whole workbook refused

    @Test
    void aPasswordProtectedWorkbookIsRejectedAskingToRemoveThePassword() throws Exception {
        PenaltyFile file = new PenaltyFile().company(1);
        byte[] bytes = encrypt(xlsx(file), "123456");

        Receipt receipt = drop("scjg", "加密.xlsx", bytes);

        assertRejected(receipt, "ENCRYPTED");
        assertThat(receipt.error()).contains("去掉密码");
        assertArchivedAsSent(receipt, bytes);
        assertThat(count("legal_person_record", file.documentNumber(1))).isZero();
    }

    @Test
    void aSheetThatInflatesToAGigabyteIsRejectedAsAZipBombWithoutBeingRead() throws Exception {
        // The sheet is the good file's sheet with 1 GiB of spaces after <sheetData>: read to the end, it would give
        // the header and the row, so only the inflation guard, tripping early, can make it ZIP_BOMB.
        PenaltyFile file = new PenaltyFile().company(1);
        byte[] bytes = inflatingTo(xlsx(file), "xl/worksheets/sheet1.xml", "<sheetData>", 1L << 30);
        assertThat(bytes.length).as("the bomb is small").isLessThan(2 << 20);

        Receipt receipt = drop("scjg", "压缩炸弹.xlsx", bytes);

        assertRejected(receipt, "ZIP_BOMB");
        assertThat(receipt.error()).contains("压缩炸弹");
        assertArchivedAsSent(receipt, bytes);
        assertThat(count("legal_person_record", file.documentNumber(1))).isZero();
    }

    @Test
    void entitiesInTheSheetOrTheSharedStringsAreNeverExpanded() throws Exception {
        // If an entity were expanded, the marker would land in 违法事实 and so in the library.
        String marker = "外部实体-" + UUID.randomUUID();
        Path secret = Files.writeString(Path.of(HOME).resolve("secret.txt"), marker);
        String xxe = "<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">";
        PenaltyFile inSheet = new PenaltyFile().company(1, r -> r.put("违法事实", "ENTITY-HERE"));
        PenaltyFile inStrings = new PenaltyFile().company(1, r -> r.put("违法事实", "ENTITY-HERE"));
        PenaltyFile laughs = new PenaltyFile().company(1, r -> r.put("违法事实", "ENTITY-HERE"));
        // SXSSF writes texts inline in the sheet, XSSF into the shared strings.
        SXSSFWorkbook streamed = new SXSSFWorkbook();
        PenaltyWorkbook.fill(streamed, inSheet);
        byte[] sheetXxe =
                rewrite(PenaltyWorkbook.bytes(streamed), "xl/worksheets/sheet1.xml", entity("worksheet", xxe, "&xxe;"));
        byte[] stringsXxe = rewrite(xlsx(inStrings), "xl/sharedStrings.xml", entity("sst", xxe, "&xxe;"));
        byte[] billionLaughs = rewrite(xlsx(laughs), "xl/sharedStrings.xml", entity("sst", billionLaughs(), "&lol9;"));

        Receipt sheet = drop("scjg", "实体-工作表.xlsx", sheetXxe);
        Receipt strings = drop("scjg", "实体-共享字符串.xlsx", stringsXxe);
        Receipt lol = drop("scjg", "实体-十亿笑.xlsx", billionLaughs);

        for (Receipt receipt : List.of(sheet, strings, lol)) {
            assertRejected(receipt, "CORRUPT");
            // Refused at the DOCTYPE, not stopped by the parser's expansion limit after it began.
            assertThat(receipt.error()).contains("DOCTYPE").contains("为安全起见拒绝读取");
            assertThat(Files.readString(Path.of(receipt.feedbackPath()), StandardCharsets.UTF_8))
                    .doesNotContain(marker);
            assertThat(Files.readString(receiptFile(receipt), StandardCharsets.UTF_8))
                    .doesNotContain(marker);
        }
        assertArchivedAsSent(sheet, sheetXxe);
        assertArchivedAsSent(strings, stringsXxe);
        assertArchivedAsSent(lol, billionLaughs);
        for (PenaltyFile file : List.of(inSheet, inStrings, laughs)) {
            assertThat(count("legal_person_record", file.documentNumber(1))).isZero();
        }
        String anywhere = "%" + marker + "%";
        for (String query : List.of(
                "SELECT COUNT(*) FROM legal_person_record WHERE body LIKE ?",
                "SELECT COUNT(*) FROM natural_person_record WHERE body LIKE ?",
                "SELECT COUNT(*) FROM legal_person_record_history WHERE body LIKE ?",
                "SELECT COUNT(*) FROM natural_person_record_history WHERE body LIKE ?",
                "SELECT COUNT(*) FROM reject WHERE reason LIKE ?",
                "SELECT COUNT(*) FROM payload WHERE error LIKE ? OR warnings LIKE ?")) {
            Object[] args = query.contains(" OR ") ? new Object[] {anywhere, anywhere} : new Object[] {anywhere};
            assertThat(jdbc.queryForObject(query, Integer.class, args))
                    .as(query)
                    .isZero();
        }
    }

    @Test
    void theFirstHalfOfAWorkbookIsRejectedAsIncompleteInChinese() throws Exception {
        byte[] whole = xlsx(new PenaltyFile().company(1).company(2));
        byte[] half = Arrays.copyOf(whole, whole.length / 2);
        byte[] wholeXls = PenaltyWorkbook.bytes(filled(new HSSFWorkbook(), new PenaltyFile().company(1)));
        byte[] halfXls = Arrays.copyOf(wholeXls, wholeXls.length / 2);

        Receipt xlsx = drop("scjg", "截断.xlsx", half);
        Receipt xls = drop("scjg", "截断.xls", halfXls);

        assertRejected(xlsx, "CORRUPT");
        assertRejected(xls, "CORRUPT");
        assertThat(List.of(xlsx.error(), xls.error()))
                .allSatisfy(e ->
                        assertThat(e).contains("文件不完整").contains("请重新导出后完整上传").doesNotContain("Exception"));
        assertArchivedAsSent(xlsx, half);
        assertArchivedAsSent(xls, halfXls);
    }

    @Test
    void aWorkbookOfAnotherTableIsRejectedNamingTheColumnsExpected() throws Exception {
        XSSFWorkbook book = new XSSFWorkbook();
        Sheet staff = book.createSheet("花名册");
        row(staff, 0, "姓名", "工号", "部门", "入职日期", "联系电话");
        row(staff, 1, "张秋生", "0042", "办公室", "2020-01-01", "0597-2345678");
        byte[] bytes = PenaltyWorkbook.bytes(book);

        Receipt receipt = drop("scjg", "花名册.xlsx", bytes);

        assertRejected(receipt, "HEADER_NOT_FOUND");
        assertThat(receipt.error())
                .contains("“花名册”")
                .contains("行政相对人名称", "行政处罚决定书文号", "处罚决定日期", "处罚机关", "处罚机关统一社会信用代码");
        assertArchivedAsSent(receipt, bytes);
    }

    // ---------------------------------------------------------------- read in spite of it

    @Test
    void anXlsNamedXlsxAndAnXlsxNamedXlsAreReadForWhatTheyAreWithAWarning() throws Exception {
        PenaltyFile oldFormat = new PenaltyFile().company(1).person(2);
        PenaltyFile newFormat = new PenaltyFile().company(1).person(2);
        byte[] xls = PenaltyWorkbook.bytes(filled(new HSSFWorkbook(), oldFormat));
        byte[] xlsx = xlsx(newFormat);

        Receipt xlsNamedXlsx = drop("scjg", "其实是xls.xlsx", xls);
        Receipt xlsxNamedXls = drop("scjg", "其实是xlsx.xls", xlsx);

        assertThat(xlsNamedXlsx.status()).isEqualTo("DONE");
        assertThat(xlsNamedXlsx.stored()).isEqualTo(2);
        assertThat(xlsNamedXlsx.warnings()).contains("Excel 97-2003工作簿（.xls）").contains("扩展名却是.xlsx");
        assertThat(library("legal_person_record", oldFormat.documentNumber(1)))
                .containsEntry("decision_date", java.sql.Date.valueOf("2024-03-05"));
        assertThat(xlsxNamedXls.status()).isEqualTo("DONE");
        assertThat(xlsxNamedXls.stored()).isEqualTo(2);
        assertThat(xlsxNamedXls.warnings()).contains("新版Excel工作簿（.xlsx）").contains("扩展名却是.xls");
        assertThat(library("natural_person_record", newFormat.documentNumber(2)))
                .containsEntry("subject_name", "张秋生");
        assertArchivedAsSent(xlsNamedXlsx, xls);
        assertArchivedAsSent(xlsxNamedXls, xlsx);
    }

    @Test
    void aSheetAsTallAsExcelAllowsIsReadToItsLastRowAndItsEmptyRowsAreNoRecords() throws Exception {
        PenaltyFile file = new PenaltyFile().company(1).company(2).person(3);
        PenaltyFile last = file.sameNumbers().company(4);
        SXSSFWorkbook book = new SXSSFWorkbook(100);
        Sheet sheet = PenaltyWorkbook.fill(book, file);
        CellStyle yellow = book.createCellStyle();
        yellow.setFillForegroundColor(IndexedColors.YELLOW.getIndex());
        yellow.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        // A template's pre-formatted rows: styled blank cells, empty and whitespace-only texts in the header columns.
        int firstEmpty = PenaltyWorkbook.FIRST_DATA_ROW + 3;
        for (int r = firstEmpty; r < firstEmpty + 5_000; r++) {
            Row row = sheet.createRow(r - 1);
            for (int c = 0; c < PenaltyFile.HEADER.size(); c++) {
                row.createCell(c).setCellStyle(yellow);
            }
            row.getCell(0).setCellValue(r % 2 == 0 ? "" : "  ");
        }
        // A decision on Excel's very last row, 1,048,576.
        List<String> cells = last.cells().get(1);
        Row bottom = sheet.createRow(SpreadsheetVersion.EXCEL2007.getLastRowIndex());
        for (int c = 0; c < cells.size(); c++) {
            bottom.createCell(c).setCellValue(cells.get(c));
        }
        byte[] bytes = PenaltyWorkbook.bytes(book);

        Receipt receipt = drop("scjg", "到底.xlsx", bytes);

        assertThat(receipt.status()).isEqualTo("DONE");
        assertThat(List.of(receipt.received(), receipt.stored(), receipt.rejected()))
                .as("received, stored, rejected")
                .containsExactly(4, 4, 0);
        assertThat(library("legal_person_record", file.documentNumber(4)))
                .containsEntry("line", 1_048_576L)
                .containsEntry("decision_date", java.sql.Date.valueOf("2024-03-05"));
        assertArchivedAsSent(receipt, bytes);
    }

    @Test
    void picturesAndChartsAreLeftAloneAndTheRowsRead() throws Exception {
        PenaltyFile file = new PenaltyFile().company(1).company(2).person(3);
        XSSFWorkbook book = new XSSFWorkbook();
        // A sheet of charts in front: visible, a drawing and no header; the hub must pass over it to the data.
        XSSFSheet charts = book.createSheet("图表");
        XSSFSheet data = (XSSFSheet) PenaltyWorkbook.fill(book, file);
        finesAsNumbers(data);
        picture(book, data);
        chart(charts, data);
        chart(data, data);
        byte[] bytes = PenaltyWorkbook.bytes(book);
        assertThat(unzip(bytes).keySet())
                .as("the workbook really holds them")
                .anySatisfy(e -> assertThat(e).startsWith("xl/media/image"))
                .anySatisfy(e -> assertThat(e).startsWith("xl/charts/chart"));

        Receipt receipt = drop("scjg", "图表.xlsx", bytes);

        assertThat(receipt.status()).isEqualTo("DONE");
        assertThat(List.of(receipt.received(), receipt.stored(), receipt.rejected()))
                .containsExactly(3, 3, 0);
        assertThat(library("natural_person_record", file.documentNumber(3))).containsEntry("subject_name", "张秋生");
        assertArchivedAsSent(receipt, bytes);
    }

    @Test
    void aFormulaErrorRejectsItsRowNamingTheCellAndFormulasCountByTheirCachedValue() throws Exception {
        PenaltyFile file = new PenaltyFile().company(1).company(2);
        XSSFWorkbook book = new XSSFWorkbook();
        Sheet sheet = PenaltyWorkbook.fill(book, file);
        int fine = PenaltyFile.HEADER.indexOf("罚款金额（万元）");
        int content = PenaltyFile.HEADER.indexOf("处罚内容");
        Row first = sheet.getRow(PenaltyWorkbook.FIRST_DATA_ROW - 1);
        first.getCell(fine).setCellFormula("2000/0");
        Row second = sheet.getRow(PenaltyWorkbook.FIRST_DATA_ROW);
        second.getCell(fine).setCellFormula("0.1+0.2");
        second.getCell(content).setCellFormula("\"罚款\"&3000&\"元\"");
        book.getCreationHelper().createFormulaEvaluator().evaluateAll();
        byte[] bytes = PenaltyWorkbook.bytes(book);

        Receipt receipt = drop("scjg", "公式.xlsx", bytes);

        assertThat(receipt.status()).isEqualTo("DONE");
        assertThat(List.of(receipt.received(), receipt.stored(), receipt.rejected()))
                .containsExactly(2, 1, 1);
        // The error value is no amount either: both reasons go back, on the one row.
        assertThat(rejectCodes(receipt)).containsExactly("3:CELL_ERROR", "3:AMOUNT_INVALID");
        assertThat(Files.readString(Path.of(receipt.feedbackPath()), StandardCharsets.UTF_8))
                .contains("3,第3行,CELL_ERROR,第3行N列（罚款金额（万元））的单元格是错误值 #DIV/0!");
        assertThat(count("legal_person_record", file.documentNumber(1))).isZero();
        assertThat((String)
                        library("legal_person_record", file.documentNumber(2)).get("body"))
                .contains("罚款3000元")
                .containsPattern("\"fineAmount\"\\s*:\\s*\"?0\\.3\\b");
        assertArchivedAsSent(receipt, bytes);
    }

    // ---------------------------------------------------------------- and the hub goes on

    @Test
    @Order(Integer.MAX_VALUE)
    void afterAllThatAGoodFileFromAnotherDepartmentIsDoneAndNoParserThreadIsLeftBehind() throws Exception {
        PenaltyFile good = new PenaltyFile().company(1).person(2);
        byte[] bomb =
                inflatingTo(xlsx(new PenaltyFile().company(1)), "xl/worksheets/sheet1.xml", "<sheetData>", 1L << 30);
        long since = System.currentTimeMillis();

        place("scjg", "又一个炸弹.xlsx", bomb);
        Receipt receipt = drop("zf", "正常.xlsx", xlsx(good));

        assertThat(receipt.status()).isEqualTo("DONE");
        assertThat(receipt.stored()).isEqualTo(2);
        assertThat(library("legal_person_record", good.documentNumber(1))).containsEntry("department", "zf");
        assertThat(awaitReceipt("scjg", "又一个炸弹.xlsx", since).errorCode()).isEqualTo("ZIP_BOMB");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                        .as("no parser thread outlives its payload")
                        .extracting(Thread::getName)
                        .noneMatch(n -> n.startsWith("xlsx-") || n.equals("xls") || n.startsWith("huiju-read-ahead-")));
    }

    // ---------------------------------------------------------------- helpers

    /** Moves a file into the inbox as {@link #drop} does, without waiting for its receipt. */
    void place(String department, String name, byte[] bytes) throws IOException {
        Path staging = Files.createDirectories(home.resolve("staging")).resolve(System.nanoTime() + ".tmp");
        Files.write(staging, bytes);
        Path inbox = Files.createDirectories(home.resolve("inbox").resolve(department));
        Files.move(staging, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    void assertArchivedAsSent(Receipt receipt, byte[] bytes) throws IOException {
        assertThat(Files.readAllBytes(Path.of(receipt.archivePath())))
                .as("archived byte for byte")
                .isEqualTo(bytes);
    }

    static Path receiptFile(Receipt receipt) {
        return Path.of(receipt.feedbackPath().replace(".feedback.csv", ".receipt.json"));
    }

    static byte[] xlsx(PenaltyFile file) throws IOException {
        return PenaltyWorkbook.bytes(filled(new XSSFWorkbook(), file));
    }

    static Workbook filled(Workbook book, PenaltyFile file) {
        PenaltyWorkbook.fill(book, file);
        return book;
    }

    static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }

    /** As Excel saves a workbook with an opening password: the package encrypted inside an OLE2 container. */
    static byte[] encrypt(byte[] xlsx, String password) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream data = encryptor.getDataStream(fs)) {
                data.write(xlsx);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** The workbook with one zip entry's text changed. */
    static byte[] rewrite(byte[] xlsx, String entryName, UnaryOperator<String> change) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : unzip(xlsx).entrySet()) {
                byte[] data = entry.getValue();
                if (entry.getKey().equals(entryName)) {
                    data = change.apply(new String(data, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(data);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Each entry's name and inflated bytes, in the order of the file. Read through the central directory: SXSSF's local
     * headers give sizes of 0 that {@link java.util.zip.ZipInputStream} refuses.
     */
    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile file = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(zip))
                .get()) {
            for (ZipArchiveEntry entry : Collections.list(file.getEntriesInPhysicalOrder())) {
                try (InputStream in = file.getInputStream(entry)) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    /** Declares {@code entities} in a DOCTYPE of the part and puts {@code reference} where the text ENTITY-HERE was. */
    static UnaryOperator<String> entity(String root, String entities, String reference) {
        return xml -> {
            int declarationEnd = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
            assertThat(xml).contains("ENTITY-HERE");
            return xml.substring(0, declarationEnd)
                    + "<!DOCTYPE " + root + " [" + entities + "]>"
                    + xml.substring(declarationEnd).replace("ENTITY-HERE", reference);
        };
    }

    /** lol9 expands to 10^9 "lol"s: three gigabytes from a few hundred bytes of DOCTYPE. */
    static String billionLaughs() {
        StringBuilder entities = new StringBuilder("<!ENTITY lol \"lol\">");
        for (int level = 1; level <= 9; level++) {
            String previous = level == 1 ? "lol" : "lol" + (level - 1);
            entities.append("<!ENTITY lol").append(level).append(" \"");
            entities.append(("&" + previous + ";").repeat(10)).append("\">");
        }
        return entities.toString();
    }

    /**
     * The workbook with {@code size} spaces inserted into one entry after {@code after}, compressed about 1000 to 1 by
     * repeating one deflated block of 1 MiB of spaces, so a gigabyte costs a megabyte and no time to make.
     */
    static byte[] inflatingTo(byte[] xlsx, String entryName, String after, long size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : unzip(xlsx).entrySet()) {
                byte[] data = entry.getValue();
                if (!entry.getKey().equals(entryName)) {
                    out.putArchiveEntry(new ZipArchiveEntry(entry.getKey()));
                    out.write(data);
                    out.closeArchiveEntry();
                    continue;
                }
                String xml = new String(data, StandardCharsets.UTF_8);
                int at = xml.indexOf(after) + after.length();
                byte[] head = xml.substring(0, at).getBytes(StandardCharsets.UTF_8);
                byte[] tail = xml.substring(at).getBytes(StandardCharsets.UTF_8);
                byte[] spaces = new byte[1 << 20];
                Arrays.fill(spaces, (byte) ' ');
                long blocks = size / spaces.length;

                // Each part ends in a full flush, so no part refers back into another and a block can be repeated.
                Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                raw.write(deflate(deflater, head, Deflater.FULL_FLUSH));
                byte[] block = deflate(deflater, spaces, Deflater.FULL_FLUSH);
                CRC32 crc = new CRC32();
                crc.update(head);
                for (long b = 0; b < blocks; b++) {
                    raw.write(block);
                    crc.update(spaces);
                }
                deflater.setInput(tail);
                deflater.finish();
                byte[] buffer = new byte[8192];
                while (!deflater.finished()) {
                    raw.write(buffer, 0, deflater.deflate(buffer));
                }
                deflater.end();
                crc.update(tail);

                ZipArchiveEntry bomb = new ZipArchiveEntry(entry.getKey());
                bomb.setMethod(ZipEntry.DEFLATED);
                bomb.setSize(head.length + blocks * spaces.length + tail.length);
                bomb.setCompressedSize(raw.size());
                bomb.setCrc(crc.getValue());
                out.addRawArchiveEntry(bomb, new ByteArrayInputStream(raw.toByteArray()));
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] deflate(Deflater deflater, byte[] input, int flush) {
        deflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, flush);
            out.write(buffer, 0, n);
        } while (n == buffer.length || !deflater.needsInput());
        return out.toByteArray();
    }

    static void picture(XSSFWorkbook book, XSSFSheet sheet) throws IOException {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xC00000);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        int index = book.addPicture(png.toByteArray(), Workbook.PICTURE_TYPE_PNG);
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        // Over the data, as a department pastes its seal onto the sheet.
        drawing.createPicture(drawing.createAnchor(0, 0, 0, 0, 2, 2, 5, 8), index);
    }

    /** The fines column as numbers, as a department types them and a chart needs them. */
    static void finesAsNumbers(Sheet sheet) {
        int fine = PenaltyFile.HEADER.indexOf("罚款金额（万元）");
        for (int r = PenaltyWorkbook.FIRST_DATA_ROW - 1; r <= sheet.getLastRowNum(); r++) {
            Cell cell = sheet.getRow(r).getCell(fine);
            String text = cell.getStringCellValue();
            if (text.isEmpty()) {
                cell.setBlank();
            } else {
                cell.setCellValue(Double.parseDouble(text));
            }
        }
    }

    /** A bar chart of the fines column of {@code data}. */
    static void chart(XSSFSheet on, XSSFSheet data) {
        XSSFDrawing drawing = on.getDrawingPatriarch() == null ? on.createDrawingPatriarch() : on.getDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 20, 1, 28, 16);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("罚款金额");
        int fine = PenaltyFile.HEADER.indexOf("罚款金额（万元）");
        int name = PenaltyFile.HEADER.indexOf("行政相对人名称");
        int firstRow = PenaltyWorkbook.FIRST_DATA_ROW - 1;
        int lastRow = data.getLastRowNum();
        XDDFChartData bars = chart.createData(
                ChartTypes.BAR,
                chart.createCategoryAxis(AxisPosition.BOTTOM),
                chart.createValueAxis(AxisPosition.LEFT));
        bars.addSeries(
                XDDFDataSourcesFactory.fromStringCellRange(data, new CellRangeAddress(firstRow, lastRow, name, name)),
                XDDFDataSourcesFactory.fromNumericCellRange(data, new CellRangeAddress(firstRow, lastRow, fine, fine)));
        chart.plot(bars);
    }
}
