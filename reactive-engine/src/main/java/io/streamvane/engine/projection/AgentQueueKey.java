package io.streamvane.engine.projection;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/** An agent_queue_interval row key (one agent on one queue and media type), sorted like {@code COLLATE "C"}. */
public record AgentQueueKey(String userId, String queueId, String mediaType, Instant intervalStart)
        implements Comparable<AgentQueueKey> {

    private static final Comparator<AgentQueueKey> ORDER = Comparator.comparing(AgentQueueKey::userId)
            .thenComparing(AgentQueueKey::queueId).thenComparing(AgentQueueKey::mediaType)
            .thenComparing(AgentQueueKey::intervalStart);

    public AgentQueueKey {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(queueId, "queueId");
        mediaType = mediaType == null ? QueueKey.UNKNOWN_MEDIA : mediaType;
        Objects.requireNonNull(intervalStart, "intervalStart");
    }

    @Override
    public int compareTo(AgentQueueKey o) {
        return ORDER.compare(this, o);
    }
}
