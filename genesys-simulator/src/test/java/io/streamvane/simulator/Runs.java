package io.streamvane.simulator;

import io.streamvane.simulator.events.ScheduledMessage;
import io.streamvane.simulator.faults.FaultConfig;
import io.streamvane.simulator.model.SimulationConfig;
import java.util.List;

/** Simulated days shared by tests, computed once per JVM because a day takes a moment. */
final class Runs {

    private static Simulator clean;
    private static Simulator faulty;

    private Runs() {
    }

    static synchronized Simulator cleanDay() {
        if (clean == null) {
            clean = Simulator.run(SimulationConfig.defaults());
        }
        return clean;
    }

    /** Heavier fault rates than typical so that rates can be measured with a tight tolerance. */
    static synchronized Simulator faultyDay() {
        if (faulty == null) {
            FaultConfig faults = new FaultConfig(0.05, java.time.Duration.ofSeconds(30), 0.03,
                    java.time.Duration.ofMinutes(10), null, java.time.Duration.ZERO, 0.02);
            faulty = Simulator.run(SimulationConfig.defaults(), EmissionConfig.defaults().withFaults(faults));
        }
        return faulty;
    }

    static EnvelopeReader read(List<ScheduledMessage> messages) {
        EnvelopeReader reader = new EnvelopeReader();
        messages.forEach(m -> reader.read(m.message().json()));
        return reader;
    }
}
