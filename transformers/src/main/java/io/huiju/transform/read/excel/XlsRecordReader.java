package io.huiju.transform.read.excel;

import io.huiju.transform.RawRecord;
import io.huiju.transform.read.PayloadException;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Streams the data sheet of a legacy Excel 97-2003 (.xls, BIFF8) workbook as {@link RawRecord}s, with POI's event API
 * on a background thread. Sheet choice, header detection, values and codes are those of {@link ExcelRecordReader};
 * a file that is no .xls is {@link ExcelRecordReader#NOT_XLS}. Not thread-safe.
 */
public final class XlsRecordReader extends WorkbookReader {

    private XlsRecordReader(SheetRecords records) {
        super(records);
    }

    /** As {@link ExcelRecordReader#open}, for an .xls file. */
    public static XlsRecordReader open(Path file, Predicate<String> isKnownHeader) throws PayloadException {
        switch (FileCheck.kind(file)) {
            case OLE2 -> {
                POIFSFileSystem fs = FileCheck.openOle2(file);
                try {
                    check(fs.getRoot());
                } catch (PayloadException | RuntimeException e) {
                    FileCheck.closeQuietly(fs, e);
                    throw e;
                }
                return new XlsRecordReader(SheetRecords.locate(XlsSheets.of(fs), isKnownHeader));
            }
            case ZIP ->
                throw new PayloadException(
                        ExcelRecordReader.NOT_XLS, "文件实际是新版Excel工作簿（.xlsx），扩展名却是.xls。请把扩展名改为.xlsx后重新上传。");
            default ->
                throw new PayloadException(
                        ExcelRecordReader.NOT_XLS, "文件不是Excel 97-2003工作簿（.xls）：可能是图片、PDF或其他文件改了扩展名。请上传从Excel导出的文件。");
        }
    }

    private static void check(DirectoryNode root) throws PayloadException {
        if (FileCheck.isEncrypted(root)) {
            throw new PayloadException(ExcelRecordReader.ENCRYPTED, Failures.ENCRYPTED_MESSAGE);
        }
        if (root.hasEntry("Workbook") || root.hasEntry("WORKBOOK")) {
            return;
        }
        if (root.hasEntry("Book")) {
            throw new PayloadException(
                    ExcelRecordReader.NOT_XLS, "文件是Excel 95或更早版本的工作簿，已不再支持。请在Excel中另存为“Excel工作簿（*.xlsx）”后重新上传。");
        }
        throw new PayloadException(
                ExcelRecordReader.NOT_XLS, "文件不是Excel工作簿（.xls），可能是Word等其他Office文件改了扩展名。请上传从Excel导出的文件。");
    }
}
