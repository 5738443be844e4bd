package io.streamvane.model.event;

import org.junit.jupiter.api.Test;

import java.time.Instant;

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
    void unprojectedTopicIdentityIsTopicAndCanonicalBody() {
        GenesysEvent a = singleEvent(parser.parse(Envelopes.notification("v2.routing.queues.q-1.users",
                "{\"joined\":true,\"queueId\":\"q-1\"}")));
        GenesysEvent b = singleEvent(parser.parse(Envelopes.eventGrid("V2.Routing.Queues.q-1.Users",
                "{\"queueId\":\"q-1\",\"joined\":true}")));

        assertThat(a.identity()).isEqualTo(b.identity());
        assertThat(((UntypedBody) a.body()).canonicalJson()).isEqualTo("{\"joined\":true,\"queueId\":\"q-1\"}");
    }
}
