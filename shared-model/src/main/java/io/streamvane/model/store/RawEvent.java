package io.streamvane.model.store;

import io.streamvane.model.event.EnvelopeTrace;
import io.streamvane.model.event.GenesysEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * One event as the raw store and the engine inbox receive it.
 *
 * @param digestHex       SHA-256 of {@code identityKey} as lower-case hex (64 digits), formatted once: with
 *                        {@code eventTime} the dedup key, and the key of the dedup map, the sort and the insert
 * @param topicKind       the {@code TopicKind} name
 * @param eventTime       when it happened; the receive day's start when the event carries no time at all
 * @param eventTimeKnown  false when {@code eventTime} is that fallback: such an event is never late and never
 *                        moves the watermark
 * @param envelopeJson    trace data of the envelopes (layers, ids, publishedAt)
 * @param bodyJson        the original eventBody
 * @param inboxPayloadJson what the engine projects: {@code {"topicName","version":"2","eventBody"}}
 * @param inboxShard      the inbox shard it is projected in ({@link InboxShard})
 */
public record RawEvent(
        String digestHex,
        String identityKey,
        String topicKind,
        String topicName,
        Instant eventTime,
        boolean eventTimeKnown,
        String envelopeJson,
        String bodyJson,
        String inboxPayloadJson,
        int inboxShard) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public RawEvent {
        Objects.requireNonNull(digestHex, "digestHex");
        Objects.requireNonNull(identityKey, "identityKey");
        Objects.requireNonNull(topicKind, "topicKind");
        Objects.requireNonNull(topicName, "topicName");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(bodyJson, "bodyJson");
        Objects.requireNonNull(inboxPayloadJson, "inboxPayloadJson");
        if (digestHex.length() != 64) {
            throw new IllegalArgumentException("digestHex must be 64 hex digits (32 bytes): " + digestHex.length());
        }
    }

    /**
     * The rows of a parsed event. An event without any time (possible only for topics Streamvane does not project)
     * is stored under the start of its UTC receive day: a partition needs a time, and a fixed time per day keeps
     * re-deliveries on the same day deduplicated.
     */
    public static RawEvent of(GenesysEvent event, Instant receivedAt) {
        boolean timeKnown = event.eventTime() != null;
        Instant eventTime = timeKnown ? event.eventTime() : receivedAt.truncatedTo(ChronoUnit.DAYS);
        String payload = inboxPayload(event.topicName(), event.eventBodyJson());
        return new RawEvent(HexFormat.of().formatHex(event.identity().digest()), event.identity().key(), event.kind().name(),
                event.topicName(), eventTime, timeKnown, envelopeJson(event.trace()), event.eventBodyJson(), payload,
                InboxShard.of(event.ids()));
    }

    /**
     * The payload the engine parses: the Notification API's message shape, whatever envelope brought the event.
     * Built here alone, for the inbox row and for a replay that rebuilds it from {@code raw_event}.
     */
    public static String inboxPayload(String topicName, String eventBodyJson) {
        return "{\"topicName\":" + JSON.writeValueAsString(topicName) + ",\"version\":\"2\",\"eventBody\":"
                + eventBodyJson + "}";
    }

    private static String envelopeJson(EnvelopeTrace trace) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("layers", trace.layers().stream().map(Enum::name).toList());
        envelope.put("ids", trace.ids());
        if (trace.publishedAt() != null) {
            envelope.put("publishedAt", trace.publishedAt().toString());
        }
        return JSON.writeValueAsString(envelope);
    }


}
