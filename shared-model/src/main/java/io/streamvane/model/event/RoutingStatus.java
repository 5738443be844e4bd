package io.streamvane.model.event;

/** An agent's ACD routing status; {@link #IDLE} is what Genesys calls "available" for ACD. */
public enum RoutingStatus {
    IDLE, INTERACTING, COMMUNICATING, NOT_RESPONDING, OFF_QUEUE, UNKNOWN;

    /** The status for a raw Genesys value; {@link #UNKNOWN} for null or values unknown today. */
    public static RoutingStatus of(String raw) {
        return GenesysEnums.lookup(RoutingStatus.class, raw, UNKNOWN);
    }
}
