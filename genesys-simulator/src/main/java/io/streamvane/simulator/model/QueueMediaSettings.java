package io.streamvane.simulator.model;

import java.time.Duration;

/**
 * One media type on one queue: its service-level goal (as Genesys {@code mediaSettings.<media>.serviceLevel}),
 * how long a contact may wait before the in-queue flow moves it elsewhere (flow-out), and its traffic at the
 * busiest hour.
 */
public record QueueMediaSettings(Duration serviceLevelThreshold, double serviceLevelTarget, Duration maxQueueTime,
                                 double arrivalsPerHourAtPeak) {

    public QueueMediaSettings {
        if (arrivalsPerHourAtPeak < 0) {
            throw new IllegalArgumentException("arrivalsPerHourAtPeak must not be negative");
        }
        if (maxQueueTime.isNegative() || maxQueueTime.isZero()) {
            throw new IllegalArgumentException("maxQueueTime must be positive");
        }
    }
}
