package io.streamvane.simulator;

import tools.jackson.databind.JsonNode;

/** A Genesys event as the test found it inside whatever envelope carried it. */
record Unwrapped(String envelope, String topicName, JsonNode body) {

    String kind() {
        if (topicName.startsWith("v2.detail.events.conversation.")) {
            return topicName.substring(topicName.indexOf('.', "v2.detail.events.conversation.".length()) + 1);
        }
        return topicName.substring(topicName.lastIndexOf('.') + 1);
    }

    boolean isDetail() {
        return topicName.startsWith("v2.detail.");
    }

    /** SPEC §1.3 identity, computed from the JSON alone. */
    String identity() {
        if (isDetail()) {
            return kind() + "|" + body.path("conversationId").asString() + "|" + body.path("participantId").asString()
                    + "|" + body.path("eventTime").asLong();
        }
        return topicName + "|" + body.path("routingStatus").path("status").asString() + "|"
                + body.path("routingStatus").path("startTime").asString() + "|"
                + body.path("presence").path("presenceDefinition").path("systemPresence").asString() + "|"
                + body.path("presenceDefinition").path("systemPresence").asString() + "|"
                + body.path("modifiedDate").asString() + body.path("presence").path("modifiedDate").asString();
    }
}
