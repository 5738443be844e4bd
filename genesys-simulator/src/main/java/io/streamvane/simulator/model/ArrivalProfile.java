package io.streamvane.simulator.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * The intraday shape of demand: one multiplier of the peak rate per hour of the site's local day, so the arrival
 * process is a Poisson process whose rate changes hour by hour. A Sydney site peaks at 10:00 in Sydney.
 *
 * @param hourlyMultipliers 24 multipliers, local hour 0 to 23
 * @param siteZone          the site's time zone; the hours are its wall-clock hours (daylight saving included)
 */
public record ArrivalProfile(List<Double> hourlyMultipliers, ZoneId siteZone) {

    public ArrivalProfile {
        hourlyMultipliers = List.copyOf(hourlyMultipliers);
        Objects.requireNonNull(siteZone, "siteZone");
        if (hourlyMultipliers.size() != 24) {
            throw new IllegalArgumentException("need 24 hourly multipliers, got " + hourlyMultipliers.size());
        }
        if (hourlyMultipliers.stream().anyMatch(m -> m < 0)) {
            throw new IllegalArgumentException("multipliers must not be negative");
        }
    }

    /** Quiet nights, a morning peak, a lunch dip and a smaller afternoon peak, on a UTC site. */
    public static ArrivalProfile typicalDay() {
        return new ArrivalProfile(List.of(
                0.05, 0.03, 0.03, 0.03, 0.05, 0.10, 0.25, 0.50, 0.80, 0.95, 1.00, 0.95,
                0.75, 0.80, 0.90, 0.85, 0.70, 0.50, 0.35, 0.25, 0.18, 0.12, 0.08, 0.06), ZoneOffset.UTC);
    }

    /** The same shape on a site in another time zone. */
    public ArrivalProfile at(ZoneId zone) {
        return new ArrivalProfile(hourlyMultipliers, zone);
    }

    public double multiplierAt(long epochMs) {
        return hourlyMultipliers.get(Instant.ofEpochMilli(epochMs).atZone(siteZone).getHour());
    }

    public double maxMultiplier() {
        return hourlyMultipliers.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }
}
