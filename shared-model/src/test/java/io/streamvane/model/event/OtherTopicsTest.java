package io.streamvane.model.event;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Locale;

import static io.streamvane.model.event.GenesysBodies.*;
import static io.streamvane.model.event.Parsed.singleEvent;
import static org.assertj.core.api.Assertions.assertThat;

class OtherTopicsTest {

    private final EventParser parser = new EventParser();

    @Test
    void unprojectedTopicIsAcceptedRawWithItsIdsAndBodyTime() {
        GenesysEvent event = singleEvent(parser.parse(Envelopes.eventBridge(CUSTOMER_END_TOPIC, CUSTOMER_END)));

        assertThat(event.kind()).isEqualTo(TopicKind.OTHER);
        assertThat(event.body()).isInstanceOf(UntypedBody.class);
        assertThat(event.ids().conversationId()).isEqualTo(CONVERSATION_ID);
        assertThat(event.ids().mediaType()).isEqualTo("voice");
        assertThat(event.eventTime()).isEqualTo(Instant.ofEpochMilli(1741083612500L));
    }

    @Test
    void unprojectedTopicWithoutBodyTimeHappensWhenGenesysPublishedIt() {
        String body = "{\"id\":\"q-1\",\"user\":{\"id\":\"u-1\"},\"queueId\":\"q-1\",\"joined\":true}";

        GenesysEvent event = singleEvent(parser.parse(Envelopes.eventBridge("v2.routing.queues.q-1.users", body)));

        assertThat(event.eventTime()).isEqualTo(Instant.parse("2025-03-04T10:15:30.541Z"));
    }

    @Test
    void unprojectedTopicWithNoTimeAnywhereHasNoEventTime() {
        GenesysEvent event = singleEvent(parser.parse(Envelopes.notification("v2.routing.queues.q-1.users",
                "{\"joined\":true}")));

        assertThat(event.eventTime()).isNull();
    }

    @Test
    void sameCustomerEndInTwoEnvelopesIsOneEvent() {
        GenesysEvent viaNotification = singleEvent(parser.parse(Envelopes.notification(CUSTOMER_END_TOPIC,
                CUSTOMER_END)));
        // Re-serialised by a bridge: time as ISO text, and a field the first delivery lacked.
        String reserialised = CUSTOMER_END.replace("1741083612500", "\"2025-03-04T10:20:12.500Z\"")
                .replace("\"divisionId\"", "\"provider\": \"Edge\", \"divisionId\"");
        GenesysEvent viaEventBridge = singleEvent(parser.parse(Envelopes.eventBridge(CUSTOMER_END_TOPIC,
                reserialised)));

        assertThat(viaEventBridge.identity()).isEqualTo(viaNotification.identity());
        assertThat(viaNotification.identity().key())
                .isEqualTo("OTHER|customer.end|" + CONVERSATION_ID + "|s-cust|1741083612500");
    }

    @Test
    void customerEndsAtAnotherTimeOrOfAnotherParticipantAreOtherEvents() {
        GenesysEvent first = singleEvent(parser.parse(Envelopes.notification(CUSTOMER_END_TOPIC, CUSTOMER_END)));
        GenesysEvent later = singleEvent(parser.parse(Envelopes.notification(CUSTOMER_END_TOPIC,
                CUSTOMER_END.replace("1741083612500", "1741083612501"))));
        GenesysEvent otherParticipant = singleEvent(parser.parse(Envelopes.notification(CUSTOMER_END_TOPIC,
                CUSTOMER_END.replace("\"p-cust\", \"sessionId\": \"s-cust\",", "\"p-cust-2\","))));

        assertThat(later.identity()).isNotEqualTo(first.identity());
        assertThat(otherParticipant.identity()).isNotEqualTo(first.identity());
        assertThat(otherParticipant.identity().key()).endsWith("|p-cust-2|1741083612500");
    }

    @Test
    void everyConversationDetailTopicGetsTheDetailIdentityKeyedOnItsKind() {
        String body = "{\"eventTime\":1741083612500,\"participantId\":\"p-1\",\"flowType\":\"INBOUNDCALL\"}";

        GenesysEvent flowEnd = singleEvent(parser.parse(Envelopes.eventGrid(
                "v2.detail.events.conversation.c-9.Flow.End", body)));
        GenesysEvent flowStart = singleEvent(parser.parse(Envelopes.eventGrid(
                "v2.detail.events.conversation.c-9.flow.start", body)));

        assertThat(flowEnd.identity().key()).isEqualTo("OTHER|flow.end|c-9|p-1|1741083612500");
        assertThat(flowStart.identity()).isNotEqualTo(flowEnd.identity());
    }

    @Test
    void detailBodyWithoutEventTimeFallsBackToItsBodyHash() {
        GenesysEvent a = singleEvent(parser.parse(Envelopes.notification(CUSTOMER_END_TOPIC,
                "{\"participantId\":\"p-1\",\"disconnectType\":\"ENDPOINT\"}")));
        GenesysEvent b = singleEvent(parser.parse(Envelopes.notification(CUSTOMER_END_TOPIC,
                "{\"participantId\":\"p-1\",\"disconnectType\":\"PEER\"}")));

        assertThat(a.identity().key()).startsWith("OTHER|" + CUSTOMER_END_TOPIC.toLowerCase(Locale.ROOT) + "|sha256:");
        assertThat(b.identity()).isNotEqualTo(a.identity());
    }

    @Test
    void unprojectedTopicIdentityIsTopicAndCanonicalBody() {
        GenesysEvent a = singleEvent(parser.parse(Envelopes.notification("v2.routing.queues.q-1.users",
                "{\"joined\":true,\"queueId\":\"q-1\"}")));
        GenesysEvent b = singleEvent(parser.parse(Envelopes.eventGrid("V2.Routing.Queues.q-1.Users",
                "{\"queueId\":\"q-1\",\"joined\":true}")));

        assertThat(a.identity()).isEqualTo(b.identity());
        assertThat(((UntypedBody) a.body()).canonicalJson()).isEqualTo("{\"joined\":true,\"queueId\":\"q-1\"}");
    }
}
