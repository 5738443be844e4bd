package io.streamvane.simulator.truth;

import java.time.Instant;

/** Components of one queue and media type over the half-open interval [start, end). */
public record QueueInterval(String queueId, String mediaType, Instant start, Instant end, QueueComponents components) {
}
