package io.streamvane.simulator.model;

import java.util.List;

/**
 * A finished simulation: the events in event-time order, the outcomes, and how many contacts were still waiting
 * when it stopped (zero when the model drained, which it always does because every wait is bounded).
 */
public record SimulationOutput(List<SimEvent> events, List<Outcome> outcomes, int conversations,
                               int stillWaitingAtEnd) {

    public SimulationOutput {
        events = List.copyOf(events);
        outcomes = List.copyOf(outcomes);
    }
}
