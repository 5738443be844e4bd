package io.streamvane.simulator.model;

/** One participant session of a conversation (the ACD's or an agent's): the ids every detail event repeats. */
public record Leg(String conversationId, String participantId, String sessionId, String queueId, String divisionId,
                  MediaType media) {
}
