package io.streamvane.simulator.truth;

import io.streamvane.simulator.model.SimEvent;
import io.streamvane.simulator.model.SimulationOutput;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What each agent's time in routing status and in system presence must come out as, per base bucket: every state
 * from its change in the model to the agent's next change, the current one up to a horizon. Built from the model's
 * state changes, never from emitted payloads. Keys are the Genesys user-aggregate stat and qualifier, e.g.
 * {@code tAgentRoutingStatus|IDLE}, {@code tSystemPresence|ON_QUEUE}.
 */
public final class AgentTimeInState {

    private record Change(long atMs, String key) {
    }

    private static final Granularity BASE = Granularity.PT15M;

    private final Map<String, List<Change>> changes = new TreeMap<>();

    private AgentTimeInState() {
    }

    public static AgentTimeInState from(SimulationOutput output) {
        AgentTimeInState truth = new AgentTimeInState();
        for (SimEvent e : output.events()) {
            if (e instanceof SimEvent.AgentStatusChanged a) {
                if (a.routingChanged()) {
                    truth.add(a.userId() + "|R", a.routingSinceMs(), "tAgentRoutingStatus|" + a.routingStatus().name());
                }
                if (a.presenceChanged()) {
                    truth.add(a.userId() + "|P", a.presenceSinceMs(), "tSystemPresence|" + a.presence().name());
                }
            }
        }
        return truth;
    }

    private void add(String timeline, long atMs, String key) {
        changes.computeIfAbsent(timeline, t -> new ArrayList<>()).add(new Change(atMs, key));
    }

    /** Time in each state per agent and bucket, the last state of each agent counted up to {@code horizon}. */
    public NavigableMap<AgentBucket, Map<String, Long>> until(Instant horizon) {
        NavigableMap<AgentBucket, Map<String, Long>> out = new TreeMap<>();
        long end = horizon.toEpochMilli();
        changes.forEach((timeline, list) -> {
            String userId = timeline.substring(0, timeline.length() - 2);
            list.sort((x, y) -> Long.compare(x.atMs(), y.atMs()));
            for (int i = 0; i < list.size(); i++) {
                long from = list.get(i).atMs();
                long to = Math.min(end, i + 1 < list.size() ? list.get(i + 1).atMs() : end);
                for (long t = from; t < to; ) {
                    Instant bucket = BASE.floor(t);
                    long cut = Math.min(to, bucket.plus(BASE.length()).toEpochMilli());
                    out.computeIfAbsent(new AgentBucket(userId, bucket), b -> new HashMap<>())
                            .merge(list.get(i).key(), cut - t, Long::sum);
                    t = cut;
                }
            }
        });
        return out;
    }
}
