package io.streamvane.egress.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter" (half fixed, half random, so replicas retrying the same outage spread
 * out but never retry sooner than half the step), capped; a destination's own Retry-After wins when it is longer.
 */
public record Backoff(Duration initial, Duration max, int maxAttempts) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("invalid backoff " + initial + ".." + max + " x" + maxAttempts);
        }
    }

    /** The wait after the {@code attempts}-th failed attempt (1-based). */
    public Duration delay(int attempts, Duration retryAfter, RandomGenerator random) {
        int shift = Math.min(Math.max(attempts - 1, 0), 30);
        long step = Math.min(max.toMillis(), initial.toMillis() << shift);
        long half = step / 2;
        Duration jittered = Duration.ofMillis(half + (half > 0 ? random.nextLong(half + 1) : 0));
        if (retryAfter != null && retryAfter.compareTo(jittered) > 0) {
            return retryAfter;
        }
        return jittered;
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
