package io.huiju.transform.read.excel;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Turns a push parser (SAX, HSSF events) into a pull one: the parser runs on its own thread and blocks once
 * {@link #CAPACITY} items wait, so however big the sheet, only that many rows are in memory.
 */
final class RowPump implements AutoCloseable {

    static final int CAPACITY = 64;

    /** What the consumer takes: a {@link SheetRow}, or one of these markers. */
    record SheetStart(String name) {}

    record SheetEnd() {}

    record End() {}

    record Failed(Throwable cause) {}

    /** The parsing work; it calls {@link #put} for each item and may throw anything, which becomes {@link Failed}. */
    interface Producer {
        void run(RowPump pump) throws Exception;
    }

    /** Thrown into the parser to unwind it once the consumer has gone. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("reader closed", null, false, false);
        }
    }

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread thread;
    private volatile boolean stopped;

    RowPump(String name, Producer producer) {
        thread = new Thread(() -> run(producer), name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Producer producer) {
        try {
            producer.run(this);
            put(new End());
        } catch (Stopped e) {
            // the consumer closed us: nobody is waiting
        } catch (Throwable e) {
            try {
                put(new Failed(e));
            } catch (Stopped ignored) {
                // closed while failing
            }
        }
    }

    /** Waits for room, polling so that a closed consumer never leaves this thread blocked. */
    void put(Object item) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                checkStopped();
            }
            checkStopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    void checkStopped() {
        if (stopped) {
            throw new Stopped();
        }
    }

    Object take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            return new Failed(e);
        }
    }

    /** Stops the parser and waits briefly for it, so the caller can then close the file under it. */
    @Override
    public void close() {
        stopped = true;
        queue.clear();
        if (Thread.currentThread() != thread) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
