package io.streamvane.ingress.guard;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One event as the raw store and the engine inbox receive it.
 *
 * @param identityDigest  SHA-256 of {@code identityKey} (32 bytes); with {@code eventTime} the dedup key
 * @param topicKind       the {@code TopicKind} name
 * @param eventTime       when it happened; the receive day's start when the event carries no time at all
 * @param eventTimeKnown  false when {@code eventTime} is that fallback: such an event is never late and never
 *                        moves the watermark
 * @param envelopeJson    trace data of the envelopes (layers, ids, publishedAt)
 * @param bodyJson        the original eventBody
 * @param inboxPayloadJson what the engine projects: {@code {"topicName","version":"2","eventBody"}}
 */
public record RawEvent(
        byte[] identityDigest,
        String identityKey,
        String topicKind,
        String topicName,
        Instant eventTime,
        boolean eventTimeKnown,
        String envelopeJson,
        String bodyJson,
        String inboxPayloadJson) {

    public RawEvent {
        Objects.requireNonNull(identityDigest, "identityDigest");
        Objects.requireNonNull(identityKey, "identityKey");
        Objects.requireNonNull(topicKind, "topicKind");
        Objects.requireNonNull(topicName, "topicName");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(bodyJson, "bodyJson");
        Objects.requireNonNull(inboxPayloadJson, "inboxPayloadJson");
        if (identityDigest.length != 32) {
            throw new IllegalArgumentException("identityDigest must be 32 bytes: " + identityDigest.length);
        }
    }

    /** The digest as lower-case hex: a stable sort and map key. */
    public String digestHex() {
        return HexFormat.of().formatHex(identityDigest);
    }
}
