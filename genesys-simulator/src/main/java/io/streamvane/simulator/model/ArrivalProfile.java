package io.streamvane.simulator.model;

import java.util.List;

/**
 * The intraday shape of demand: one multiplier of the peak rate per hour of the (UTC) day, so the arrival
 * process is a Poisson process whose rate changes hour by hour.
 */
public record ArrivalProfile(List<Double> hourlyMultipliers) {

    public ArrivalProfile {
        hourlyMultipliers = List.copyOf(hourlyMultipliers);
        if (hourlyMultipliers.size() != 24) {
            throw new IllegalArgumentException("need 24 hourly multipliers, got " + hourlyMultipliers.size());
        }
        if (hourlyMultipliers.stream().anyMatch(m -> m < 0)) {
            throw new IllegalArgumentException("multipliers must not be negative");
        }
    }

    /** Quiet nights, a morning peak, a lunch dip and a smaller afternoon peak. */
    public static ArrivalProfile typicalDay() {
        return new ArrivalProfile(List.of(
                0.05, 0.03, 0.03, 0.03, 0.05, 0.10, 0.25, 0.50, 0.80, 0.95, 1.00, 0.95,
                0.75, 0.80, 0.90, 0.85, 0.70, 0.50, 0.35, 0.25, 0.18, 0.12, 0.08, 0.06));
    }

    /** The same rate all day; handy for tests that check rates. */
    public static ArrivalProfile flat() {
        return new ArrivalProfile(java.util.Collections.nCopies(24, 1.0));
    }

    public double multiplierAt(long epochMs) {
        int hour = (int) Math.floorMod(epochMs / 3_600_000L, 24L);
        return hourlyMultipliers.get(hour);
    }

    public double maxMultiplier() {
        return hourlyMultipliers.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
