package io.streamvane.simulator.sink;

/** How much a publish run sent, and how long it took on the wall clock. */
public record PublishStats(long messages, long deliveries, long wallNanos) {

    public double deliveriesPerSecond() {
        return wallNanos == 0 ? Double.POSITIVE_INFINITY : deliveries * 1e9 / wallNanos;
    }
}
