package io.streamvane.model.kpi;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** A complete set of {@link AlertThreshold}s, one per {@link AlertMetric}: what one queue and media type is held to. */
public record AlertThresholds(Map<AlertMetric, AlertThreshold> byMetric) {

    /**
     * The defaults, here alone: SL warning below 80% and critical below 60%; longest wait 60 s / 3 min; 5 / 15
     * contacts waiting; abandon rate 5% / 10%; ASA 30 s / 90 s.
     */
    public static final AlertThresholds DEFAULTS = new AlertThresholds(Map.of(
            AlertMetric.SERVICE_LEVEL, new AlertThreshold(AlertMetric.SERVICE_LEVEL, 0.8, 0.6),
            AlertMetric.LONGEST_WAIT, new AlertThreshold(AlertMetric.LONGEST_WAIT, 60, 180),
            AlertMetric.WAITING, new AlertThreshold(AlertMetric.WAITING, 5, 15),
            AlertMetric.ABANDON_RATE, new AlertThreshold(AlertMetric.ABANDON_RATE, 0.05, 0.10),
            AlertMetric.ASA, new AlertThreshold(AlertMetric.ASA, 30, 90)));

    public AlertThresholds {
        Map<AlertMetric, AlertThreshold> copy = new EnumMap<>(AlertMetric.class);
        for (AlertMetric m : AlertMetric.values()) {
            AlertThreshold t = Objects.requireNonNull(byMetric.get(m), () -> "no threshold for " + m.key());
            if (t.metric() != m) {
                throw new IllegalArgumentException("the threshold for " + m.key() + " is " + t.metric().key() + "'s");
            }
            copy.put(m, t);
        }
        byMetric = java.util.Collections.unmodifiableMap(copy);
    }

    public AlertThreshold get(AlertMetric metric) {
        return byMetric.get(metric);
    }

    /** The one rule every wallboard value is judged by. */
    public AlertLevel level(AlertMetric metric, Double value) {
        return get(metric).level(value);
    }
}
