package io.streamvane.model.kpi;

import java.util.Objects;

/**
 * An additive change to one bucket: the queue row is keyed (queueId, mediaType, interval), the agent row
 * (userId, interval); the ids may be null when the events never named them.
 */
public record SegmentDelta(String queueId, String mediaType, String userId, Interval interval,
        IntervalComponents components) {

    public SegmentDelta {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(components, "components");
    }

    public boolean sameTarget(SegmentDelta o) {
        return Objects.equals(queueId, o.queueId) && Objects.equals(mediaType, o.mediaType)
                && Objects.equals(userId, o.userId) && interval.equals(o.interval);
    }
}
