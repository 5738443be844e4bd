package io.streamvane.model.kpi;

import java.time.Duration;

/**
 * A partial set of {@link ServiceLevelSettings}: a configuration layer sets only what it names and leaves the rest
 * to the layer below, so "queue q-1 uses 30 s" does not also reset that queue's abandon options. Null means unset.
 */
public record ServiceLevelOverride(
        Duration slThreshold,
        Duration shortAbandonThreshold,
        Boolean includeAbandons,
        Boolean excludeShortAbandons,
        Boolean includeFlowOuts) {

    public static final ServiceLevelOverride NONE = new ServiceLevelOverride(null, null, null, null, null);

    public ServiceLevelOverride {
        if (slThreshold != null) {
            ServiceLevelSettings.requireNonNegative(slThreshold, "slThreshold");
        }
        if (shortAbandonThreshold != null) {
            ServiceLevelSettings.requireNonNegative(shortAbandonThreshold, "shortAbandonThreshold");
        }
    }

    public static ServiceLevelOverride slThreshold(Duration threshold) {
        return NONE.withSlThreshold(threshold);
    }

    public ServiceLevelOverride withSlThreshold(Duration v) {
        return new ServiceLevelOverride(v, shortAbandonThreshold, includeAbandons, excludeShortAbandons, includeFlowOuts);
    }

    public ServiceLevelOverride withShortAbandonThreshold(Duration v) {
        return new ServiceLevelOverride(slThreshold, v, includeAbandons, excludeShortAbandons, includeFlowOuts);
    }

    public ServiceLevelOverride withIncludeAbandons(Boolean v) {
        return new ServiceLevelOverride(slThreshold, shortAbandonThreshold, v, excludeShortAbandons, includeFlowOuts);
    }

    public ServiceLevelOverride withExcludeShortAbandons(Boolean v) {
        return new ServiceLevelOverride(slThreshold, shortAbandonThreshold, includeAbandons, v, includeFlowOuts);
    }

    public ServiceLevelOverride withIncludeFlowOuts(Boolean v) {
        return new ServiceLevelOverride(slThreshold, shortAbandonThreshold, includeAbandons, excludeShortAbandons, v);
    }

    /** {@code base} with every field this layer sets replaced. */
    public ServiceLevelSettings applyTo(ServiceLevelSettings base) {
        return new ServiceLevelSettings(
                slThreshold != null ? slThreshold : base.slThreshold(),
                shortAbandonThreshold != null ? shortAbandonThreshold : base.shortAbandonThreshold(),
                includeAbandons != null ? includeAbandons : base.includeAbandons(),
                excludeShortAbandons != null ? excludeShortAbandons : base.excludeShortAbandons(),
                includeFlowOuts != null ? includeFlowOuts : base.includeFlowOuts());
    }
}
