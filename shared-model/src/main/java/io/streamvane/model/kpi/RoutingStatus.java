package io.streamvane.model.kpi;

import java.util.Locale;

/** An agent's ACD routing status ({@code routingStatus.status}); IDLE is "available" for ACD. */
public enum RoutingStatus {
    IDLE,
    INTERACTING,
    COMMUNICATING,
    NOT_RESPONDING,
    OFF_QUEUE,
    UNKNOWN;

    /** Case-insensitive; missing or new values are {@link #UNKNOWN}, never an error (SPEC §1.2). */
    public static RoutingStatus fromGenesys(String value) {
        if (value == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
