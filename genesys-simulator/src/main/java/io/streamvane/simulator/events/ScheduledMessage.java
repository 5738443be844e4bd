package io.streamvane.simulator.events;

/** A message and the simulated instant it is sent; pacing maps that instant to wall-clock time. */
public record ScheduledMessage(long sendAtMs, SimulatedMessage message) {
}
