package io.streamvane.simulator.truth;

import java.time.Instant;
import java.util.Comparator;

/** A base (15-minute) bucket of one queue and media type; mediaType is lower case. */
public record QueueBucket(String queueId, String mediaType, Instant intervalStart) implements Comparable<QueueBucket> {

    private static final Comparator<QueueBucket> ORDER = Comparator.comparing(QueueBucket::queueId)
            .thenComparing(QueueBucket::mediaType).thenComparing(QueueBucket::intervalStart);

    @Override
    public int compareTo(QueueBucket other) {
        return ORDER.compare(this, other);
    }
}
