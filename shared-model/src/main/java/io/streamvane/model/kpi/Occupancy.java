package io.streamvane.model.kpi;

/** Agent occupancy (SPEC §2): INTERACTING / (INTERACTING + IDLE + COMMUNICATING) time. */
public final class Occupancy {

    private Occupancy() {
    }

    /** Fraction 0..1, or null when the agent had none of the three statuses (no time is not 0 % occupied). */
    public static Double of(long interactingMs, long idleMs, long communicatingMs) {
        long denominator = interactingMs + idleMs + communicatingMs;
        return denominator <= 0 ? null : (double) interactingMs / denominator;
    }
}
