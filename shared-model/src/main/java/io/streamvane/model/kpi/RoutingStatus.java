package io.streamvane.model.kpi;

/** An agent's ACD routing status ({@code routingStatus.status}); IDLE is "available" for ACD. */
public enum RoutingStatus {
    IDLE,
    INTERACTING,
    COMMUNICATING,
    NOT_RESPONDING,
    OFF_QUEUE,
    UNKNOWN
}
