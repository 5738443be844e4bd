package io.streamvane.simulator.model;

/** Genesys ACD routing statuses ({@code UserRoutingStatusUserRoutingStatus.status}). */
public enum RoutingStatus {
    OFF_QUEUE, IDLE, INTERACTING, NOT_RESPONDING, COMMUNICATING
}
