package io.huiju.transform.read;

import io.huiju.transform.RawRecord;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The iterator half of a streaming reader: one record read ahead, so {@code hasNext} can answer. A reader supplies
 * {@link #advance} and calls {@link #finish} when nothing may follow the record it returns (an unreadable rest).
 */
public abstract class ReadAhead implements Iterator<RawRecord> {

    private RawRecord next;
    private boolean finished;

    /** The next record, or null at the end. */
    protected abstract RawRecord advance();

    /** No record after the one being returned (or none at all); on close, not even one read ahead. */
    protected final void finish() {
        finished = true;
        next = null;
    }

    @Override
    public final boolean hasNext() {
        if (next == null && !finished) {
            next = advance();
            if (next == null) {
                finished = true;
            }
        }
        return next != null;
    }

    @Override
    public final RawRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        RawRecord record = next;
        next = null;
        return record;
    }
}
