package io.streamvane.model.event;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Reads the body of a topic Streamvane does not project. Nothing is required: the event is stored raw for replay.
 * Ids are taken from the usual body fields when they are strings; the event time from {@code eventTime},
 * {@code timestamp} or {@code modifiedDate} when one is readable, else the envelope's publish time, else none.
 * Identity: (topic in lower case, hash of the canonical body).
 */
final class UntypedBodyReader {

    private static final List<String> TIME_FIELDS = List.of("eventTime", "timestamp", "modifiedDate");

    ReadBody read(String topicName, JsonNode eventBody, Instant publishedAt) {
        EntityIds ids = eventBody.isObject()
                ? new EntityIds(text(eventBody, "conversationId"), text(eventBody, "participantId"),
                        text(eventBody, "sessionId"), text(eventBody, "userId"), text(eventBody, "queueId"),
                        text(eventBody, "mediaType"))
                : EntityIds.NONE;
        Instant eventTime = bodyTime(eventBody);
        EventIdentity identity = EventIdentity.of(TopicKind.OTHER, topicName.toLowerCase(Locale.ROOT),
                CanonicalJson.hashOf(eventBody));
        return new ReadBody(new UntypedBody(CanonicalJson.of(eventBody)), ids,
                eventTime != null ? eventTime : publishedAt, identity);
    }

    private static Instant bodyTime(JsonNode eventBody) {
        for (String field : TIME_FIELDS) {
            JsonNode value = eventBody.get(field);
            if (value == null) {
                continue;
            }
            Long millis = JsonFields.asLong(value);
            Instant parsed = millis != null ? Instant.ofEpochMilli(millis)
                    : value.isString() ? JsonFields.parseInstant(value.stringValue()) : null;
            if (parsed != null && JsonFields.isPlausible(parsed)) {
                return parsed;
            }
        }
        return null;
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
    }
}
