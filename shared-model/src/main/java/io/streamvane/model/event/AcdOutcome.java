package io.streamvane.model.event;

/** How an interaction left a queue ({@code acdOutcome} of {@code acd.end}). */
public enum AcdOutcome {
    ANSWERED, ABANDON, FLOW_OUT, UNKNOWN;

    /** The outcome for a raw Genesys value; {@link #UNKNOWN} for null or values unknown today. */
    public static AcdOutcome of(String raw) {
        return GenesysEnums.lookup(AcdOutcome.class, raw, UNKNOWN);
    }
}
