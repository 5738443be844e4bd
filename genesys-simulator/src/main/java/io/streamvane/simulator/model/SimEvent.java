package io.streamvane.simulator.model;

import java.util.List;

/** What Genesys would publish about the simulated contact center, in domain terms (no JSON yet). */
public sealed interface SimEvent {

    /** When it happened, epoch milliseconds. */
    long atMs();

    /** A contact entered a queue ({@code acd.start}). */
    record AcdStarted(long atMs, Leg leg) implements SimEvent {
    }

    /** A contact left a queue ({@code acd.end}); {@code answeredUserId} is null unless answered. */
    record AcdEnded(long atMs, Leg leg, AcdOutcome outcome, long connectedDurationMs, String disconnectType,
                    String answeredUserId) implements SimEvent {
    }

    /** An agent was assigned (alerted) ({@code user.start}). */
    record UserStarted(long atMs, Leg leg, String userId) implements SimEvent {
    }

    /** An agent's participation ended ({@code user.end}); interacting, held and alerting are disjoint phases. */
    record UserEnded(long atMs, Leg leg, String userId, String disconnectType, long interactingDurationMs,
                     long heldDurationMs, long alertingDurationMs) implements SimEvent {
    }

    /** Wrap-up was submitted ({@code acw}). */
    record AfterCallWork(long atMs, Leg leg, String userId, String wrapupCode, long wrapupDurationMs)
            implements SimEvent {
    }

    /**
     * An agent's routing status and/or presence changed; the flags say which, so the writer emits the
     * {@code routingStatus} and {@code presence} topics only when they changed and {@code activity} always.
     */
    record AgentStatusChanged(long atMs, String userId, RoutingStatus routingStatus, long routingSinceMs,
                              SystemPresence presence, long presenceSinceMs, List<String> activeQueueIds,
                              boolean routingChanged, boolean presenceChanged) implements SimEvent {
    }
}
