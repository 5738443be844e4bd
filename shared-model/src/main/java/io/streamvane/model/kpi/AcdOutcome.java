package io.streamvane.model.kpi;

/** How an ACD session left the queue ({@code acdOutcome} of {@code acd.end}). */
public enum AcdOutcome {
    ANSWERED,
    ABANDON,
    FLOW_OUT,
    UNKNOWN
}
