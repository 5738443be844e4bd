package io.streamvane.engine.projection;

import io.streamvane.model.kpi.AgentComponents;

import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.QueueMetric;
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
    private final NavigableMap<AgentQueueKey, IntervalComponents> agentQueue = new TreeMap<>();

    public void addQueue(QueueKey key, IntervalComponents components) {
        queue.merge(key, components, IntervalComponents::plus);
    }

    public void addAgent(AgentKey key, AgentComponents delta) {
        agent.merge(key, delta, AgentComponents::plus);
    }

    /** Only the components an agent's own events complete ({@link QueueMetric#byAgent()}) reach this row. */
    public void addAgentQueue(AgentQueueKey key, IntervalComponents components) {
        agentQueue.merge(key, components, IntervalComponents::plus);
    }

    public void addSegment(SegmentDelta d) {
        addContribution(d.queueId(), d.mediaType(), d.userId(), d.interval().start(), d.components());
    }

    /**
     * What an agent's event contributes lands on its queue row, its agent row and its agent × queue row, each when
     * the events named its key.
     */
    public void addContribution(String queueId, String mediaType, String userId, Instant bucket,
            IntervalComponents components) {
        if (queueId != null) {
            addQueue(new QueueKey(queueId, mediaType, bucket), components);
        }
        if (userId != null) {
            addAgent(new AgentKey(userId, bucket), AgentComponents.ofHandle(components));
        }
        if (queueId != null && userId != null) {
            addAgentQueue(new AgentQueueKey(userId, queueId, mediaType, bucket), components);
        }
    }

    /** Non-zero queue deltas in key order. */
    public NavigableMap<QueueKey, IntervalComponents> queue() {
        NavigableMap<QueueKey, IntervalComponents> nonZero = new TreeMap<>(queue);
        nonZero.values().removeIf(IntervalComponents::isZero);
        return nonZero;
    }

    /** Non-zero agent × queue deltas in key order. */
    public NavigableMap<AgentQueueKey, IntervalComponents> agentQueue() {
        NavigableMap<AgentQueueKey, IntervalComponents> nonZero = new TreeMap<>(agentQueue);
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
