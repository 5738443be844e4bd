package io.streamvane.ingress.websocket;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Tells the Notification API's control frames from data (interfaces.md §1a). */
final class Frames {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    enum Kind { HEARTBEAT, PONG, SOCKET_CLOSING, SYSTEM, SUBSCRIPTION_RESULT, DATA, UNREADABLE }

    private Frames() {
    }

    static Kind classify(String text) {
        JsonNode frame;
        try {
            frame = JSON.readTree(text);
        } catch (JacksonException e) {
            return Kind.UNREADABLE;
        }
        String topic = frame.path("topicName").stringValue("");
        if (topic.isEmpty()) {
            return frame.has("result") || frame.has("status") ? Kind.SUBSCRIPTION_RESULT : Kind.UNREADABLE;
        }
        if (topic.equalsIgnoreCase("channel.metadata")) {
            // The Genesys sample treats any channel.metadata as a heartbeat; only "pong" answers our ping.
            return "pong".equalsIgnoreCase(frame.path("eventBody").path("message").stringValue(""))
                    ? Kind.PONG : Kind.HEARTBEAT;
        }
        if (topic.equalsIgnoreCase("v2.system.socket_closing")) {
            return Kind.SOCKET_CLOSING;
        }
        return topic.toLowerCase(java.util.Locale.ROOT).startsWith("v2.system.") ? Kind.SYSTEM : Kind.DATA;
    }
}
