package io.streamvane.model.kpi;

/** How a wallboard value stands against its {@link AlertThreshold}, from best to worst. */
public enum AlertLevel {
    NORMAL, WARNING, CRITICAL;

    /** The worse of the two. */
    public AlertLevel worst(AlertLevel other) {
        return other.compareTo(this) > 0 ? other : this;
    }
}
