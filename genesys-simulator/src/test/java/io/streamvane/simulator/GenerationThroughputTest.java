package io.streamvane.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.simulator.faults.FaultConfig;
import io.streamvane.simulator.model.SimulationConfig;
import io.streamvane.simulator.sink.CollectingEventSink;
import io.streamvane.simulator.sink.Pacing;
import io.streamvane.simulator.sink.PublishStats;
import org.junit.jupiter.api.Test;

/** Reports how fast events are generated (model + payloads + envelopes + faults + JSON); asserts nothing on time. */
class GenerationThroughputTest {

    @Test
    void reportsEventsPerSecondGeneratedAsFastAsPossible() {
        SimulationConfig config = SimulationConfig.defaults().withArrivalRateScale(3);
        EmissionConfig emission = EmissionConfig.defaults().withFaults(FaultConfig.typical());
        Simulator run = null;
        long nanos = 0;
        for (int i = 0; i < 3; i++) { // the first runs warm up the JIT
            long t0 = System.nanoTime();
            run = Simulator.run(config, emission);
            nanos = System.nanoTime() - t0;
        }
        PublishStats published = run.publish(new CollectingEventSink(), Pacing.asFastAsPossible());
        double eventsPerSecond = run.events().size() * 1e9 / nanos;
        System.out.printf("[simulator] %d events, %d messages, %d conversations generated in %.0f ms: %.0f events/s;"
                        + " published to memory at %.0f deliveries/s%n", run.events().size(), run.messages().size(),
                run.output().conversations(), nanos / 1e6, eventsPerSecond, published.deliveriesPerSecond());
        assertThat(run.events()).isNotEmpty();
    }
}
