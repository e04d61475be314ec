package io.huiju.hub.store;

/** Counts of one batch, added to its payload's receipt in the batch's own transaction. */
public record Tally(int received, int stored, int unchanged, int rejected, int conflicts) {

    public static final Tally ZERO = new Tally(0, 0, 0, 0, 0);

    public Tally plus(Tally o) {
        return new Tally(
                received + o.received,
                stored + o.stored,
                unchanged + o.unchanged,
                rejected + o.rejected,
                conflicts + o.conflicts);
    }
}
