package io.streamvane.egress.intervals;

import io.streamvane.model.kpi.AgentComponents;
import io.streamvane.model.kpi.Granularity;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One agent bucket as every surface reads it: the sum of its base rows' components, the sum of their revisions
 * (grows with any change), finality by the shared rule, and whether any base row is stored inside it.
 */
public record AgentInterval(String userId, Instant start, Instant end, Granularity granularity, ZoneId zone,
        AgentComponents components, long revision, boolean isFinal, boolean stored) {
}
