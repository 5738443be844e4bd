package io.streamvane.egress.intervals;

import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.IntervalComponents;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One agent's work on one queue and media type in a bucket: the components an agent's own events complete
 * ({@link io.streamvane.model.kpi.QueueMetric#byAgent()}; the others are 0), summed over the bucket's base rows.
 */
public record AgentQueueInterval(String userId, String queueId, String mediaType, Instant start, Instant end,
        Granularity granularity, ZoneId zone, IntervalComponents components, long revision, boolean isFinal) {
}
