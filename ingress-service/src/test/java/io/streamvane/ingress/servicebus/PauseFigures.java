package io.streamvane.ingress.servicebus;

import io.streamvane.testsupport.servicebus.BrokerEvent;
import io.streamvane.testsupport.servicebus.BrokerEvent.Kind;
import io.streamvane.testsupport.servicebus.BrokerEvents;
import java.util.List;
import java.util.Set;

/**
 * What a store outage cost, counted from the broker's side for one test's messages: how many deliveries beyond the
 * first, and why (abandoned by the listener, or stranded: locked to a stopped processor until the lock ran out).
 */
record PauseFigures(int messages, long deliveries, long redeliveries, long abandoned, long stranded, long lockLost,
                    long highestDeliveryCount, long completed, long deadLettered) {

    static PauseFigures of(BrokerEvents events, Set<String> messageIds) {
        List<BrokerEvent> ours = events.matching(e -> messageIds.contains(e.messageId()));
        long deliveries = count(ours, Kind.DELIVERED);
        return new PauseFigures(messageIds.size(), deliveries, deliveries - messageIds.size(),
                count(ours, Kind.ABANDONED), count(ours, Kind.LOCK_EXPIRED), count(ours, Kind.LOCK_LOST),
                ours.stream().filter(e -> e.kind() == Kind.DELIVERED).mapToLong(BrokerEvent::deliveryCount).max()
                        .orElse(0),
                count(ours, Kind.COMPLETED), count(ours, Kind.DEAD_LETTERED));
    }

    private static long count(List<BrokerEvent> events, Kind kind) {
        return events.stream().filter(e -> e.kind() == kind).count();
    }

    /** Every delivery after a message's first is explained by an abandon, an expired lock or a lost lock. */
    boolean everyRedeliveryExplained() {
        return redeliveries == abandoned + stranded + lockLost;
    }
}
