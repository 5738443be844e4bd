package io.streamvane.simulator.events;

import tools.jackson.databind.node.ObjectNode;

/**
 * One Genesys event as a Notification message would carry it: the topic, the body and a correlation id. This is
 * the canonical event an envelope wraps; duplicates of it share the correlation id and the semantic key.
 *
 * @param entityId the conversation id (detail topics) or user id (user topics) in the topic name
 * @param eventTimeMs the time the event describes: eventTime, routingStatus.startTime or presence modifiedDate
 */
public record GenesysEvent(EventKind kind, String topicName, String entityId, long eventTimeMs, ObjectNode body,
                           String correlationId) {

    /**
     * The identity of SPEC §1.3, so tests (and later the benchmark) can count distinct events the way ingress
     * must: the same Genesys event counts once whatever envelope or transport brought it.
     */
    public String semanticKey() {
        return switch (kind) {
            case ACD_START, ACD_END, USER_START, USER_END, ACW ->
                    kind + "|" + entityId + "|" + body.path("participantId").asString() + "|"
                            + body.path("eventTime").asLong();
            case USER_ROUTING_STATUS -> kind + "|" + entityId + "|" + body.path("routingStatus").path("status")
                    .asString() + "|" + body.path("routingStatus").path("startTime").asString();
            case USER_PRESENCE -> kind + "|" + entityId + "|" + body.path("presenceDefinition").path("systemPresence")
                    .asString() + "|" + body.path("modifiedDate").asString();
            case USER_ACTIVITY -> kind + "|" + entityId + "|" + body.path("routingStatus").path("status").asString()
                    + "|" + body.path("routingStatus").path("startTime").asString() + "|"
                    + body.path("presence").path("presenceDefinition").path("systemPresence").asString() + "|"
                    + body.path("presence").path("modifiedDate").asString();
        };
    }
}
