package io.streamvane.ingress.guard;

import io.streamvane.model.store.RawEvent;
import io.streamvane.model.store.RawEventInsert;
import io.streamvane.model.store.StoreOutcome;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Writes accepted events durably, once: in ONE transaction, the shared-model {@link RawEventInsert} stores new
 * events in {@code raw_event} (semantic dedup by identity) with an {@code engine_inbox} row each, and the source's
 * watermark advances; then commit.
 *
 * <p>Callers pass events without duplicates among themselves and sorted by digest, so concurrent writers of
 * overlapping batches take row locks in the same order and do not deadlock.
 */
public final class RawEventStore {

    private final DataSource dataSource;
    private final WatermarkTracker watermarks;

    public RawEventStore(DataSource dataSource, WatermarkTracker watermarks) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.watermarks = Objects.requireNonNull(watermarks, "watermarks");
    }

    /**
     * Stores the events for {@code source} and commits; returns only once they are durable.
     *
     * @param events distinct by (digest, event time); best sorted by digest
     * @throws SQLException nothing was committed
     */
    public StoreOutcome store(List<RawEvent> events, String source) throws SQLException {
        if (events.isEmpty()) {
            return new StoreOutcome(0, new BitSet(), new BitSet());
        }
        Instant maxKnownEventTime = events.stream().filter(RawEvent::eventTimeKnown).map(RawEvent::eventTime)
                .max(Instant::compareTo).map(watermarks::counted).orElse(null);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                StoreOutcome outcome = RawEventInsert.run(connection, events, source);
                if (maxKnownEventTime != null && outcome.insertedCount() > 0) {
                    watermarks.advance(connection, source, maxKnownEventTime);
                }
                connection.commit();
                if (maxKnownEventTime != null && outcome.insertedCount() > 0) {
                    watermarks.advanced(source, maxKnownEventTime);
                }
                return outcome;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                restoreAutoCommit(connection, autoCommit);
            }
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException ignored) {
            // The connection is broken; the pool discards it.
        }
    }
}
