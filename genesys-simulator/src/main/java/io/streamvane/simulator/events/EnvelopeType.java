package io.streamvane.simulator.events;

/** The envelopes of SPEC §1.1; BATCH is a JSON array of them, UNKNOWN a body that is none of them (poison). */
public enum EnvelopeType {
    NOTIFICATION, EVENT_BRIDGE, EVENT_GRID, CLOUD_EVENTS, BATCH, UNKNOWN;

    /** The four shapes a single event can arrive in. */
    public static final java.util.List<EnvelopeType> SINGLE =
            java.util.List.of(NOTIFICATION, EVENT_BRIDGE, EVENT_GRID, CLOUD_EVENTS);
}
