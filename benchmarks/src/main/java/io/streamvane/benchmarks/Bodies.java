package io.streamvane.benchmarks;

import io.streamvane.simulator.events.ScheduledMessage;
import io.streamvane.simulator.events.SimulatedMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Request bodies as a batching sender (an HTTP client or a Service Bus batch receive) hands them to ingress: the
 * simulator's messages in send order (duplicates, reordering and lateness already applied), concatenated into JSON
 * arrays of about {@code eventsPerBody} deliveries. A message that is itself a JSON-array batch contributes its items.
 */
final class Bodies {

    /** One body and the number of deliveries (envelopes) in it. */
    record Body(byte[] json, int deliveries) {
    }

    static List<Body> of(List<ScheduledMessage> messages, int eventsPerBody) {
        List<Body> bodies = new ArrayList<>();
        StringBuilder current = new StringBuilder("[");
        int n = 0;
        for (ScheduledMessage scheduled : messages) {
            SimulatedMessage m = scheduled.message();
            String json = m.json().strip();
            String items = json.startsWith("[") ? json.substring(1, json.length() - 1).strip() : json;
            if (items.isEmpty()) {
                continue;
            }
            if (n > 0) {
                current.append(',');
            }
            current.append(items);
            n += m.deliveries().size();
            if (n >= eventsPerBody) {
                bodies.add(new Body(current.append(']').toString().getBytes(StandardCharsets.UTF_8), n));
                current = new StringBuilder("[");
                n = 0;
            }
        }
        if (n > 0) {
            bodies.add(new Body(current.append(']').toString().getBytes(StandardCharsets.UTF_8), n));
        }
        return bodies;
    }

    private Bodies() {
    }
}
