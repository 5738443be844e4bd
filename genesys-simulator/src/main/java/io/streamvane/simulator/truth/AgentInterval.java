package io.streamvane.simulator.truth;

import java.time.Instant;

/** Components of one agent over the half-open interval [start, end). */
public record AgentInterval(String userId, Instant start, Instant end, AgentComponents components) {
}
