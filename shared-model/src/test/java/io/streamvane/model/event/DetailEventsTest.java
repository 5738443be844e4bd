package io.streamvane.model.event;

import io.streamvane.model.kpi.AcdOutcome;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.streamvane.model.event.GenesysBodies.*;
import static io.streamvane.model.event.Parsed.singleEvent;
import static io.streamvane.model.event.Parsed.singleRejection;
import static org.assertj.core.api.Assertions.assertThat;

class DetailEventsTest {

    private final EventParser parser = new EventParser();

    private GenesysEvent parse(String topic, String body) {
        return singleEvent(parser.parse(Envelopes.eventBridge(topic, body)));
    }

    @Test
    void acdStartNamesTheQueueVisit() {
        GenesysEvent event = parse(ACD_START_TOPIC, ACD_START);

        assertThat(event.body()).isEqualTo(new AcdStart(Instant.ofEpochMilli(1741083289312L), CONVERSATION_ID,
                "p-acd", "s-acd", QUEUE_ID, "voice", "INBOUND", "d-1"));
        assertThat(event.ids()).isEqualTo(new EntityIds(CONVERSATION_ID, "p-acd", "s-acd", null, QUEUE_ID, "voice"));
    }

    @Test
    void acdEndCarriesOutcomeAndTimeInQueue() {
        AcdEnd end = (AcdEnd) parse(ACD_END_TOPIC, ACD_END).body();

        assertThat(end.asAcdOutcome()).isEqualTo(AcdOutcome.ABANDON);
        assertThat(end.connectedDurationMs()).isEqualTo(41200L);
        assertThat(end.asDisconnectType()).isEqualTo(DisconnectType.PEER);
        assertThat(end.answeredUserId()).isNull();
    }

    @Test
    void answeredAcdEndNamesTheAnsweringAgent() {
        String answered = ACD_END.replace("\"ABANDON\"", "\"ANSWERED\", \"answeredUserId\": \"" + USER_ID + "\"");

        AcdEnd end = (AcdEnd) parse(ACD_END_TOPIC, answered).body();

        assertThat(end.asAcdOutcome()).isEqualTo(AcdOutcome.ANSWERED);
        assertThat(end.answeredUserId()).isEqualTo(USER_ID);
    }

    @Test
    void userStartAttributesTheAgent() {
        GenesysEvent event = parse(USER_START_TOPIC, USER_START);

        assertThat(event.body()).isInstanceOf(UserStart.class);
        assertThat(event.ids().userId()).isEqualTo(USER_ID);
        assertThat(event.eventTime()).isEqualTo(Instant.ofEpochMilli(1741083335100L));
    }

    @Test
    void userEndCarriesTalkHoldAndAlertDurations() {
        UserEnd end = (UserEnd) parse(USER_END_TOPIC, USER_END).body();

        assertThat(end.interactingDurationMs()).isEqualTo(241800L);
        assertThat(end.heldDurationMs()).isEqualTo(30000L);
        assertThat(end.alertingDurationMs()).isEqualTo(4200L);
        assertThat(end.asDisconnectType()).isEqualTo(DisconnectType.PEER);
        assertThat(end.contactingDurationMs()).isZero();
        assertThat(end.dialingDurationMs()).isNull();
    }

    @Test
    void outboundUserEndCarriesDialingAndContactingDurations() {
        String outbound = USER_END.replace("\"contactingDurationMs\": 0",
                "\"contactingDurationMs\": 6100, \"dialingDurationMs\": 2300");

        UserEnd end = (UserEnd) parse(USER_END_TOPIC, outbound).body();

        assertThat(end.dialingDurationMs()).isEqualTo(2300L);
        assertThat(end.contactingDurationMs()).isEqualTo(6100L);
    }

    @Test
    void acwCarriesWrapupCodeAndDuration() {
        AfterCallWork acw = (AfterCallWork) parse(ACW_TOPIC, ACW).body();

        assertThat(acw.wrapupCode()).isEqualTo("b9c3e0d1-7777-4a4a-8b8b-123456789abc");
        assertThat(acw.wrapupDurationMs()).isEqualTo(89000L);
        assertThat(acw.userId()).isEqualTo(USER_ID);
    }

    @Test
    void mediaTypeIsLowerCasedEverywhere() {
        GenesysEvent event = parse(ACD_START_TOPIC, ACD_START.replace("\"VOICE\"", "\"Callback\""));

        assertThat(event.ids().mediaType()).isEqualTo("callback");
        assertThat(((AcdStart) event.body()).mediaType()).isEqualTo("callback");
    }

    @Test
    void identityIsKindConversationSessionAndEventTime() {
        GenesysEvent event = parse(ACD_END_TOPIC, ACD_END);

        assertThat(event.identity().key()).isEqualTo("ACD_END|" + CONVERSATION_ID + "|s-acd|1741083330512");
    }

    @Test
    void identityFallsBackToParticipantWhenThereIsNoSession() {
        GenesysEvent event = parse(ACD_END_TOPIC, ACD_END.replace("\"sessionId\": \"s-acd\",", ""));

        assertThat(event.identity().key()).isEqualTo("ACD_END|" + CONVERSATION_ID + "|p-acd|1741083330512");
    }

    @Test
    void startAndEndOfOneSessionHaveDifferentIdentities() {
        assertThat(parse(ACD_START_TOPIC, ACD_START).identity()).isNotEqualTo(parse(ACD_END_TOPIC, ACD_END).identity());
    }

    @Test
    void conversationIdComesFromTheTopicWhenTheBodyLacksIt() {
        GenesysEvent event = parse(ACD_END_TOPIC, ACD_END.replace("\"conversationId\"", "\"formerConversationId\""));

        assertThat(event.ids().conversationId()).isEqualTo(CONVERSATION_ID);
    }

    @Test
    void eventTimeSentAsIsoTextByABridgeIsTheSameInstant() {
        GenesysEvent event = parse(ACD_END_TOPIC, ACD_END.replace("1741083330512", "\"2025-03-04T10:15:30.512Z\""));

        assertThat(event.identity()).isEqualTo(parse(ACD_END_TOPIC, ACD_END).identity());
    }

    @Test
    void acdEndWithoutQueueIsRejectedNamingTheField() {
        ParsedItem.Rejected rejected = singleRejection(parser.parse(Envelopes.eventBridge(ACD_END_TOPIC,
                ACD_END.replace("\"queueId\"", "\"formerQueueId\""))));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.MISSING_FIELD);
        assertThat(rejected.detail()).isEqualTo("acd.end event lacks queueId");
    }

    @Test
    void acdEventWithoutSessionOrParticipantIsRejected() {
        String body = ACD_START.replace("\"participantId\": \"p-acd\", \"sessionId\": \"s-acd\",", "");

        ParsedItem.Rejected rejected = singleRejection(parser.parse(Envelopes.notification(ACD_START_TOPIC, body)));

        assertThat(rejected.detail()).isEqualTo("acd.start event lacks sessionId and participantId");
    }

    @Test
    void detailEventWithoutConversationAnywhereIsRejected() {
        String body = ACD_END.replace("\"conversationId\"", "\"formerConversationId\"");
        String withoutTopic = Envelopes.eventBridge(ACD_END_TOPIC, body)
                .replace("\"topicName\":\"" + ACD_END_TOPIC + "\",", "");

        ParsedItem.Rejected rejected = singleRejection(parser.parse(withoutTopic));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.MISSING_FIELD);
        assertThat(rejected.detail()).isEqualTo("acd.end event lacks conversationId");
    }

    @Test
    void userEndWithoutUserIsRejected() {
        ParsedItem.Rejected rejected = singleRejection(parser.parse(Envelopes.notification(USER_END_TOPIC,
                USER_END.replace("\"userId\"", "\"formerUserId\""))));

        assertThat(rejected.detail()).isEqualTo("user.end event lacks userId");
    }

    @Test
    void acwWithoutParticipantIsRejected() {
        ParsedItem.Rejected rejected = singleRejection(parser.parse(Envelopes.notification(ACW_TOPIC,
                ACW.replace("\"participantId\"", "\"formerParticipantId\""))));

        assertThat(rejected.detail()).isEqualTo("acw event lacks participantId");
    }

    @Test
    void detailEventWithoutEventTimeIsRejected() {
        ParsedItem.Rejected rejected = singleRejection(parser.parse(Envelopes.notification(USER_START_TOPIC,
                USER_START.replace("\"eventTime\"", "\"formerEventTime\""))));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.MISSING_FIELD);
        assertThat(rejected.detail()).isEqualTo("user.start event lacks eventTime");
    }

    @Test
    void eventTimeOfLettersIsAnInvalidField() {
        ParsedItem.Rejected rejected = singleRejection(parser.parse(Envelopes.notification(ACD_END_TOPIC,
                ACD_END.replace("1741083330512", "\"yesterday\""))));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.INVALID_FIELD);
        assertThat(rejected.detail()).isEqualTo("acd.end event eventTime must be epoch milliseconds, got \"yesterday\"");
    }

    @Test
    void eventTimeOutsideWhatTheStoreCanHoldIsAnInvalidField() {
        for (String millis : new String[] {String.valueOf(Long.MIN_VALUE), "-1", "7258118400000"}) {
            ParsedItem.Rejected rejected = singleRejection(parser.parse(Envelopes.notification(ACD_END_TOPIC,
                    ACD_END.replace("1741083330512", millis))));

            assertThat(rejected.reason()).isEqualTo(RejectionReason.INVALID_FIELD);
            assertThat(rejected.detail()).startsWith("acd.end event eventTime must lie between 1970");
        }
    }

    @Test
    void eventTimesAtTheEdgesOfThePlausibleWindowAreAccepted() {
        for (String millis : new String[] {"0", "7258118399999"}) {
            assertThat(parser.parse(Envelopes.notification(ACD_END_TOPIC, ACD_END.replace("1741083330512", millis))))
                    .isInstanceOf(ParseResult.Items.class)
                    .satisfies(items -> assertThat(((ParseResult.Items) items).acceptedEvents()).hasSize(1));
        }
    }

    @Test
    void durationThatIsNotAWholeNumberIsAnInvalidField() {
        ParsedItem.Rejected rejected = singleRejection(parser.parse(Envelopes.notification(USER_END_TOPIC,
                USER_END.replace("241800", "\"long\""))));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.INVALID_FIELD);
        assertThat(rejected.detail()).contains("interactingDurationMs");
    }

    @Test
    void idThatIsNotAStringIsAnInvalidField() {
        ParsedItem.Rejected rejected = singleRejection(parser.parse(Envelopes.notification(ACD_START_TOPIC,
                ACD_START.replace("\"" + QUEUE_ID + "\"", "{\"id\":\"q\"}"))));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.INVALID_FIELD);
        assertThat(rejected.detail()).isEqualTo("acd.start event queueId must be a string, got an object");
    }

    @Test
    void bodyThatIsNotAnObjectIsAnInvalidField() {
        ParsedItem.Rejected rejected = singleRejection(parser.parse(Envelopes.notification(ACD_START_TOPIC, "[1,2]")));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.INVALID_FIELD);
        assertThat(rejected.detail()).isEqualTo("acd.start event eventBody must be an object, got an array");
    }

    @Test
    void hugeExponentInEventTimeIsRejectedNotComputed() {
        ParsedItem.Rejected rejected = singleRejection(parser.parse(Envelopes.notification(ACD_END_TOPIC,
                ACD_END.replace("1741083330512", "1e999999999"))));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.INVALID_FIELD);
    }
}
