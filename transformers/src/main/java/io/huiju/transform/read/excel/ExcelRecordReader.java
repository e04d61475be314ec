package io.huiju.transform.read.excel;

import io.huiju.transform.RawRecord;
import io.huiju.transform.read.PayloadException;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Streams the data sheet of a department's .xlsx or .xlsm workbook as {@link RawRecord}s, a few rows in memory at a
 * time, whatever the file's size. The file is parsed with SAX on a background thread; {@link #close()} stops it.
 *
 * <p>The data sheet is the first visible sheet with a header row among its first 30 rows; the header row is the first
 * row in which at least 3 cells are headers the mapping knows ({@code isKnownHeader}), so title rows and merged
 * titles above it are passed over. Hidden sheets are never read. Each later non-empty row maps header name → text;
 * {@link RawRecord#line()} is the Excel row number. Cells right of the header are ignored; missing cells are empty.
 *
 * <p>Values are text: dates (numbers with a date format) as {@code yyyy-MM-dd}, or {@code yyyy-MM-dd HH:mm:ss} with a
 * time; other numbers as plain decimals (no exponent, no ".0"); text as stored; formulas as their cached value;
 * booleans as TRUE/FALSE. A row with an error value (#DIV/0!) is defective with {@link #CELL_ERROR}; one with a whole
 * number of 16 or more digits, which Excel cannot store exactly (an ID number typed as a number), with {@link
 * #DIGITS_LOST}. A failure after the header ends reading with one defective record carrying the payload code.
 *
 * <p>This reader takes the file for an .xlsx and refuses anything else; {@link WorkbookFiles} picks it or {@link
 * XlsRecordReader} by the file's content. Not thread-safe.
 */
public final class ExcelRecordReader extends WorkbookReader {

    /** No visible sheet has a header row the mapping knows in its first 30 rows. */
    public static final String HEADER_NOT_FOUND = "HEADER_NOT_FOUND";
    /** The workbook has an opening password. */
    public static final String ENCRYPTED = "ENCRYPTED";
    /** Not an .xlsx: an .xls, an image, an .ods... renamed. */
    public static final String NOT_XLSX = "NOT_XLSX";
    /** Not an .xls: an .xlsx, or anything else, renamed. */
    public static final String NOT_XLS = "NOT_XLS";
    /** A zip entry inflates beyond POI's {@code ZipSecureFile} limits (kept at their defaults). */
    public static final String ZIP_BOMB = "ZIP_BOMB";
    /** Truncated or damaged: not a readable zip, OLE2 container or sheet XML. */
    public static final String CORRUPT = "CORRUPT";
    /** Row defect: a cell holds an error value such as #DIV/0! or #N/A. */
    public static final String CELL_ERROR = "CELL_ERROR";
    /** Row defect: a number of 16 or more digits, whose last digits Excel has already lost. */
    public static final String DIGITS_LOST = "DIGITS_LOST";

    private ExcelRecordReader(SheetRecords records) {
        super(records);
    }

    /**
     * @param isKnownHeader whether a cell's text (trimmed) is a column name the mapping knows, e.g. one of its aliases
     * @throws PayloadException with one of this class's codes, {@link PayloadException#EMPTY_FILE} or {@link
     *     PayloadException#READ_ERROR}
     */
    public static ExcelRecordReader open(Path file, Predicate<String> isKnownHeader) throws PayloadException {
        switch (FileCheck.kind(file)) {
            case ZIP -> {
                FileCheck.requireZipEnd(file);
                return new ExcelRecordReader(SheetRecords.locate(XlsxSheets.open(file), isKnownHeader));
            }
            case OLE2 -> throw ole2(file);
            default ->
                throw new PayloadException(
                        NOT_XLSX, "文件不是Excel工作簿（.xlsx）：可能是图片、PDF或其他文件改了扩展名。请上传从Excel或WPS导出的.xlsx文件。");
        }
    }

    // An OLE2 file named .xlsx is an encrypted .xlsx, or an .xls (or .doc) renamed.
    private static PayloadException ole2(Path file) throws PayloadException {
        try (var fs = FileCheck.openOle2(file)) {
            if (FileCheck.isEncrypted(fs.getRoot())) {
                return new PayloadException(ENCRYPTED, Failures.ENCRYPTED_MESSAGE);
            }
            if (fs.getRoot().hasEntry("Workbook") || fs.getRoot().hasEntry("Book")) {
                return new PayloadException(
                        NOT_XLSX,
                        "文件实际是旧版Excel 97-2003工作簿（.xls），扩展名却是.xlsx。请在Excel中另存为“Excel工作簿（*.xlsx）”后重新上传，或把扩展名改回.xls。");
            }
        } catch (java.io.IOException e) {
            return Failures.of(e);
        }
        return new PayloadException(NOT_XLSX, "文件不是Excel工作簿（.xlsx），可能是Word等其他Office文件改了扩展名。请上传从Excel导出的.xlsx文件。");
    }
}
