package io.streamvane.simulator.events;

/** A delivery and when it goes out, before deliveries are grouped into messages. */
public record PlannedDelivery(long sendAtMs, Delivery delivery) {
}
