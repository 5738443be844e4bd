package io.streamvane.model.store;

import java.util.BitSet;

/**
 * What one {@link RawEventInsert} did, by position in the list it was given.
 *
 * @param inserted which events were new (the others were already stored: duplicates)
 * @param late     which of the new events arrived behind their source's watermark
 */
public record StoreOutcome(int size, BitSet inserted, BitSet late) {

    public StoreOutcome {
        inserted = (BitSet) inserted.clone();
        late = (BitSet) late.clone();
    }

    public int insertedCount() {
        return inserted.cardinality();
    }

    public int duplicateCount() {
        return size - inserted.cardinality();
    }

    public int lateCount() {
        return late.cardinality();
    }

    public boolean isInserted(int position) {
        return inserted.get(position);
    }
}
