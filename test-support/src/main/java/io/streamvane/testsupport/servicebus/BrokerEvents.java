package io.streamvane.testsupport.servicebus;

import io.streamvane.testsupport.servicebus.BrokerEvent.Kind;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The fake broker's event log, readable from any thread while the broker runs. Tests await on it (Awaitility)
 * rather than sleeping; listeners run on the broker's own thread at the moment of the event, before the client
 * hears the answer, so they can check what is true at that instant (a row committed before its completion).
 */
public final class BrokerEvents {

    private final List<BrokerEvent> log = new CopyOnWriteArrayList<>();
    private final List<Consumer<BrokerEvent>> listeners = new CopyOnWriteArrayList<>();

    BrokerEvents() {
    }

    /** Listeners first: whoever awaits the event in the log then also sees what the listeners recorded. */
    void record(BrokerEvent event) {
        listeners.forEach(listener -> listener.accept(event));
        log.add(event);
    }

    /**
     * Calls {@code listener} with every later event, on the broker's thread: keep it short, and never call back
     * into the fake from it.
     */
    public void subscribe(Consumer<BrokerEvent> listener) {
        listeners.add(listener);
    }

    public List<BrokerEvent> all() {
        return List.copyOf(log);
    }

    public List<BrokerEvent> of(String messageId) {
        return matching(e -> e.messageId().equals(messageId));
    }

    public List<BrokerEvent> matching(Predicate<BrokerEvent> filter) {
        return log.stream().filter(filter).toList();
    }

    public long count(Kind kind) {
        return log.stream().filter(e -> e.kind() == kind).count();
    }

    public long count(Kind kind, String messageId) {
        return log.stream().filter(e -> e.kind() == kind && e.messageId().equals(messageId)).count();
    }

    /** Events counted by kind and delivery count, e.g. {@code delivered(dc=1)=8}, as a report line. */
    public Map<String, Long> summary() {
        Map<String, Long> counts = new TreeMap<>();
        for (BrokerEvent e : log) {
            counts.merge(e.kind().name().toLowerCase() + "(dc=" + e.deliveryCount() + ")", 1L, Long::sum);
        }
        return counts;
    }
}
