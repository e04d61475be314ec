package io.huiju.transform.read.excel;

import io.huiju.transform.read.PayloadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * What the first bytes say the file is, before any parser sees it: departments rename files freely, and each wrong
 * format needs its own advice.
 */
final class FileCheck {

    /** A zip archive: .xlsx, but also .ods, .docx or any zip. */
    enum Kind {
        ZIP,
        OLE2,
        EMPTY,
        OTHER
    }

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };

    private FileCheck() {}

    static Kind kind(Path file) throws PayloadException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(OLE2.length);
        } catch (IOException e) {
            throw new PayloadException(PayloadException.READ_ERROR, "读取文件时出错：" + e.getMessage(), e);
        }
        if (head.length == 0) {
            throw new PayloadException(PayloadException.EMPTY_FILE, "文件为空（0字节），没有表头和数据。请确认导出成功后重新上传。");
        }
        if (startsWith(head, ZIP)) {
            return Kind.ZIP;
        }
        return startsWith(head, OLE2) ? Kind.OLE2 : Kind.OTHER;
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Opens an OLE2 container read-only; it is memory-mapped, not loaded. */
    static POIFSFileSystem openOle2(Path file) throws PayloadException {
        try {
            return new POIFSFileSystem(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw Failures.of(e);
        }
    }

    /** Excel saves a password-protected .xlsx (and .xls of Office 2007+ encryption) as OLE2 with this stream. */
    static boolean isEncrypted(DirectoryNode root) {
        return root.hasEntry("EncryptionInfo");
    }

    static void closeQuietly(AutoCloseable closeable, Exception failure) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
