package io.streamvane.simulator.sink;

import io.streamvane.simulator.events.SimulatedMessage;

/** Receives simulated messages in send order; the port a later step plugs transports into. */
@FunctionalInterface
public interface EventSink {

    void accept(SimulatedMessage message);
}
