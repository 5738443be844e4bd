package io.streamvane.ingress.guard;

import io.streamvane.model.store.RawEvent;
import io.streamvane.model.store.RawEventInsert;
import io.streamvane.model.store.StoreFailure;
import io.streamvane.model.store.StoreOutcome;
import io.streamvane.model.store.Transactions;
import java.sql.SQLException;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Writes accepted events durably, once: in ONE transaction, the shared-model {@link RawEventInsert} stores new
 * events in {@code raw_event} (semantic dedup by identity) with an {@code engine_inbox} row each, and the source's
 * watermark advances; then commit. A deadlock or serialization failure redoes the whole transaction
 * ({@link Transactions}).
 *
 * <p>Callers pass events without duplicates among themselves and sorted by digest, so concurrent writers of
 * overlapping batches take row locks in the same order and do not deadlock.
 */
public final class RawEventStore {

    /** Tries per batch: a lost race is redone twice before the caller hears of it. */
    private static final int ATTEMPTS = 3;

    private final Transactions transactions;
    private final WatermarkTracker watermarks;

    public RawEventStore(DataSource dataSource, WatermarkTracker watermarks) {
        this.transactions = new Transactions(Objects.requireNonNull(dataSource, "dataSource"), ATTEMPTS);
        this.watermarks = Objects.requireNonNull(watermarks, "watermarks");
    }

    /**
     * Stores the events for {@code source} and commits; returns only once they are durable.
     *
     * @param events distinct by (digest, event time); best sorted by digest
     * @throws SQLException nothing was committed; a deadlock or serialization failure only after the third attempt
     *                      (see {@link StoreFailure})
     */
    public StoreOutcome store(List<RawEvent> events, String source) throws SQLException {
        if (events.isEmpty()) {
            return new StoreOutcome(0, new BitSet(), new BitSet());
        }
        Instant maxKnownEventTime = events.stream().filter(RawEvent::eventTimeKnown).map(RawEvent::eventTime)
                .max(Instant::compareTo).map(watermarks::counted).orElse(null);
        StoreOutcome outcome = transactions.inTransaction(c -> {
            StoreOutcome inserted = RawEventInsert.run(c, events, source);
            if (maxKnownEventTime != null && inserted.insertedCount() > 0) {
                watermarks.advance(c, source, maxKnownEventTime);
            }
            return inserted;
        });
        if (maxKnownEventTime != null && outcome.insertedCount() > 0) {
            watermarks.advanced(source, maxKnownEventTime);
        }
        return outcome;
    }
}
