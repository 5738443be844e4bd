package io.streamvane.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.simulator.model.SimulationConfig;
import io.streamvane.simulator.truth.QueueComponents;
import io.streamvane.simulator.truth.QueueMediaKey;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class ConservationPropertiesTest {

    @Property(tries = 25)
    void anySeedLoadAndWindowDrainsAndConserves(@ForAll long seed, @ForAll @DoubleRange(min = 0.2, max = 4) double load,
                                                @ForAll @IntRange(min = 0, max = 23) int startHour) {
        SimulationConfig config = SimulationConfig.defaults().withSeed(seed).withArrivalRateScale(load)
                .withWindow(SimulationConfig.DEFAULT_START.plus(Duration.ofHours(startHour)), Duration.ofHours(1));
        Simulator run = Simulator.run(config);
        assertThat(run.groundTruth().stillWaitingAtEnd()).isZero();
        for (QueueMediaKey key : run.groundTruth().queueMedia()) {
            QueueComponents total = run.groundTruth().queueTotal(key.queueId(), key.mediaType());
            assertThat(total.offered()).isEqualTo(total.completed());
            assertThat(total.answeredWithinSl()).isLessThanOrEqualTo(total.answered());
            assertThat(total.shortAbandoned()).isLessThanOrEqualTo(total.abandoned());
            assertThat(total.handleMs()).isEqualTo(total.talkMs() + total.holdMs() + total.acwMs());
        }
        SpecRecompute recomputed = SpecRecompute.of(config, Runs.read(run.messages()).events);
        assertThat(recomputed.queues).isEqualTo(run.groundTruth().queueBuckets());
    }
}
