package io.streamvane.model.kpi;

import java.time.Duration;
import java.util.Objects;

/**
 * Every setting that changes what a KPI means, in one value (the {@code streamvane.kpi} tree). Every service is
 * configured with it and checks at start-up that the store holds the same, so no two services compute a KPI
 * differently.
 *
 * @param serviceLevel      how service level is counted, by layer
 * @param baseGranularity   the bucket length the store keeps; coarser ones are sums of it
 * @param allowedLateness   how far behind the newest event time an event is still on time (the watermark lag)
 * @param acdSessionExpiry  a waiting ACD session with no end after this long no longer counts as waiting
 * @param sourceIdleTimeout an event source silent for this long no longer holds finality back
 * @param timeZones         the zone each queue's local periods are reported in; each aligned to the base
 * @param slTarget          the service-level target (fraction 0..1) of a queue and media type Genesys gives none
 *                          ({@link ServiceLevelTargets})
 */
public record KpiSettings(
        ServiceLevelLayers serviceLevel,
        Granularity baseGranularity,
        Duration allowedLateness,
        Duration acdSessionExpiry,
        Duration sourceIdleTimeout,
        QueueTimeZones timeZones,
        double slTarget) {

    /**
     * SPEC §2 defaults: PT15M buckets, 5 min lateness, 4 h ACD-session expiry; 30 min source idle timeout; UTC; an
     * SL target of 80 %.
     */
    public static final KpiSettings DEFAULTS = new KpiSettings(ServiceLevelLayers.DEFAULTS, Granularity.PT15M,
            Duration.ofMinutes(5), Duration.ofHours(4), Duration.ofMinutes(30), QueueTimeZones.UTC, 0.8);

    public KpiSettings {
        Objects.requireNonNull(serviceLevel, "serviceLevel");
        Objects.requireNonNull(baseGranularity, "baseGranularity");
        if (!baseGranularity.canBeBase()) {
            throw new IllegalArgumentException("base granularity " + baseGranularity + " does not divide a day");
        }
        Objects.requireNonNull(timeZones, "timeZones").requireAlignedTo(baseGranularity);
        ServiceLevelSettings.requireNonNegative(allowedLateness, "allowedLateness");
        requirePositive(acdSessionExpiry, "acdSessionExpiry");
        requirePositive(sourceIdleTimeout, "sourceIdleTimeout");
        ServiceLevelTargets.requireFraction(slTarget, "slTarget");
    }

    public KpiSettings withServiceLevel(ServiceLevelLayers layers) {
        return new KpiSettings(layers, baseGranularity, allowedLateness, acdSessionExpiry, sourceIdleTimeout,
                timeZones, slTarget);
    }

    public KpiSettings withBaseGranularity(Granularity base) {
        return new KpiSettings(serviceLevel, base, allowedLateness, acdSessionExpiry, sourceIdleTimeout, timeZones,
                slTarget);
    }

    public KpiSettings withTimeZones(QueueTimeZones zones) {
        return new KpiSettings(serviceLevel, baseGranularity, allowedLateness, acdSessionExpiry, sourceIdleTimeout,
                zones, slTarget);
    }

    public KpiSettings withSlTarget(double target) {
        return new KpiSettings(serviceLevel, baseGranularity, allowedLateness, acdSessionExpiry, sourceIdleTimeout,
                timeZones, target);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
