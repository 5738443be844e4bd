package io.streamvane.model.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How folding one event into an {@link AgentSegment} changes the buckets: the old contribution is retracted from
 * the bucket of the old completion time and the new one added to the bucket of the new completion time. Applying
 * the moves of all events, in any order, leaves the buckets holding exactly the final contribution in the final
 * completion bucket.
 *
 * @param retraction the negated old contribution at its old bucket; null when the segment had not completed
 * @param addition   the new contribution at its bucket; null when the segment has not completed
 */
public record SegmentMove(SegmentDelta retraction, SegmentDelta addition) {

    /**
     * @param before the segment before the event, or null for the first event of its key
     * @param after  the segment after the event
     * @param base   the granularity buckets are stored in
     */
    public static SegmentMove between(AgentSegment before, AgentSegment after, Granularity base) {
        Objects.requireNonNull(after, "after");
        if (before != null && !before.key().equals(after.key())) {
            throw new IllegalArgumentException("segments differ: " + before.key() + " vs " + after.key());
        }
        SegmentDelta retraction = before == null ? null : placed(before, before.contribution().negate(), base);
        return new SegmentMove(retraction, placed(after, after.contribution(), base));
    }

    /**
     * The deltas to apply, zero ones dropped; when retraction and addition hit the same bucket they are merged into
     * one, so a move within a bucket is a single write.
     */
    public List<SegmentDelta> deltas() {
        List<SegmentDelta> deltas = new ArrayList<>(2);
        if (retraction != null && addition != null && retraction.sameTarget(addition)) {
            deltas.add(new SegmentDelta(addition.queueId(), addition.mediaType(), addition.userId(),
                    addition.interval(), retraction.components().plus(addition.components())));
        } else {
            if (retraction != null) {
                deltas.add(retraction);
            }
            if (addition != null) {
                deltas.add(addition);
            }
        }
        deltas.removeIf(d -> d.components().isZero());
        return List.copyOf(deltas);
    }

    private static SegmentDelta placed(AgentSegment s, IntervalComponents components, Granularity base) {
        if (s.completedAt() == null) {
            return null;
        }
        return new SegmentDelta(s.queueId(), s.mediaType(), s.userId(), Interval.of(s.completedAt(), base),
                components);
    }
}
