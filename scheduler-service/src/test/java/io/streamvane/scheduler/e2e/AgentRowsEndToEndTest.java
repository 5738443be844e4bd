package io.streamvane.scheduler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.model.kpi.QueueMetric;
import io.streamvane.simulator.faults.FaultConfig;
import io.streamvane.simulator.truth.AgentBucket;
import io.streamvane.simulator.truth.AgentTimeInState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Agent rows end to end on a simulated day: time in routing status and in presence per agent and interval against
 * the model's truth (every agent, every interval, not only where its events landed, whatever the order, duplicates
 * and worker count), and the agent × queue rows against the queue and agent rows they split.
 */
class AgentRowsEndToEndTest {

    @ParameterizedTest(name = "seed {0}, duplicated {1}, {2} worker(s)")
    @CsvSource({"1, false, 1", "7, true, 2"})
    void everyAgentIntervalEqualsTheModelAfterAShuffledDay(long seed, boolean duplicate, int workers)
            throws Exception {
        SimulatedDay day = new SimulatedDay(FaultConfig.none());
        day.ingestShuffledAndProject(seed, duplicate, workers);
        Instant horizon = day.endOfAgentData();
        Map<AgentBucket, Map<String, Long>> truth = AgentTimeInState.from(day.run.output()).until(horizon);
        Map<AgentBucket, Map<String, Long>> stored = day.storedTimeInState();

        TreeSet<AgentBucket> keys = new TreeSet<>(truth.keySet());
        keys.addAll(stored.keySet());
        List<String> unequal = new ArrayList<>();
        for (AgentBucket key : keys) {
            if (!truth.getOrDefault(key, Map.of()).equals(stored.getOrDefault(key, Map.of()))) {
                unequal.add(key + ": truth " + truth.get(key) + ", stored " + stored.get(key));
            }
        }
        System.out.printf("agent time in state, seed %d, duplicated %s, %d worker(s): %d of %d agent rows equal%n",
                seed, duplicate, workers, keys.size() - unequal.size(), keys.size());
        // 16 agents from the run's start to the horizon, one row each per 15 minutes.
        assertThat(keys).hasSizeGreaterThan(16 * 12);
        assertThat(unequal).isEmpty();
    }

    /**
     * Every component an agent's own events complete is also counted per agent, queue and media: summed over the
     * agents it is the queue row's, summed over the queues it is the agent row's (every simulated segment and alert
     * names both its agent and its queue).
     */
    @Test
    void agentQueueRowsAddUpToTheQueueRowsAndToTheAgentRows() throws Exception {
        SimulatedDay day = new SimulatedDay(FaultConfig.none());
        day.ingestShuffledAndProject(3, true, 2);
        String columns = QueueMetric.agentComponents().stream().map(m -> "sum(" + m.column() + ")::bigint AS "
                + m.column()).collect(Collectors.joining(", "));
        String plain = QueueMetric.agentComponents().stream().map(QueueMetric::column)
                .collect(Collectors.joining(", "));
        List<Map<String, Object>> byQueue = day.store.jdbc.queryForList("SELECT queue_id, media_type, interval_start, "
                + columns + " FROM agent_queue_interval GROUP BY 1, 2, 3 ORDER BY 1, 2, 3");
        List<Map<String, Object>> queueRows = day.store.jdbc.queryForList("SELECT queue_id, media_type, "
                + "interval_start, " + plain + " FROM queue_interval WHERE handled + alerts + transferred > 0 "
                + "ORDER BY 1, 2, 3");
        assertThat(byQueue).hasSizeGreaterThan(20).isEqualTo(queueRows);

        List<Map<String, Object>> byAgent = day.store.jdbc.queryForList("SELECT user_id, interval_start, "
                + "sum(handled)::bigint AS handled, sum(handle_ms)::bigint AS handle_ms, sum(talk_ms)::bigint AS "
                + "talk_ms, sum(hold_ms)::bigint AS hold_ms, sum(acw_ms)::bigint AS acw_ms FROM agent_queue_interval "
                + "GROUP BY 1, 2 HAVING sum(handled) + sum(handle_ms) > 0 ORDER BY 1, 2");
        List<Map<String, Object>> agentRows = day.store.jdbc.queryForList("SELECT user_id, interval_start, handled, "
                + "handle_ms, talk_ms, hold_ms, acw_ms FROM agent_interval WHERE handled + handle_ms > 0 ORDER BY 1, 2");
        assertThat(byAgent).hasSizeGreaterThan(20).isEqualTo(agentRows);
        System.out.printf("agent x queue rows: %d queue rows and %d agent rows equal their sums%n", queueRows.size(),
                agentRows.size());
    }
}
