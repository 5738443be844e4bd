package io.streamvane.model.event;

/**
 * A user's system presence. Presence definitions spell it {@code OnQueue}, analytics {@code ON_QUEUE}; both map
 * here.
 */
public enum SystemPresence {
    AVAILABLE, AWAY, BUSY, OFFLINE, IDLE, ON_QUEUE, MEAL, TRAINING, MEETING, BREAK, UNKNOWN;

    /** The presence for a raw Genesys value in either spelling; {@link #UNKNOWN} for null or values unknown today. */
    public static SystemPresence of(String raw) {
        return GenesysEnums.lookup(SystemPresence.class, raw, UNKNOWN);
    }
}
