package io.streamvane.simulator.truth;

import java.time.Instant;
import java.util.Comparator;

/** A base (15-minute) bucket of one agent. */
public record AgentBucket(String userId, Instant intervalStart) implements Comparable<AgentBucket> {

    private static final Comparator<AgentBucket> ORDER =
            Comparator.comparing(AgentBucket::userId).thenComparing(AgentBucket::intervalStart);

    @Override
    public int compareTo(AgentBucket other) {
        return ORDER.compare(this, other);
    }
}
