package io.huiju.transform.read.excel;

import io.huiju.transform.read.PayloadException;
import io.huiju.transform.read.RowSource;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Opens a department's workbook by what its first bytes say it is, not by its extension. Departments rename files (a
 * colleague's .xls renamed to match the template's .xlsx, or the reverse), and the rows inside are still theirs: an
 * .xls named .xlsx is read as .xls and an .xlsx named .xls as .xlsx, each with a warning naming the mismatch. A file
 * that is neither (an image, a Word document) is refused with the code of the format its name claims.
 */
public final class WorkbookFiles {

    private WorkbookFiles() {}

    /**
     * @param fileName the name the department gave the file: its extension (.xlsx, .xlsm or .xls) is what it claims to
     *     be
     * @throws PayloadException as {@link ExcelRecordReader#open} and {@link XlsRecordReader#open}
     */
    public static RowSource open(Path file, String fileName, Predicate<String> isKnownHeader) throws PayloadException {
        String extension = extension(fileName);
        boolean namedXls = extension.equals(".xls");
        switch (FileCheck.kind(file)) {
            case ZIP -> {
                WorkbookReader reader = ExcelRecordReader.open(file, isKnownHeader);
                return namedXls ? reader.warnFirst("文件实际是新版Excel工作簿（.xlsx），扩展名却是.xls，已按.xlsx读取。请把扩展名改为.xlsx。") : reader;
            }
            case OLE2 -> {
                if (namedXls) {
                    return XlsRecordReader.open(file, isKnownHeader);
                }
                if (FileCheck.isXlsWorkbook(file)) {
                    return XlsRecordReader.open(file, isKnownHeader)
                            .warnFirst("文件实际是旧版Excel 97-2003工作簿（.xls），扩展名却是" + extension
                                    + "，已按.xls读取。请把扩展名改回.xls，或在Excel中另存为“Excel工作簿（*.xlsx）”。");
                }
                // an encrypted .xlsx, or another Office file: the reader says which
                return ExcelRecordReader.open(file, isKnownHeader);
            }
            default -> {
                return namedXls
                        ? XlsRecordReader.open(file, isKnownHeader)
                        : ExcelRecordReader.open(file, isKnownHeader);
            }
        }
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot).toLowerCase(Locale.ROOT);
    }
}
