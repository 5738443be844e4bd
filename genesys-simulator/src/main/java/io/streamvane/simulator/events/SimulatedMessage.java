package io.streamvane.simulator.events;

import java.util.List;

/**
 * What an {@code EventSink} receives: the JSON text as it goes on the wire, its envelope type (BATCH for a JSON
 * array) and the deliveries inside it, each with the canonical event it carries.
 */
public record SimulatedMessage(String json, EnvelopeType envelope, List<Delivery> deliveries) {

    public SimulatedMessage {
        deliveries = List.copyOf(deliveries);
    }

    public boolean isBatch() {
        return envelope == EnvelopeType.BATCH;
    }
}
