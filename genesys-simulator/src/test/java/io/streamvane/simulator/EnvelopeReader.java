package io.streamvane.simulator;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The test's own envelope unwrapping (deliberately not the simulator's code): reads message text, recognises each
 * envelope by its fields, and counts what it cannot read.
 */
final class EnvelopeReader {

    private final JsonMapper mapper = JsonMapper.builder().build();
    final List<Unwrapped> events = new ArrayList<>();
    int malformed;
    int unknownEnvelope;
    int missingConversationId;

    void read(String json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JacksonException e) {
            malformed++;
            return;
        }
        if (root.isArray()) {
            root.forEach(item -> unwrap(item, "BATCH"));
        } else {
            unwrap(root, null);
        }
    }

    private void unwrap(JsonNode node, String outer) {
        String envelope;
        JsonNode notification;
        if (node.has("specversion")) {
            envelope = "CLOUD_EVENTS";
            JsonNode data = node.path("data");
            notification = data.has("detail") ? data.path("detail") : data;
        } else if ("GenesysCloudEvent".equals(node.path("eventType").asString())) {
            envelope = "EVENT_GRID";
            notification = node.path("data").path("message").path("detail");
        } else if (node.has("detail-type")) {
            envelope = "EVENT_BRIDGE";
            notification = node.path("detail");
        } else if (node.has("topicName") && node.has("eventBody")) {
            envelope = "NOTIFICATION";
            notification = node;
        } else {
            unknownEnvelope++;
            return;
        }
        String topic = notification.path("topicName").asString();
        JsonNode body = notification.path("eventBody");
        if (topic.startsWith("v2.detail.") && !body.hasNonNull("conversationId")) {
            missingConversationId++;
            return;
        }
        events.add(new Unwrapped(outer == null ? envelope : outer + "/" + envelope, topic, body));
    }
}
