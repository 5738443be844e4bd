package io.streamvane.simulator.api;

import io.streamvane.simulator.Simulator;
import io.streamvane.simulator.model.SimulationConfig;

/** The default simulated day, computed once per JVM for the API tests. */
final class SharedRun {

    private static Simulator day;

    private SharedRun() {
    }

    static synchronized Simulator day() {
        if (day == null) {
            day = Simulator.run(SimulationConfig.defaults());
        }
        return day;
    }
}
