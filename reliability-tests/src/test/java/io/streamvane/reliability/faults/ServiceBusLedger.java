package io.streamvane.reliability.faults;

import io.streamvane.testsupport.servicebus.BrokerEvent;
import io.streamvane.testsupport.servicebus.BrokerEvent.Kind;
import io.streamvane.testsupport.servicebus.DeadLetter;
import io.streamvane.testsupport.servicebus.FakeServiceBus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * What the broker did to the messages the test sent over Service Bus, tallied as it happens (a {@link FakeServiceBus}
 * event listener on the broker thread, so the figures cost nothing to read at the end however long the run). A
 * message is <em>settled</em> once it was completed or moved to the dead-letter sub-queue: both remove it from the
 * queue for good.
 */
final class ServiceBusLedger {

    /** What the fake calls a message it dead-lettered because it was delivered too often. */
    static final String MAX_DELIVERY_COUNT_EXCEEDED = "MaxDeliveryCountExceeded";

    private final String queue;
    private final Map<String, Boolean> expectDeadLetter = new ConcurrentHashMap<>();
    private final Map<String, List<Kind>> settlements = new ConcurrentHashMap<>();
    private final Set<String> delivered = ConcurrentHashMap.newKeySet();
    private final Set<String> expired = ConcurrentHashMap.newKeySet();
    private final AtomicLong deliveries = new AtomicLong();
    private final AtomicLong redeliveries = new AtomicLong();
    private final AtomicLong lockExpiries = new AtomicLong();
    private final AtomicLong abandons = new AtomicLong();
    private final AtomicLong locksLost = new AtomicLong();
    /** The highest Header delivery-count seen on a delivery: earlier attempts, 0 on a first delivery. */
    private final LongAccumulator maxEarlierAttempts = new LongAccumulator(Math::max, 0);

    ServiceBusLedger(FakeServiceBus bus, String queue) {
        this.queue = queue;
        bus.events().subscribe(this::record);
    }

    /** A message about to be sent; {@code invalid} when nothing in it can ever be stored (all items poison). */
    void expect(String messageId, boolean invalid) {
        expectDeadLetter.put(messageId, invalid);
    }

    private void record(BrokerEvent e) {
        if (!e.entity().equals(queue)) {
            return; // the dead-letter sub-queue's own events
        }
        switch (e.kind()) {
            case DELIVERED -> {
                deliveries.incrementAndGet();
                delivered.add(e.messageId());
                if (e.deliveryCount() > 0) {
                    redeliveries.incrementAndGet();
                }
                maxEarlierAttempts.accumulate(e.deliveryCount());
            }
            case COMPLETED, DEAD_LETTERED -> settlements.computeIfAbsent(e.messageId(),
                    id -> Collections.synchronizedList(new ArrayList<>())).add(e.kind());
            case LOCK_EXPIRED -> {
                lockExpiries.incrementAndGet();
                expired.add(e.messageId());
            }
            case ABANDONED -> abandons.incrementAndGet();
            case LOCK_LOST -> locksLost.incrementAndGet();
            default -> {
            }
        }
    }

    /** Locked to a receiver (in its prefetch buffer or its handler) and not settled yet. */
    boolean heldUnsettled(String messageId) {
        return delivered.contains(messageId) && !settlements.containsKey(messageId);
    }

    boolean lockExpired(String messageId) {
        return expired.contains(messageId);
    }

    int sent() {
        return expectDeadLetter.size();
    }

    long settled() {
        return settlements.size();
    }

    /** Messages not settled exactly once as expected: completed if valid, dead-lettered if invalid. */
    List<String> wronglySettled() {
        List<String> wrong = new ArrayList<>();
        expectDeadLetter.forEach((id, invalid) -> {
            List<Kind> got = settlements.getOrDefault(id, List.of());
            List<Kind> want = List.of(invalid ? Kind.DEAD_LETTERED : Kind.COMPLETED);
            if (!List.copyOf(got).equals(want)) {
                wrong.add(id + ": expected " + want + " but was " + got);
            }
        });
        settlements.keySet().stream().filter(id -> !expectDeadLetter.containsKey(id))
                .forEach(id -> wrong.add(id + ": settled but never sent by the test"));
        return wrong;
    }

    Set<String> expectedDeadLetters() {
        Set<String> ids = new TreeSet<>();
        expectDeadLetter.forEach((id, invalid) -> {
            if (invalid) {
                ids.add(id);
            }
        });
        return ids;
    }

    long maxDeliveryCount() {
        return maxEarlierAttempts.get() + 1; // as the SDK's ServiceBusReceivedMessage.getDeliveryCount() counts
    }

    long redeliveries() {
        return redeliveries.get();
    }

    static Map<String, Long> reasons(List<DeadLetter> deadLetters) {
        Map<String, Long> reasons = new TreeMap<>();
        deadLetters.forEach(d -> reasons.merge(String.valueOf(d.reason()), 1L, Long::sum));
        return reasons;
    }

    String summary(List<DeadLetter> deadLetters, int limit, int ready, int locked) {
        long completed = settlements.values().stream().filter(k -> k.contains(Kind.COMPLETED)).count();
        return String.format("service bus messages: %d (completed %d, dead-lettered %d %s), deliveries: %d, "
                        + "redeliveries: %d (locks expired %d, abandoned %d, settlements answered lock-lost %d), "
                        + "max delivery count: %d (dead-letters at %d), left ready/locked: %d/%d", sent(), completed,
                deadLetters.size(), reasons(deadLetters), deliveries.get(), redeliveries.get(), lockExpiries.get(),
                abandons.get(), locksLost.get(), maxDeliveryCount(), limit, ready, locked);
    }
}
