package io.streamvane.model.kpi;

import java.util.Locale;

/** How an ACD session left the queue ({@code acdOutcome} of {@code acd.end}). */
public enum AcdOutcome {
    ANSWERED,
    ABANDON,
    FLOW_OUT,
    UNKNOWN;

    /**
     * Reads the Genesys value case-insensitively. Missing or new values become {@link #UNKNOWN} instead of failing,
     * because Genesys adds enum values without notice and an event must never be rejected for it (SPEC §1.2).
     */
    public static AcdOutcome fromGenesys(String value) {
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
