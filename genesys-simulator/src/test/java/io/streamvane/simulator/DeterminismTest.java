package io.streamvane.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.simulator.events.ScheduledMessage;
import io.streamvane.simulator.faults.FaultConfig;
import io.streamvane.simulator.model.SimulationConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {

    private static final SimulationConfig FOUR_HOURS = SimulationConfig.defaults()
            .withWindow(SimulationConfig.DEFAULT_START.plus(Duration.ofHours(8)), Duration.ofHours(4));

    private static List<String> wire(Simulator run) {
        return run.messages().stream().map(m -> m.sendAtMs() + " " + m.message().json()).toList();
    }

    @Test
    void theSameSeedGivesByteIdenticalOutputAndTruth() {
        EmissionConfig emission = EmissionConfig.defaults().withFaults(FaultConfig.typical());
        Simulator first = Simulator.run(FOUR_HOURS, emission);
        Simulator second = Simulator.run(FOUR_HOURS, emission);
        assertThat(wire(first)).isNotEmpty().isEqualTo(wire(second));
        assertThat(first.groundTruth().queueBuckets()).isEqualTo(second.groundTruth().queueBuckets());
        assertThat(first.faultReport()).isEqualTo(second.faultReport());
    }

    @Test
    void anotherSeedGivesAnotherDay() {
        Simulator first = Simulator.run(FOUR_HOURS);
        Simulator other = Simulator.run(FOUR_HOURS.withSeed(7));
        assertThat(wire(first)).isNotEqualTo(wire(other));
    }

    @Test
    void changingFaultsOrEnvelopesLeavesTheSimulatedDayAlone() {
        Simulator clean = Simulator.run(FOUR_HOURS);
        Simulator faulty = Simulator.run(FOUR_HOURS, EmissionConfig.defaults().withFaults(FaultConfig.typical()));
        assertThat(faulty.groundTruth().queueBuckets()).isEqualTo(clean.groundTruth().queueBuckets());
        assertThat(faulty.events().stream().map(e -> e.semanticKey()).toList())
                .isEqualTo(clean.events().stream().map(e -> e.semanticKey()).toList());
        assertThat(clean.messages()).extracting(ScheduledMessage::sendAtMs).isSorted();
        assertThat(faulty.messages()).extracting(ScheduledMessage::sendAtMs).isSorted();
    }
}
