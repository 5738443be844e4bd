package io.streamvane.model.event;

/**
 * The typed {@code eventBody} of a Genesys event: one record per topic that feeds a KPI, {@link UntypedBody} for
 * the rest. Enum-valued fields hold the raw Genesys string (unknown values are kept, never rejected) and have an
 * {@code asXxx()} accessor mapping them to a Java enum with {@code UNKNOWN}.
 */
public sealed interface EventBody
        permits AcdStart, AcdEnd, UserStart, UserEnd, AfterCallWork,
                UserActivity, RoutingStatusChange, PresenceChange, QueueObservations, UntypedBody {
}
