package io.streamvane.simulator.model;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * A right-skewed duration: most contacts near the median, a long tail. Capped, because an uncapped
 * log-normal occasionally yields day-long calls that would dominate a simulated day.
 */
public record LogNormal(Duration median, double sigma, Duration cap) {

    public LogNormal {
        if (median.isNegative() || median.isZero()) {
            throw new IllegalArgumentException("median must be positive: " + median);
        }
        if (sigma < 0) {
            throw new IllegalArgumentException("sigma must not be negative: " + sigma);
        }
    }

    public static LogNormal of(Duration median, double sigma) {
        return new LogNormal(median, sigma, median.multipliedBy(20));
    }

    /** A sample in whole milliseconds, at least 1 ms. */
    public long sampleMs(RandomGenerator random) {
        double value = median.toMillis() * Math.exp(sigma * random.nextGaussian());
        return Math.max(1, Math.min(cap.toMillis(), Math.round(value)));
    }
}
