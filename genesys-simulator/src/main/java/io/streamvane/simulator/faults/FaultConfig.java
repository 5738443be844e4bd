package io.streamvane.simulator.faults;

import java.time.Duration;
import java.time.Instant;

/**
 * How to disturb delivery. None of it changes the ground truth: duplicates, reordering and lateness only change
 * when and how often an event arrives, and the outage only hides events from the stream (gap-fill recovers them).
 *
 * @param duplicateRate chance that an event is delivered a second time, maybe in another envelope
 * @param reorderWindow each delivery is delayed by a uniform random amount below this, which shuffles events
 *                      within the window
 * @param lateShare     chance that an event is held back by {@code lateDelay}
 * @param outageStart   start of a window whose events are never delivered, as on a websocket gap; null for none
 * @param poisonRate    poison messages per delivered event
 */
public record FaultConfig(double duplicateRate, Duration reorderWindow, double lateShare, Duration lateDelay,
                          Instant outageStart, Duration outageLength, double poisonRate) {

    public FaultConfig {
        requireProbability("duplicateRate", duplicateRate);
        requireProbability("lateShare", lateShare);
        requireProbability("poisonRate", poisonRate);
        if (reorderWindow.isNegative() || lateDelay.isNegative() || outageLength.isNegative()) {
            throw new IllegalArgumentException("durations must not be negative");
        }
    }

    private static void requireProbability(String name, double value) {
        if (value < 0 || value > 1) {
            throw new IllegalArgumentException(name + " must be in [0, 1]: " + value);
        }
    }

    public static FaultConfig none() {
        return new FaultConfig(0, Duration.ZERO, 0, Duration.ZERO, null, Duration.ZERO, 0);
    }

    /** Some of everything except an outage: 2% duplicates, 30 s reordering, 1% ten minutes late, 0.5% poison. */
    public static FaultConfig typical() {
        return new FaultConfig(0.02, Duration.ofSeconds(30), 0.01, Duration.ofMinutes(10), null, Duration.ZERO, 0.005);
    }

    public FaultConfig withOutage(Instant start, Duration length) {
        return new FaultConfig(duplicateRate, reorderWindow, lateShare, lateDelay, start, length, poisonRate);
    }

    public boolean inOutage(long epochMs) {
        return outageStart != null && epochMs >= outageStart.toEpochMilli()
                && epochMs < outageStart.toEpochMilli() + outageLength.toMillis();
    }
}
