package io.streamvane.model.event;

/** The originating direction of an interaction. */
public enum Direction {
    INBOUND, OUTBOUND, UNKNOWN;

    /** The direction for a raw Genesys value; {@link #UNKNOWN} for null or values unknown today. */
    public static Direction of(String raw) {
        return GenesysEnums.lookup(Direction.class, raw, UNKNOWN);
    }
}
