package io.streamvane.model.kpi;

/**
 * One metric's warning and critical bounds. A bound is the last value still at the better level: with service level
 * {@code warning 0.8}, 80% is normal and 79.9% a warning; with longest wait {@code critical 180} s, 3:00 is a warning
 * and 3:01 critical. {@code warning == critical} is allowed (no warning band).
 */
public record AlertThreshold(AlertMetric metric, double warning, double critical) {

    public AlertThreshold {
        java.util.Objects.requireNonNull(metric, "metric");
        requireInRange(metric, "warning", warning);
        requireInRange(metric, "critical", critical);
        if (metric.worse(warning, critical)) {
            throw new IllegalArgumentException("critical (" + critical + ") must not be "
                    + (metric.higherIsWorse() ? "below" : "above") + " warning (" + warning + "): "
                    + (metric.higherIsWorse() ? "above" : "below") + " is worse for " + metric.key());
        }
    }

    /**
     * The level of {@code value}; monotone: a worse value never has a better level. A missing value (no contact in
     * the interval, so no service level) is {@link AlertLevel#NORMAL}: nothing to alert on.
     */
    public AlertLevel level(Double value) {
        if (value == null || value.isNaN()) {
            return AlertLevel.NORMAL;
        }
        if (metric.worse(value, critical)) {
            return AlertLevel.CRITICAL;
        }
        return metric.worse(value, warning) ? AlertLevel.WARNING : AlertLevel.NORMAL;
    }

    static void requireInRange(AlertMetric metric, String field, double v) {
        boolean ok = Double.isFinite(v) && v >= 0 && (metric.unit() != AlertMetric.Unit.FRACTION || v <= 1);
        if (!ok) {
            throw new IllegalArgumentException(field + " must be "
                    + (metric.unit() == AlertMetric.Unit.FRACTION ? "a fraction from 0 to 1" : "zero or more")
                    + ": " + v);
        }
    }
}
