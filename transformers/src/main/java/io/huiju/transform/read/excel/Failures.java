package io.huiju.transform.read.excel;

import io.huiju.transform.read.PayloadException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.xml.sax.SAXParseException;

/**
 * Names what went wrong inside POI in words for the department. POI parses untrusted bytes, so anything it throws that
 * is not a known case means the file is damaged, not that we have a bug.
 */
final class Failures {

    // ZipArchiveThresholdInputStream's message; POI has no exception type for it.
    private static final String ZIP_BOMB_MESSAGE = "Zip bomb detected";

    // OPCPackage's message for a zip without [Content_Types].xml: a zip, but no Office document.
    private static final String NO_CONTENT_TYPES = "[M1.13]";

    // POI's parsers refuse any DOCTYPE; the feature named in the parser's message is the same in every locale.
    private static final String DOCTYPE_DISALLOWED = "disallow-doctype-decl";

    // POIFS's message when the OLE2 header points to a sector beyond the end of the file.
    private static final String PAST_THE_END = "past the end of the file";

    static final String ENCRYPTED_MESSAGE = "文件设置了打开密码（已加密），无法读取。请在Excel中去掉密码（文件→信息→保护工作簿→用密码进行加密，清空密码并保存）后重新上传。";

    private Failures() {}

    static PayloadException of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PayloadException payload) {
                return payload;
            }
            if (t instanceof EncryptedDocumentException) {
                return new PayloadException(ExcelRecordReader.ENCRYPTED, ENCRYPTED_MESSAGE, e);
            }
            if (t instanceof IOException && String.valueOf(t.getMessage()).contains(ZIP_BOMB_MESSAGE)) {
                return new PayloadException(
                        ExcelRecordReader.ZIP_BOMB,
                        "文件中有内容解压后异常巨大（压缩比超出安全限制，疑似“压缩炸弹”），为安全起见拒绝读取。请用Excel重新保存后上传；确有超大数据的，请拆分成多个文件。",
                        e);
            }
            if (t instanceof SAXParseException && String.valueOf(t.getMessage()).contains(DOCTYPE_DISALLOWED)) {
                return new PayloadException(
                        ExcelRecordReader.CORRUPT,
                        "文件内部的XML带有DOCTYPE（实体）声明。Excel和WPS保存的工作簿从不包含它，它常被用来读取服务器上的文件或耗尽内存，为安全起见拒绝读取，其中的实体未被展开。请用Excel或WPS打开后重新保存，再上传。",
                        e);
            }
            if (t instanceof IndexOutOfBoundsException
                    && String.valueOf(t.getMessage()).contains(PAST_THE_END)) {
                return truncated(e);
            }
            if (t instanceof NotOfficeXmlFileException
                    || (t instanceof InvalidFormatException
                            && String.valueOf(t.getMessage()).contains(NO_CONTENT_TYPES))) {
                return notXlsx(e);
            }
            if (t instanceof NoSuchFileException) {
                return new PayloadException(PayloadException.READ_ERROR, "读取文件时出错：找不到文件 " + t.getMessage(), e);
            }
        }
        return new PayloadException(
                ExcelRecordReader.CORRUPT, "文件已损坏或不完整（可能上传时中断），无法按Excel工作簿读取（" + describe(e) + "）。请重新导出后上传。", e);
    }

    /** The file ends before its own structure says it does: the first part of a file, as an upload cut short leaves. */
    static PayloadException truncated(Throwable cause) {
        return new PayloadException(
                ExcelRecordReader.CORRUPT, "文件不完整：文件在中途结束，只有开头的一部分（多见于上传或复制时中断）。请重新导出后完整上传。", cause);
    }

    static PayloadException notXlsx(Throwable cause) {
        return new PayloadException(
                ExcelRecordReader.NOT_XLSX,
                "文件不是Excel工作簿（.xlsx）：内容是压缩包或其他格式（如WPS/OpenOffice的.ods、Word文档）改了扩展名。请在Excel或WPS中另存为“Excel工作簿（*.xlsx）”后重新上传。",
                cause);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : "：" + message);
    }
}
