package io.huiju.transform.read.excel;

import io.huiju.transform.read.PayloadException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
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

    // The end-of-central-directory record: its signature, and how far from the end it can be (22 bytes + a comment).
    private static final byte[] ZIP_END = {'P', 'K', 5, 6};
    private static final int ZIP_END_MAX_DISTANCE = 22 + 0xFFFF;

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
        return matchesAt(head, 0, magic);
    }

    private static boolean matchesAt(byte[] bytes, int at, byte[] magic) {
        if (bytes.length - at < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[at + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A zip's directory is at its end, so a file cut short has none. POI would then fall back to reading every entry
     * into memory before it fails; a look at the last bytes catches it first, with its own reason.
     */
    static void requireZipEnd(Path file) throws PayloadException {
        byte[] tail;
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            int length = (int) Math.min(channel.size(), ZIP_END_MAX_DISTANCE);
            ByteBuffer buffer = ByteBuffer.allocate(length);
            channel.position(channel.size() - length);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // read the whole tail
            }
            tail = buffer.array();
        } catch (IOException e) {
            throw new PayloadException(PayloadException.READ_ERROR, "读取文件时出错：" + e.getMessage(), e);
        }
        for (int at = tail.length - 22; at >= 0; at--) {
            if (matchesAt(tail, at, ZIP_END)) {
                return;
            }
        }
        throw Failures.truncated(null);
    }

    /** Opens an OLE2 container read-only; it is memory-mapped, not loaded. */
    static POIFSFileSystem openOle2(Path file) throws PayloadException {
        try {
            return new POIFSFileSystem(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            throw Failures.of(e);
        }
    }

    /**
     * Whether an OLE2 file is a legacy workbook that {@link XlsRecordReader} reads: it has a Workbook stream and no
     * EncryptionInfo (which would make it an encrypted .xlsx). An .xls with a password still is one: its encryption is
     * inside the Workbook stream, and the reader says so.
     */
    static boolean isXlsWorkbook(Path file) throws PayloadException {
        try (POIFSFileSystem fs = openOle2(file)) {
            DirectoryNode root = fs.getRoot();
            return !isEncrypted(root) && (root.hasEntry("Workbook") || root.hasEntry("WORKBOOK"));
        } catch (IOException e) {
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
