package io.streamvane.simulator.model;

/** System presences in the analytics spelling (interfaces.md §2.11); the subset agents pass through here. */
public enum SystemPresence {
    ON_QUEUE, AVAILABLE, BREAK, MEAL, OFFLINE
}
