package io.streamvane.simulator.sink;

/**
 * How simulated time maps to wall-clock time: {@code speedup} simulated seconds per wall second; infinite means
 * as fast as possible.
 */
public record Pacing(double speedup) {

    public Pacing {
        if (!(speedup > 0)) {
            throw new IllegalArgumentException("speedup must be positive: " + speedup);
        }
    }

    public static Pacing accelerated(double factor) {
        return new Pacing(factor);
    }

    public static Pacing asFastAsPossible() {
        return new Pacing(Double.POSITIVE_INFINITY);
    }

    public boolean paced() {
        return !Double.isInfinite(speedup);
    }
}
