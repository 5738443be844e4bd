package io.streamvane.model.kpi;

/**
 * The values a supervisor is alerted on, each with the side that is worse and its unit: fractions (0..1) for service
 * level and abandon rate, seconds for waits, a count for contacts waiting.
 */
public enum AlertMetric {
    SERVICE_LEVEL("service-level", false, Unit.FRACTION),
    LONGEST_WAIT("longest-wait", true, Unit.SECONDS),
    WAITING("waiting", true, Unit.COUNT),
    ABANDON_RATE("abandon-rate", true, Unit.FRACTION),
    ASA("asa", true, Unit.SECONDS);

    /** What a threshold of the metric is measured in. */
    public enum Unit { FRACTION, SECONDS, COUNT }

    private final String key;
    private final boolean higherIsWorse;
    private final Unit unit;

    AlertMetric(String key, boolean higherIsWorse, Unit unit) {
        this.key = key;
        this.higherIsWorse = higherIsWorse;
        this.unit = unit;
    }

    /** Its name in the {@code streamvane.kpi.thresholds} tree. */
    public String key() {
        return key;
    }

    public boolean higherIsWorse() {
        return higherIsWorse;
    }

    public Unit unit() {
        return unit;
    }

    /** Whether {@code value} is strictly worse than {@code bound}. */
    boolean worse(double value, double bound) {
        return higherIsWorse ? value > bound : value < bound;
    }
}
