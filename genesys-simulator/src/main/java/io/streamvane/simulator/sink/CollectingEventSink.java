package io.streamvane.simulator.sink;

import io.streamvane.simulator.events.SimulatedMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps every message in memory, in arrival order; thread-safe so a paced publisher may feed it. */
public final class CollectingEventSink implements EventSink {

    private final List<SimulatedMessage> messages = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void accept(SimulatedMessage message) {
        messages.add(message);
    }

    public List<SimulatedMessage> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }
}
