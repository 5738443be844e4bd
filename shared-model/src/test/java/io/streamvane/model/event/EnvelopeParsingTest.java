package io.streamvane.model.event;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.time.Instant;
import java.util.List;

import static io.streamvane.model.event.GenesysBodies.ACD_END;
import static io.streamvane.model.event.GenesysBodies.ACD_END_TOPIC;
import static io.streamvane.model.event.GenesysBodies.ACD_START;
import static io.streamvane.model.event.GenesysBodies.ACD_START_TOPIC;
import static io.streamvane.model.event.GenesysBodies.CONVERSATION_ID;
import static io.streamvane.model.event.GenesysBodies.PRESENCE;
import static io.streamvane.model.event.GenesysBodies.PRESENCE_TOPIC;
import static io.streamvane.model.event.Parsed.singleEvent;
import static org.assertj.core.api.Assertions.assertThat;

class EnvelopeParsingTest {

    private final EventParser parser = new EventParser();

    static final List<Envelopes.Form> FORMS = Envelopes.ALL;

    @ParameterizedTest(name = "{0}")
    @FieldSource("FORMS")
    void everyEnvelopeFormYieldsTheSameAcdEndEvent(Envelopes.Form form) {
        GenesysEvent viaNotification = singleEvent(parser.parse(Envelopes.notification(ACD_END_TOPIC, ACD_END)));

        GenesysEvent event = singleEvent(parser.parse(form.wrap(ACD_END_TOPIC, ACD_END)));

        assertThat(event.kind()).isEqualTo(TopicKind.ACD_END);
        assertThat(event.topicName()).isEqualTo(ACD_END_TOPIC);
        assertThat(event.eventTime()).isEqualTo(Instant.ofEpochMilli(1741083330512L));
        assertThat(event.ids().conversationId()).isEqualTo(CONVERSATION_ID);
        assertThat(event.identity()).isEqualTo(viaNotification.identity());
        assertThat(event.body()).isEqualTo(viaNotification.body());
        assertThat(event.ids()).isEqualTo(viaNotification.ids());
        assertThat(event.trace().ids()).containsEntry(EnvelopeTrace.CORRELATION_ID,
                "8a1f3e2c-2222-4b4b-8d8d-aabbccddeeff");
    }

    @Test
    void notificationTraceHasOneLayerAndNoPublishTime() {
        EnvelopeTrace trace = singleEvent(parser.parse(Envelopes.notification(ACD_END_TOPIC, ACD_END))).trace();

        assertThat(trace.layers()).containsExactly(EnvelopeType.NOTIFICATION);
        assertThat(trace.publishedAt()).isNull();
    }

    @Test
    void eventBridgeTraceKeepsItsIdAndGenesysPublishTime() {
        EnvelopeTrace trace = singleEvent(parser.parse(Envelopes.eventBridge(ACD_END_TOPIC, ACD_END))).trace();

        assertThat(trace.layers()).containsExactly(EnvelopeType.EVENT_BRIDGE);
        assertThat(trace.ids()).containsEntry(EnvelopeTrace.EVENT_BRIDGE_ID, "0f6c2d8e-3333-4c4c-9e9e-112233445566");
        assertThat(trace.publishedAt()).isEqualTo(Instant.parse("2025-03-04T10:15:30.541Z"));
    }

    @Test
    void eventGridTraceListsLayersOutermostFirstWithEveryId() {
        EnvelopeTrace trace = singleEvent(parser.parse(Envelopes.eventGrid(ACD_END_TOPIC, ACD_END))).trace();

        assertThat(trace.layers()).containsExactly(EnvelopeType.EVENT_GRID, EnvelopeType.EVENT_BRIDGE);
        assertThat(trace.ids())
                .containsEntry(EnvelopeTrace.EVENT_GRID_ID, "5b3c1c1e-aaaa-4bbb-8ccc-0d0e0f101112")
                .containsEntry(EnvelopeTrace.EVENT_BRIDGE_ID, "0f6c2d8e-3333-4c4c-9e9e-112233445566");
        assertThat(trace.publishedAt()).isEqualTo(Instant.parse("2025-03-04T10:15:30.541Z"));
    }

    @Test
    void cloudEventsOfANotificationTakesTheCloudEventTimeAsPublishTime() {
        EnvelopeTrace trace = singleEvent(parser.parse(Envelopes.cloudEventsOfNotification(ACD_END_TOPIC, ACD_END)))
                .trace();

        assertThat(trace.layers()).containsExactly(EnvelopeType.CLOUD_EVENTS, EnvelopeType.NOTIFICATION);
        assertThat(trace.ids()).containsEntry(EnvelopeTrace.CLOUD_EVENT_ID, "ce-7d1e");
        assertThat(trace.publishedAt()).isEqualTo(Instant.parse("2025-03-04T10:15:33Z"));
    }

    @Test
    void singleEnvelopeKeepsTheOriginalTextAsRawItem() {
        String body = Envelopes.eventBridge(ACD_END_TOPIC, ACD_END);

        GenesysEvent event = singleEvent(parser.parse(body));

        assertThat(event.rawItem()).isEqualTo(body);
        assertThat(event.eventBodyJson()).contains("\"acdOutcome\":\"ABANDON\"");
    }

    @Test
    void eventBridgeWithoutConcreteTopicFallsBackToItsTemplatedDetailType() {
        String body = Envelopes.eventBridge(ACD_END_TOPIC, ACD_END).replace("\"topicName\":\"" + ACD_END_TOPIC + "\",", "");

        GenesysEvent event = singleEvent(parser.parse(body));

        assertThat(event.kind()).isEqualTo(TopicKind.ACD_END);
        assertThat(event.topicName()).isEqualTo("v2.detail.events.conversation.{id}.acd.end");
        assertThat(event.ids().conversationId()).isEqualTo(CONVERSATION_ID);
    }

    @Test
    void batchMixesEnvelopeTypesAndKeepsEachItemsIndex() {
        String batch = "[" + String.join(",",
                Envelopes.notification(ACD_START_TOPIC, ACD_START),
                Envelopes.eventGrid(ACD_END_TOPIC, ACD_END),
                Envelopes.cloudEventsWithBase64Data(PRESENCE_TOPIC, PRESENCE),
                Envelopes.eventBridge(ACD_END_TOPIC, ACD_END)) + "]";

        ParseResult.Items result = (ParseResult.Items) parser.parse(batch);

        assertThat(result.items()).extracting(ParsedItem::index).containsExactly(0, 1, 2, 3);
        assertThat(result.acceptedEvents()).extracting(GenesysEvent::kind)
                .containsExactly(TopicKind.ACD_START, TopicKind.ACD_END, TopicKind.USER_PRESENCE, TopicKind.ACD_END);
    }

    @Test
    void oneBadItemInABatchCostsOnlyThatItem() {
        String withoutQueue = ACD_START.replace("\"queueId\"", "\"formerQueueId\"");
        String batch = "[" + String.join(",",
                Envelopes.eventBridge(ACD_START_TOPIC, ACD_START),
                Envelopes.eventBridge(ACD_START_TOPIC, withoutQueue),
                "{\"hello\":\"world\"}",
                Envelopes.eventBridge(ACD_END_TOPIC, ACD_END)) + "]";

        ParseResult.Items result = (ParseResult.Items) parser.parse(batch);

        assertThat(result.items()).hasSize(4);
        assertThat(result.items().get(0)).isInstanceOf(ParsedItem.Accepted.class);
        assertThat(result.items().get(3)).isInstanceOf(ParsedItem.Accepted.class);
        assertThat(result.rejections()).extracting(ParsedItem.Rejected::index, ParsedItem.Rejected::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, RejectionReason.MISSING_FIELD),
                        org.assertj.core.groups.Tuple.tuple(2, RejectionReason.UNKNOWN_ENVELOPE));
    }

    @Test
    void batchItemsRawItemIsThatItemAloneAndParsesToTheSameEvent() {
        String batch = "[" + Envelopes.notification(ACD_START_TOPIC, ACD_START) + ","
                + Envelopes.eventGrid(ACD_END_TOPIC, ACD_END) + "]";
        GenesysEvent second = ((ParseResult.Items) parser.parse(batch)).acceptedEvents().get(1);

        GenesysEvent reparsed = singleEvent(parser.parse(second.rawItem()));

        assertThat(second.rawItem()).startsWith("{\"id\":\"5b3c1c1e");
        assertThat(reparsed).isEqualTo(second);
    }

    @Test
    void emptyBatchHasNoItems() {
        assertThat(parser.parse("[]")).isEqualTo(new ParseResult.Items(List.of()));
    }

    @Test
    void byteAndStringInputParseAlike() {
        String body = Envelopes.eventGrid(ACD_END_TOPIC, ACD_END);

        assertThat(parser.parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo(parser.parse(body));
    }
}
