package io.streamvane.simulator.truth;

import java.time.Duration;
import java.time.Instant;

/** Interval sizes of SPEC §2; all divide a UTC day, so flooring epoch time gives UTC-aligned buckets. */
public enum Granularity {
    PT15M(Duration.ofMinutes(15)), PT30M(Duration.ofMinutes(30)), PT1H(Duration.ofHours(1)), P1D(Duration.ofDays(1));

    private final Duration length;

    Granularity(Duration length) {
        this.length = length;
    }

    public Duration length() {
        return length;
    }

    public Instant floor(Instant instant) {
        long ms = length.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(instant.toEpochMilli(), ms) * ms);
    }

    public Instant floor(long epochMs) {
        return floor(Instant.ofEpochMilli(epochMs));
    }
}
