package io.streamvane.simulator.events;

import io.streamvane.simulator.model.DeterministicIds;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes the bad inputs of {@link PoisonKind}; ids are fresh, so accepting one would show up as a phantom. */
public final class PoisonWriter {

    private final JsonMapper mapper;
    private final DeterministicIds ids;
    private final EnvelopeWriter envelopes;

    public PoisonWriter(JsonMapper mapper, DeterministicIds ids, EnvelopeWriter envelopes) {
        this.mapper = mapper;
        this.ids = ids;
        this.envelopes = envelopes;
    }

    /** The JSON text of a poison delivery that stands alone (malformed text cannot sit inside a batch array). */
    public String text(Delivery delivery, long publishMs) {
        if (delivery.poison() == PoisonKind.MALFORMED_JSON) {
            String conversationId = ids.next();
            return "{\"topicName\":\"v2.detail.events.conversation." + conversationId + ".acd.start\",\"version\":\"2\","
                    + "\"eventBody\":{\"eventTime\":" + publishMs + ",\"conversationId\":\"" + conversationId + "\"";
        }
        return mapper.writeValueAsString(node(delivery, publishMs));
    }

    /** The JSON tree of a well-formed poison delivery. */
    public ObjectNode node(Delivery delivery, long publishMs) {
        return switch (delivery.poison()) {
            case UNKNOWN_ENVELOPE -> {
                ObjectNode node = mapper.createObjectNode();
                node.put("kind", "streamvane.simulator.unknown");
                node.put("sentAt", GenesysTime.isoMillis(publishMs));
                node.putObject("payload").put("note", "no known envelope has these fields");
                yield node;
            }
            case MISSING_CONVERSATION_ID -> envelopes.wrap(missingConversationId(publishMs), delivery.envelope(),
                    publishMs);
            case MALFORMED_JSON -> throw new IllegalArgumentException("malformed JSON has no tree");
        };
    }

    private GenesysEvent missingConversationId(long publishMs) {
        ObjectNode body = mapper.createObjectNode();
        body.put("eventTime", publishMs);
        body.put("participantId", ids.next());
        body.put("sessionId", ids.next());
        body.put("mediaType", "VOICE");
        body.put("direction", "INBOUND");
        body.put("queueId", ids.next());
        // The topic keeps its template, so the id cannot be recovered from the topic name either.
        return new GenesysEvent(EventKind.ACD_START, EventKind.ACD_START.templatedTopic(), null, publishMs, body,
                ids.next());
    }
}
