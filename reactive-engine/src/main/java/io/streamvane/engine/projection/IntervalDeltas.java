package io.streamvane.engine.projection;

import io.streamvane.model.kpi.AgentComponents;

import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.SegmentDelta;
import java.time.Instant;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The interval changes of one transaction, summed in memory per key before they are written, so each row is
 * upserted once per batch, in key order. Sorted maps give every writer the same lock order.
 */
public final class IntervalDeltas {

    private final NavigableMap<QueueKey, IntervalComponents> queue = new TreeMap<>();
    private final NavigableMap<AgentKey, AgentComponents> agent = new TreeMap<>();

    public void addQueue(QueueKey key, IntervalComponents components) {
        queue.merge(key, components, IntervalComponents::plus);
    }

    public void addAgent(AgentKey key, AgentComponents delta) {
        agent.merge(key, delta, AgentComponents::plus);
    }

    /** A segment delta lands on its queue row and on its agent row, when the events named them. */
    public void addSegment(SegmentDelta d) {
        Instant start = d.interval().start();
        if (d.queueId() != null) {
            addQueue(new QueueKey(d.queueId(), d.mediaType(), start), d.components());
        }
        if (d.userId() != null) {
            addAgent(new AgentKey(d.userId(), start), AgentComponents.ofHandle(d.components()));
        }
    }

    /** Non-zero queue deltas in key order. */
    public NavigableMap<QueueKey, IntervalComponents> queue() {
        NavigableMap<QueueKey, IntervalComponents> nonZero = new TreeMap<>(queue);
        nonZero.values().removeIf(IntervalComponents::isZero);
        return nonZero;
    }

    /** Non-zero agent deltas in key order. */
    public NavigableMap<AgentKey, AgentComponents> agent() {
        NavigableMap<AgentKey, AgentComponents> nonZero = new TreeMap<>(agent);
        nonZero.values().removeIf(AgentComponents::isZero);
        return nonZero;
    }
}
