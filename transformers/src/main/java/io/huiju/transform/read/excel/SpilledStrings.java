package io.huiju.transform.read.excel;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A shared strings table too big for the heap: the texts as UTF-8 in one temporary file, where each starts in another,
 * both mapped into memory. The operating system pages them in and out as the sheet needs them; the heap holds only
 * the mappings. The files are deleted as soon as they are mapped (on Linux a mapping outlives its file), so nothing
 * is left behind even if the reader is never closed; the mappings go when they are collected.
 */
final class SpilledStrings {

    /** Mappings of at most 1 GiB each, so that files beyond 2 GiB map too. A multiple of 8: offsets never straddle. */
    private static final int CHUNK = 1 << 30;

    private final Mapped texts;
    private final Mapped starts;
    private final int size;
    private byte[] buffer = new byte[256];

    private SpilledStrings(Mapped texts, Mapped starts, int size) {
        this.texts = texts;
        this.starts = starts;
        this.size = size;
    }

    static Writer writer() throws IOException {
        return new Writer();
    }

    int size() {
        return size;
    }

    String get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("shared string " + index + " of a table of " + size + " strings");
        }
        long from = starts.getLong(8L * index);
        long to = starts.getLong(8L * (index + 1));
        int length = Math.toIntExact(to - from);
        if (buffer.length < length) {
            buffer = new byte[Math.max(length, buffer.length * 2)];
        }
        texts.get(from, buffer, length);
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }

    void close() {
        texts.release();
        starts.release();
    }

    /** Writes the two files; {@link #finish()} maps them. */
    static final class Writer {
        private final Path textFile;
        private final Path startFile;
        private final OutputStream texts;
        private final DataOutputStream starts;
        private long written;
        private int count;

        private Writer() throws IOException {
            textFile = Files.createTempFile("huiju-shared-strings-", ".txt");
            startFile = Files.createTempFile("huiju-shared-strings-", ".idx");
            texts = new BufferedOutputStream(Files.newOutputStream(textFile), 1 << 16);
            starts = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(startFile), 1 << 16));
            starts.writeLong(0);
        }

        void add(String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            texts.write(bytes);
            written += bytes.length;
            starts.writeLong(written);
            count++;
        }

        SpilledStrings finish() throws IOException {
            try {
                texts.close();
                starts.close();
                return new SpilledStrings(Mapped.of(textFile), Mapped.of(startFile), count);
            } finally {
                deleteQuietly();
            }
        }

        void abandon() {
            try {
                texts.close();
                starts.close();
            } catch (IOException ignored) {
                // the files are deleted next
            }
            deleteQuietly();
        }

        private void deleteQuietly() {
            for (Path file : new Path[] {textFile, startFile}) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    file.toFile().deleteOnExit();
                }
            }
        }
    }

    /** A read-only file mapped in chunks. */
    private static final class Mapped {
        private ByteBuffer[] chunks;

        private Mapped(ByteBuffer[] chunks) {
            this.chunks = chunks;
        }

        static Mapped of(Path file) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = channel.size();
                MappedByteBuffer[] chunks = new MappedByteBuffer[(int) Math.max(1, (size + CHUNK - 1) / CHUNK)];
                for (int i = 0; i < chunks.length; i++) {
                    long from = (long) i * CHUNK;
                    chunks[i] = channel.map(FileChannel.MapMode.READ_ONLY, from, Math.min(CHUNK, size - from));
                }
                return new Mapped(chunks);
            }
        }

        long getLong(long position) {
            return chunks[(int) (position / CHUNK)].getLong((int) (position % CHUNK));
        }

        void get(long position, byte[] into, int length) {
            int done = 0;
            while (done < length) {
                long at = position + done;
                ByteBuffer chunk = chunks[(int) (at / CHUNK)];
                int offset = (int) (at % CHUNK);
                int n = Math.min(length - done, chunk.limit() - offset);
                chunk.get(offset, into, done, n);
                done += n;
            }
        }

        /** The mapping itself goes when the buffers are collected; Java has no public way to unmap sooner. */
        void release() {
            chunks = new ByteBuffer[0];
        }
    }
}
