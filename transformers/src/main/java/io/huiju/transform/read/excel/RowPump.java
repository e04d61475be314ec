package io.huiju.transform.read.excel;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Turns a push parser (SAX, HSSF events) into a pull one: the parser runs on its own thread and blocks once
 * {@link #CAPACITY} chunks of up to {@link #CHUNK} rows wait, so however big the sheet, only a few hundred rows are in
 * memory. Rows cross between the threads in chunks, not one by one: handed over singly, each row woke the other
 * thread, which cost about a fifth of the .xlsx reader's CPU.
 */
final class RowPump implements AutoCloseable {

    static final int CAPACITY = 4;
    static final int CHUNK = 32;

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

    private final BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread thread;
    private volatile boolean stopped;
    /** The parser thread's chunk being filled. */
    private List<Object> filling = new ArrayList<>(CHUNK);
    /** The consumer's chunk being emptied. */
    private Iterator<Object> emptying = List.of().iterator();

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

    /** A marker goes at once, with the rows before it; rows wait until their chunk is full. */
    void put(Object item) {
        filling.add(item);
        if (filling.size() >= CHUNK || !(item instanceof SheetRow)) {
            List<Object> chunk = filling;
            filling = new ArrayList<>(CHUNK);
            hand(chunk);
        }
    }

    /** Waits for room, polling so that a closed consumer never leaves this thread blocked. */
    private void hand(List<Object> chunk) {
        try {
            while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
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
            if (!emptying.hasNext()) {
                emptying = queue.take().iterator();
            }
            return emptying.next();
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
