package io.streamvane.model.event;

import java.time.Instant;

/**
 * One Genesys event, whatever envelope carried it.
 *
 * @param kind          the topic kind
 * @param topicName     the concrete topic ({@code v2.detail.events.conversation.c-1.acd.end}); the templated one
 *                      only when an EventBridge event lacked {@code detail.topicName}
 * @param eventTime     when it happened, from the event itself and never the receive time, so a duplicate has the
 *                      same time; null only for an {@link TopicKind#OTHER} event with no time anywhere
 * @param eventBodyJson the {@code eventBody} JSON text
 * @param rawItem       the whole envelope JSON as received (re-serialised when it was one item of a batch), for
 *                      the raw store; parsing it again yields an equal event
 */
public record GenesysEvent(
        TopicKind kind,
        String topicName,
        Instant eventTime,
        EntityIds ids,
        EventIdentity identity,
        EventBody body,
        String eventBodyJson,
        String rawItem,
        EnvelopeTrace trace) {
}
