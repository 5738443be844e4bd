package io.streamvane.model.kpi;

import java.time.Duration;
import java.util.Objects;

/**
 * How service level is counted for one queue and media type (SPEC §2, Genesys "Service Level Calculations Options").
 *
 * @param slThreshold           an answer within this wait (inclusive) meets the target
 * @param shortAbandonThreshold an abandon before this wait (exclusive) is a short abandon
 * @param includeAbandons       abandons count in the denominator
 * @param excludeShortAbandons  short abandons are taken back out of the denominator (only with includeAbandons)
 * @param includeFlowOuts       flow-outs count in the denominator
 */
public record ServiceLevelSettings(
        Duration slThreshold,
        Duration shortAbandonThreshold,
        boolean includeAbandons,
        boolean excludeShortAbandons,
        boolean includeFlowOuts) {

    public static final ServiceLevelSettings DEFAULTS =
            new ServiceLevelSettings(Duration.ofSeconds(20), Duration.ofSeconds(10), true, true, false);

    public ServiceLevelSettings {
        requireNonNegative(slThreshold, "slThreshold");
        requireNonNegative(shortAbandonThreshold, "shortAbandonThreshold");
    }

    public ServiceLevelSettings withSlThreshold(Duration threshold) {
        return new ServiceLevelSettings(threshold, shortAbandonThreshold, includeAbandons, excludeShortAbandons,
                includeFlowOuts);
    }

    static Duration requireNonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + d);
        }
        return d;
    }
}
