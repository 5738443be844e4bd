package io.streamvane.model.event;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Peels the envelopes of SPEC §1.1 off one item down to the Genesys notification inside ({@code topicName} and
 * {@code eventBody}), recording each layer and its ids in an {@link EnvelopeTrace}.
 *
 * <p>Detection, first match wins: {@code specversion} → CloudEvents; {@code detail-type} → EventBridge;
 * {@code eventType} with {@code data} or {@code dataVersion} → Event Grid; {@code topicName} → Notification.
 * Wrapped payloads ({@code data.message} of Event Grid, {@code data} of CloudEvents) may be objects or JSON
 * strings (CloudEvents also {@code data_base64}), and may be any envelope, at most {@value #MAX_LAYERS} deep.
 */
final class EnvelopeUnwrapper {

    private static final int MAX_LAYERS = 4;

    private final JsonCodec json;

    EnvelopeUnwrapper(JsonCodec json) {
        this.json = json;
    }

    /** The notification inside {@code item}; {@code eventBody} is null when absent (control frames may lack it). */
    Unwrapped unwrap(JsonNode item) {
        Trace trace = new Trace();
        JsonNode current = item;
        for (int layer = 0; layer < MAX_LAYERS; layer++) {
            if (!current.isObject()) {
                throw new ItemRejectedException(RejectionReason.UNKNOWN_ENVELOPE,
                        (layer == 0 ? "item" : "payload of " + trace.layers.get(layer - 1)) + " is "
                                + JsonFields.typeOf(current) + ", not an envelope object");
            }
            EnvelopeType type = detect(current);
            trace.layers.add(type);
            switch (type) {
                case NOTIFICATION:
                    return notification(current, trace);
                case EVENT_BRIDGE:
                    return eventBridge(current, trace);
                case EVENT_GRID:
                    current = eventGridPayload(current, trace);
                    break;
                case CLOUD_EVENTS:
                    current = cloudEventsPayload(current, trace);
                    break;
                default:
                    throw new IllegalStateException("unhandled envelope " + type);
            }
        }
        throw new ItemRejectedException(RejectionReason.UNKNOWN_ENVELOPE,
                "envelopes nested deeper than " + MAX_LAYERS + " layers: " + trace.layers);
    }

    private static EnvelopeType detect(JsonNode envelope) {
        if (envelope.has("specversion")) {
            return EnvelopeType.CLOUD_EVENTS;
        }
        if (envelope.has("detail-type")) {
            return EnvelopeType.EVENT_BRIDGE;
        }
        if (envelope.has("eventType") && (envelope.has("data") || envelope.has("dataVersion"))) {
            return EnvelopeType.EVENT_GRID;
        }
        if (envelope.has("topicName")) {
            return EnvelopeType.NOTIFICATION;
        }
        List<String> keys = new ArrayList<>(envelope.propertyNames());
        throw new ItemRejectedException(RejectionReason.UNKNOWN_ENVELOPE, "object with keys "
                + (keys.size() > 10 ? keys.subList(0, 10) + "…" : keys)
                + " is no Notification, EventBridge, Event Grid or CloudEvents envelope");
    }

    private static Unwrapped notification(JsonNode message, Trace trace) {
        JsonFields fields = JsonFields.of(message, "notification");
        String topicName = fields.requiredText("topicName");
        trace.correlationIdFrom(fields);
        return new Unwrapped(topicName, presentOrNull(message.get("eventBody")), trace.build());
    }

    private static Unwrapped eventBridge(JsonNode event, Trace trace) {
        JsonFields fields = JsonFields.of(event, "EventBridge event");
        trace.id(EnvelopeTrace.EVENT_BRIDGE_ID, fields.text("id"));
        trace.publishedAt(fields, "time");
        String templatedTopic = fields.text("detail-type");
        JsonFields detail = fields.requiredObject("detail");
        trace.publishedAt(detail, "timestamp");
        trace.correlationIdFrom(detail);
        String topicName = detail.text("topicName");
        if (topicName == null && templatedTopic == null) {
            throw fields.missing("detail.topicName and detail-type");
        }
        JsonNode eventBody = presentOrNull(event.get("detail").get("eventBody"));
        return new Unwrapped(topicName != null ? topicName : templatedTopic, eventBody, trace.build());
    }

    private JsonNode eventGridPayload(JsonNode event, Trace trace) {
        JsonFields fields = JsonFields.of(event, "Event Grid event");
        trace.id(EnvelopeTrace.EVENT_GRID_ID, fields.text("id"));
        trace.publishedAt(fields, "eventTime");
        JsonNode data = embedded(event.get("data"), "Event Grid data");
        if (data == null) {
            throw fields.missing("data");
        }
        JsonNode message = data.isObject() ? embedded(data.get("message"), "Event Grid data.message") : null;
        if (message == null) {
            throw fields.missing("data.message");
        }
        return message;
    }

    private JsonNode cloudEventsPayload(JsonNode event, Trace trace) {
        JsonFields fields = JsonFields.of(event, "CloudEvents event");
        String specVersion = fields.text("specversion");
        if (!"1.0".equals(specVersion)) {
            throw new ItemRejectedException(RejectionReason.UNKNOWN_ENVELOPE,
                    "CloudEvents specversion " + specVersion + " is not supported, only 1.0");
        }
        trace.id(EnvelopeTrace.CLOUD_EVENT_ID, fields.text("id"));
        trace.publishedAt(fields, "time");
        JsonNode data = embedded(event.get("data"), "CloudEvents data");
        if (data != null) {
            return data;
        }
        String base64 = fields.text("data_base64");
        if (base64 == null) {
            throw fields.missing("data and data_base64");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw fields.invalid("data_base64", "must be base64");
        }
        return json.read(decoded, "CloudEvents data_base64");
    }

    /** A wrapped payload: an object as is, a JSON string parsed; null when absent. */
    private JsonNode embedded(JsonNode payload, String what) {
        JsonNode present = presentOrNull(payload);
        if (present != null && present.isString()) {
            return json.read(present.stringValue(), what + " string");
        }
        return present;
    }

    private static JsonNode presentOrNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    /** The notification found inside the envelopes. */
    record Unwrapped(String topicName, JsonNode eventBody, EnvelopeTrace trace) {
    }

    /** Collects the trace while peeling; inner layers are nearer Genesys, so their publish time wins. */
    private static final class Trace {
        private final List<EnvelopeType> layers = new ArrayList<>();
        private final Map<String, String> ids = new LinkedHashMap<>();
        private Instant publishedAt;

        void id(String name, String value) {
            if (value != null) {
                ids.put(name, value);
            }
        }

        void correlationIdFrom(JsonFields envelope) {
            JsonFields metadata;
            try {
                metadata = envelope.object("metadata");
            } catch (ItemRejectedException notAnObject) {
                return; // metadata is tracing only: a malformed one must not cost the event
            }
            if (metadata != null) {
                String correlationId = textOrNull(metadata, "CorrelationId");
                id(EnvelopeTrace.CORRELATION_ID, correlationId != null ? correlationId
                        : textOrNull(metadata, "correlationId"));
            }
        }

        void publishedAt(JsonFields envelope, String field) {
            try {
                Instant time = envelope.isoInstant(field);
                if (time != null) {
                    publishedAt = time;
                }
            } catch (ItemRejectedException unreadable) {
                // Publish time is tracing only; an unreadable one is ignored, not a reason to reject.
            }
        }

        EnvelopeTrace build() {
            return new EnvelopeTrace(layers, ids, publishedAt);
        }

        private static String textOrNull(JsonFields fields, String field) {
            try {
                return fields.text(field);
            } catch (ItemRejectedException notText) {
                return null;
            }
        }
    }
}
