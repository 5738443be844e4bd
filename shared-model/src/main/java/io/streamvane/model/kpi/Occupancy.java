package io.streamvane.model.kpi;

import java.time.Duration;
import java.util.Map;

/** Agent occupancy (SPEC §2): INTERACTING / (INTERACTING + IDLE + COMMUNICATING) time. */
public final class Occupancy {

    private Occupancy() {
    }

    /** Fraction 0..1, or null when the agent had none of the three statuses (no time is not 0 % occupied). */
    public static Double of(long interactingMs, long idleMs, long communicatingMs) {
        long denominator = interactingMs + idleMs + communicatingMs;
        return denominator <= 0 ? null : (double) interactingMs / denominator;
    }

    /** The same from time per status, as summed from {@link StatusPeriod#splitBy}. */
    public static Double of(Map<RoutingStatus, Duration> timeInStatus) {
        return of(millis(timeInStatus, RoutingStatus.INTERACTING), millis(timeInStatus, RoutingStatus.IDLE),
                millis(timeInStatus, RoutingStatus.COMMUNICATING));
    }

    private static long millis(Map<RoutingStatus, Duration> timeInStatus, RoutingStatus status) {
        return timeInStatus.getOrDefault(status, Duration.ZERO).toMillis();
    }
}
