package io.streamvane.scheduler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.simulator.faults.FaultConfig;
import io.streamvane.simulator.truth.AgentBucket;
import io.streamvane.simulator.truth.AgentTimeInState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Time in routing status and in presence per agent and interval, engine against the model's truth: every agent,
 * every interval of the day (not only where its events landed), whatever the order, duplicates and worker count.
 */
class AgentTimeInStateEndToEndTest {

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
}
