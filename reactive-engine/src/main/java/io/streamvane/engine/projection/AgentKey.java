package io.streamvane.engine.projection;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/** An agent_interval row key, sorted like {@code COLLATE "C"}. */
public record AgentKey(String userId, Instant intervalStart) implements Comparable<AgentKey> {

    private static final Comparator<AgentKey> ORDER =
            Comparator.comparing(AgentKey::userId).thenComparing(AgentKey::intervalStart);

    public AgentKey {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(intervalStart, "intervalStart");
    }

    @Override
    public int compareTo(AgentKey o) {
        return ORDER.compare(this, o);
    }
}
