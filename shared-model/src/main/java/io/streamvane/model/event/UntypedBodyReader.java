package io.streamvane.model.event;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the body of a topic Streamvane does not project. Nothing is required: the event is stored raw for replay.
 * Ids are taken from the usual body fields when they are strings; the event time from {@code eventTime},
 * {@code timestamp} or {@code modifiedDate} when one is readable, else the envelope's publish time, else none.
 * Identity: the detail-event one for conversation detail topics (see {@link #detailIdentity}), else (topic in lower
 * case, hash of the canonical body).
 */
final class UntypedBodyReader {

    private static final List<String> TIME_FIELDS = List.of("eventTime", "timestamp", "modifiedDate");
    private static final Pattern CONVERSATION_DETAIL = Pattern.compile(
            "v2\\.detail\\.events\\.conversation\\.([^.]+)\\.(.+)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final String ID_PLACEHOLDER = "{id}";

    ReadBody read(String topicName, JsonNode eventBody, Instant publishedAt) {
        EntityIds ids = eventBody.isObject()
                ? new EntityIds(text(eventBody, "conversationId"), text(eventBody, "participantId"),
                        text(eventBody, "sessionId"), text(eventBody, "userId"), text(eventBody, "queueId"),
                        text(eventBody, "mediaType"))
                : EntityIds.NONE;
        Instant eventTime = bodyTime(eventBody);
        EventIdentity identity = detailIdentity(topicName, eventBody);
        if (identity == null) {
            identity = EventIdentity.of(TopicKind.OTHER, topicName.toLowerCase(Locale.ROOT),
                    CanonicalJson.hashOf(eventBody));
        }
        return new ReadBody(new UntypedBody(CanonicalJson.of(eventBody)), ids,
                eventTime != null ? eventTime : publishedAt, identity);
    }

    /**
     * {@code OTHER|<kind after the conversation id, lower case>|conversationId|sessionId or else
     * participantId|eventTime epoch ms}, or null when the topic is no conversation detail topic or the body lacks
     * the conversationId (and the topic names none) or a readable eventTime. A body hash would count two deliveries
     * of the same customer.end twice as soon as a bridge re-serialises or enriches the body.
     */
    private static EventIdentity detailIdentity(String topicName, JsonNode eventBody) {
        Matcher topic = CONVERSATION_DETAIL.matcher(topicName);
        if (!topic.matches() || !eventBody.isObject()) {
            return null;
        }
        String conversationId = text(eventBody, "conversationId");
        if (conversationId == null && !ID_PLACEHOLDER.equals(topic.group(1))) {
            conversationId = topic.group(1);
        }
        JsonNode timeValue = eventBody.get("eventTime");
        Instant eventTime = timeValue == null ? null : time(timeValue);
        if (conversationId == null || eventTime == null) {
            return null;
        }
        String sessionId = text(eventBody, "sessionId");
        return EventIdentity.of(TopicKind.OTHER, topic.group(2).toLowerCase(Locale.ROOT), conversationId,
                sessionId != null ? sessionId : text(eventBody, "participantId"),
                Long.toString(eventTime.toEpochMilli()));
    }

    private static Instant bodyTime(JsonNode eventBody) {
        for (String field : TIME_FIELDS) {
            JsonNode value = eventBody.get(field);
            Instant parsed = value == null ? null : time(value);
            if (parsed != null) {
                return parsed;
            }
        }
        return null;
    }

    /** Epoch ms or ISO-8601, when plausible; null otherwise. */
    private static Instant time(JsonNode value) {
        Long millis = JsonFields.asLong(value);
        Instant parsed = millis != null ? Instant.ofEpochMilli(millis)
                : value.isString() ? JsonFields.parseInstant(value.stringValue()) : null;
        return parsed != null && JsonFields.isPlausible(parsed) ? parsed : null;
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
    }
}
