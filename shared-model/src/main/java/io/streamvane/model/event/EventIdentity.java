package io.streamvane.model.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The semantic identity of a Genesys event (SPEC §1.3): the same event has the same key whatever envelope or
 * transport brought it and however often, so stores dedupe on it. Envelope ids are kept apart, in
 * {@link EnvelopeTrace}, for tracing only. Keys, by topic kind:
 * <ul>
 *   <li>detail events: {@code KIND|conversationId|sessionId or else participantId|eventTime epoch ms};</li>
 *   <li>routingStatus: {@code USER_ROUTING_STATUS|userId|status|startTime};
 *       presence: {@code USER_PRESENCE|userId|systemPresence|presenceDefinitionId|modifiedDate};
 *       activity: {@code USER_ACTIVITY|userId|status|startTime|systemPresence|presenceDefinitionId|modifiedDate|
 *       sorted activeQueueIds|dateActiveQueuesChanged} (times as ISO-8601 UTC);</li>
 *   <li>observations: {@code QUEUE_OBSERVATIONS|queueId|mediaType|intervals|sha256:<canonical body hash>};</li>
 *   <li>other conversation detail topics ({@code customer.*}, {@code flow.*}, {@code attributes}, …):
 *       {@code OTHER|lower-cased kind after the conversation id|conversationId|sessionId or else
 *       participantId|eventTime epoch ms}, like the projected detail events;</li>
 *   <li>other topics, and detail bodies without conversationId or eventTime:
 *       {@code OTHER|lower-cased topic|sha256:<canonical body hash>}.</li>
 * </ul>
 * Canonical bodies have sorted keys and normalised numbers; hashing them keeps keys short. The format is persisted
 * in unique indexes: changing it would let duplicates in again.
 *
 * @param key human-readable, {@code |}-separated components, starting with the topic kind
 */
public record EventIdentity(String key) {

    public EventIdentity {
        Objects.requireNonNull(key, "key");
    }

    /** SHA-256 of the UTF-8 key: fixed width, suitable for a unique index. */
    public byte[] digest() {
        return sha256(key.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #digest()} as 64 lower-case hex characters. */
    public String hex() {
        return HexFormat.of().formatHex(digest());
    }

    /** Builds a key from its components, escaping the separator so distinct components never collide. */
    static EventIdentity of(TopicKind kind, String... components) {
        StringBuilder key = new StringBuilder(kind.name());
        for (String component : components) {
            key.append('|');
            if (component != null) {
                key.append(component.replace("\\", "\\\\").replace("|", "\\|"));
            }
        }
        return new EventIdentity(key.toString());
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
