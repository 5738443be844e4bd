package io.streamvane.engine.projection;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A queue_interval row key. Sorted like {@code COLLATE "C"} sorts it in SQL, so every writer locks rows in one order.
 * A missing media type is stored as {@link #UNKNOWN_MEDIA} because the column is NOT NULL.
 */
public record QueueKey(String queueId, String mediaType, Instant intervalStart) implements Comparable<QueueKey> {

    public static final String UNKNOWN_MEDIA = "unknown";

    private static final Comparator<QueueKey> ORDER = Comparator.comparing(QueueKey::queueId)
            .thenComparing(QueueKey::mediaType).thenComparing(QueueKey::intervalStart);

    public QueueKey {
        Objects.requireNonNull(queueId, "queueId");
        mediaType = mediaType == null ? UNKNOWN_MEDIA : mediaType;
        Objects.requireNonNull(intervalStart, "intervalStart");
    }

    @Override
    public int compareTo(QueueKey o) {
        return ORDER.compare(this, o);
    }
}
