package io.streamvane.model.event;

import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a body of Genesys events, as any transport delivers it, into {@link GenesysEvent}s (SPEC §1).
 *
 * <p>A body is one envelope or a JSON array of envelopes of any type, mixed: Notification, EventBridge, Event Grid
 * (carrying EventBridge) or CloudEvents 1.0 (carrying EventBridge or a notification); see {@link EnvelopeType}.
 * Each envelope gets its own outcome, so one bad item never affects the others: {@link ParsedItem.Accepted},
 * {@link ParsedItem.Rejected} with a {@link RejectionReason}, or {@link ParsedItem.Control} for channel heartbeats,
 * pongs and {@code v2.system.*} messages. Only a body that cannot be read at all is {@link ParseResult.Unreadable}.
 *
 * <p>What each topic requires (absent means rejected as {@code missing-field}):
 * <ul>
 *   <li>{@code acd.start}, {@code acd.end}: conversationId (or the topic's id), eventTime (epoch ms), queueId, and
 *       sessionId or participantId;</li>
 *   <li>{@code user.start}, {@code user.end}, {@code acw}: conversationId (or the topic's id), eventTime,
 *       participantId, userId;</li>
 *   <li>{@code v2.users.{id}.routingStatus}: the user id (body {@code id} or topic), routingStatus.status and
 *       .startTime;</li>
 *   <li>{@code v2.users.{id}.presence}: the user id (topic), modifiedDate, presenceDefinition.systemPresence or
 *       .id;</li>
 *   <li>{@code v2.users.{id}.activity}: the user id and at least one of routingStatus.startTime,
 *       presence.modifiedDate, dateActiveQueuesChanged (a routingStatus or presence present must be complete);</li>
 *   <li>{@code v2.analytics.queues.{id}.observations}: the queue id (group.queueId or topic) and a non-empty data
 *       whose entries have an ISO-8601 interval;</li>
 *   <li>any other topic: an eventBody, nothing more; it is stored raw for replay.</li>
 * </ul>
 * Every event needs a topicName and an eventBody. Values of the wrong type are {@code invalid-field}; unknown enum
 * values are kept as they come and never rejected.
 *
 * <p>Immutable and thread-safe; never throws for bad input.
 */
public final class EventParser {

    private final ParserLimits limits;
    private final JsonCodec json;
    private final EnvelopeUnwrapper envelopes;
    private final DetailEventReader detailEvents = new DetailEventReader();
    private final UserTopicReader userTopics = new UserTopicReader();
    private final QueueObservationsReader queueObservations = new QueueObservationsReader();
    private final UntypedBodyReader untypedBodies = new UntypedBodyReader();

    /** A parser with {@link ParserLimits#defaults()}. */
    public EventParser() {
        this(ParserLimits.defaults());
    }

    public EventParser(ParserLimits limits) {
        this.limits = limits;
        this.json = new JsonCodec(limits);
        this.envelopes = new EnvelopeUnwrapper(json);
    }

    /** Parses a body given as text; its size is measured in UTF-8 bytes. */
    public ParseResult parse(String body) {
        return parse(body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses a body of UTF-8 JSON. */
    public ParseResult parse(byte[] body) {
        if (body == null || body.length == 0) {
            return new ParseResult.Unreadable(RejectionReason.EMPTY_BODY, "body is empty");
        }
        if (body.length > limits.maxBodyBytes()) {
            return new ParseResult.Unreadable(RejectionReason.PAYLOAD_TOO_LARGE,
                    "body is " + body.length + " bytes, the limit is " + limits.maxBodyBytes());
        }
        JsonNode root;
        try {
            root = json.read(body, "body");
        } catch (ItemRejectedException unreadable) {
            return new ParseResult.Unreadable(unreadable.reason(), unreadable.detail());
        }
        if (root.isMissingNode()) {
            return new ParseResult.Unreadable(RejectionReason.EMPTY_BODY, "body holds only whitespace");
        }
        if (!root.isArray()) {
            return new ParseResult.Items(List.of(parseItem(0, root, new String(body, StandardCharsets.UTF_8))));
        }
        if (root.size() > limits.maxBatchItems()) {
            return new ParseResult.Unreadable(RejectionReason.BATCH_TOO_LARGE,
                    "batch holds " + root.size() + " items, the limit is " + limits.maxBatchItems());
        }
        List<ParsedItem> items = new ArrayList<>(root.size());
        for (int index = 0; index < root.size(); index++) {
            JsonNode item = root.get(index);
            items.add(parseItem(index, item, null));
        }
        return new ParseResult.Items(items);
    }

    /** @param rawItem the item's original text, or null to re-serialise it (an item of a batch) */
    private ParsedItem parseItem(int index, JsonNode item, String rawItem) {
        try {
            EnvelopeUnwrapper.Unwrapped notification = envelopes.unwrap(item);
            String topicName = notification.topicName();
            if (TopicKind.isControlTopic(topicName)) {
                return new ParsedItem.Control(index, topicName);
            }
            if (notification.eventBody() == null) {
                throw ItemRejectedException.missing(topicName + " message lacks eventBody");
            }
            TopicKind kind = TopicKind.ofTopic(topicName);
            ReadBody read = readBody(kind, notification);
            GenesysEvent event = new GenesysEvent(kind, topicName, read.eventTime(), read.ids(), read.identity(),
                    read.body(), json.write(notification.eventBody()),
                    rawItem != null ? rawItem : json.write(item), notification.trace());
            return new ParsedItem.Accepted(index, event);
        } catch (ItemRejectedException rejected) {
            return new ParsedItem.Rejected(index, rejected.reason(), rejected.detail());
        } catch (RuntimeException bug) {
            // A defect here must cost only this item, never the rest of the batch; the reason makes it visible.
            return new ParsedItem.Rejected(index, RejectionReason.PARSER_ERROR,
                    bug.getClass().getSimpleName() + ": " + bug.getMessage());
        }
    }

    private ReadBody readBody(TopicKind kind, EnvelopeUnwrapper.Unwrapped notification) {
        String topicName = notification.topicName();
        JsonNode eventBody = notification.eventBody();
        return switch (kind) {
            case ACD_START, ACD_END, USER_START, USER_END, ACW -> detailEvents.read(kind, topicName, eventBody);
            case USER_ACTIVITY, USER_ROUTING_STATUS, USER_PRESENCE -> userTopics.read(kind, topicName, eventBody);
            case QUEUE_OBSERVATIONS -> queueObservations.read(topicName, eventBody);
            case OTHER -> untypedBodies.read(topicName, eventBody, notification.trace().publishedAt());
        };
    }
}
