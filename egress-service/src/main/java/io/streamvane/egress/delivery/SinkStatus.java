package io.streamvane.egress.delivery;

import io.streamvane.model.kpi.Granularity;
import java.time.Instant;

/**
 * A push sink as the admin API shows it: its shape and its outbox, {@code oldestPending} null when nothing waits.
 *
 * @param changesNotTakenOver change-log rows past the sink's cursor
 */
record SinkStatus(String name, Granularity granularity, boolean finalOnly, long pending, long deadLettered,
        Instant oldestPending, long changesNotTakenOver) {

    static SinkStatus of(Sink sink, DeliveryStore.Stats stats) {
        return new SinkStatus(sink.name(), sink.shape().granularity(), sink.shape().finalOnly(), stats.pending(),
                stats.deadLettered(), stats.oldestPending(), stats.untaken());
    }
}
