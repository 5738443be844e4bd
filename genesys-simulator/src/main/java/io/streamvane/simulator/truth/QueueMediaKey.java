package io.streamvane.simulator.truth;

/** A queue and a lower-case media type. */
public record QueueMediaKey(String queueId, String mediaType) {
}
