package io.streamvane.model.kpi;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One layer of alert thresholds: the bounds it sets, by metric; an unset bound (null) inherits from the layer below,
 * so "queue q-1 warns at 90%" keeps the critical level it inherits.
 */
public record AlertOverride(Map<AlertMetric, Bounds> byMetric) {

    /** A metric's bounds in one layer; either may be null (unset). */
    public record Bounds(Double warning, Double critical) {

        public boolean isEmpty() {
            return warning == null && critical == null;
        }
    }

    public static final AlertOverride NONE = new AlertOverride(Map.of());

    public AlertOverride {
        Map<AlertMetric, Bounds> copy = new EnumMap<>(AlertMetric.class);
        Objects.requireNonNull(byMetric, "byMetric").forEach((m, b) -> {
            if (b != null && !b.isEmpty()) {
                copy.put(Objects.requireNonNull(m, "metric"), b);
            }
        });
        byMetric = java.util.Collections.unmodifiableMap(copy);
    }

    /** This layer with {@code metric}'s bounds set (a null bound stays unset). */
    public AlertOverride with(AlertMetric metric, Double warning, Double critical) {
        Map<AlertMetric, Bounds> next = new EnumMap<>(AlertMetric.class);
        next.putAll(byMetric);
        next.put(metric, new Bounds(warning, critical));
        return new AlertOverride(next);
    }
}
