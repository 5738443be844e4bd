package io.streamvane.model.event;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static io.streamvane.model.event.GenesysBodies.ACD_END;
import static io.streamvane.model.event.GenesysBodies.ACD_END_TOPIC;
import static io.streamvane.model.event.Parsed.singleRejection;
import static io.streamvane.model.event.Parsed.unreadable;
import static org.assertj.core.api.Assertions.assertThat;

class RejectionReasonsTest {

    private final EventParser parser = new EventParser();

    @Test
    void codesAreStableKebabCase() {
        assertThat(Arrays.stream(RejectionReason.values()).map(RejectionReason::code)).containsExactly(
                "empty-body", "malformed-json", "payload-too-large", "batch-too-large", "nesting-too-deep",
                "unknown-envelope", "missing-field", "invalid-field", "invalid-id", "unknown-media-type",
                "beyond-dedup-horizon", "parser-error");
    }

    /** Found by ArbitraryInputPropertiesTest: Jackson throws a bare NumberFormatException for such a number. */
    @Test
    void aNumberNoDecimalCanHoldIsAnInvalidFieldNotAFault() {
        ParseResult.Unreadable result = unreadable(parser.parse("{\"topicName\":\"x\",\"eventBody\":{\"n\":1e999999000000}}"));

        assertThat(result.reason()).isEqualTo(RejectionReason.INVALID_FIELD);
        assertThat(result.detail()).contains("beyond the parser's limits");
    }

    @Test
    void emptyBodyIsUnreadable() {
        assertThat(unreadable(parser.parse(new byte[0])).reason()).isEqualTo(RejectionReason.EMPTY_BODY);
        assertThat(unreadable(parser.parse(" \n\t ")).reason()).isEqualTo(RejectionReason.EMPTY_BODY);
        assertThat(unreadable(parser.parse((String) null)).reason()).isEqualTo(RejectionReason.EMPTY_BODY);
    }

    @Test
    void bodyThatIsNotJsonIsMalformed() {
        ParseResult.Unreadable result = unreadable(parser.parse("{\"topicName\": \"v2.users.u.presence\", "));

        assertThat(result.reason()).isEqualTo(RejectionReason.MALFORMED_JSON);
        assertThat(result.detail()).startsWith("body is not valid JSON");
    }

    @Test
    void trailingGarbageAfterAnEnvelopeIsMalformed() {
        assertThat(unreadable(parser.parse(Envelopes.notification(ACD_END_TOPIC, ACD_END) + " ]")).reason())
                .isEqualTo(RejectionReason.MALFORMED_JSON);
    }

    @Test
    void invalidUtf8IsMalformed() {
        byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThat(unreadable(parser.parse(body)).reason()).isEqualTo(RejectionReason.MALFORMED_JSON);
    }

    @Test
    void bodyOverTheLimitIsTooLargeBeforeBeingRead() {
        EventParser small = new EventParser(new ParserLimits(1_000, 10, 32));
        String body = "[" + "1,".repeat(600) + "1]";

        ParseResult.Unreadable result = unreadable(small.parse(body));

        assertThat(result.reason()).isEqualTo(RejectionReason.PAYLOAD_TOO_LARGE);
        assertThat(result.detail()).isEqualTo("body is 1203 bytes, the limit is 1000");
    }

    @Test
    void defaultLimitIsOneMebibyte() {
        byte[] body = new byte[1024 * 1024 + 1];
        Arrays.fill(body, (byte) ' ');

        assertThat(unreadable(parser.parse(body)).reason()).isEqualTo(RejectionReason.PAYLOAD_TOO_LARGE);
    }

    @Test
    void batchOverTheLimitIsRefusedWhole() {
        EventParser small = new EventParser(new ParserLimits(1024 * 1024, 2, 32));
        String item = Envelopes.notification(ACD_END_TOPIC, ACD_END);

        ParseResult.Unreadable result = unreadable(small.parse("[" + item + "," + item + "," + item + "]"));

        assertThat(result.reason()).isEqualTo(RejectionReason.BATCH_TOO_LARGE);
        assertThat(result.detail()).isEqualTo("batch holds 3 items, the limit is 2");
    }

    @Test
    void deepNestingIsRefusedWithoutExhaustingTheStack() {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);

        ParseResult.Unreadable result = unreadable(parser.parse(deep));

        assertThat(result.reason()).isEqualTo(RejectionReason.NESTING_TOO_DEEP);
    }

    @Test
    void deepNestingInsideAnEventBodyIsRefusedToo() {
        String body = Envelopes.notification("v2.some.topic", "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}");

        assertThat(unreadable(parser.parse(body)).reason()).isEqualTo(RejectionReason.NESTING_TOO_DEEP);
    }

    @Test
    void hugeStringWithinTheBodyLimitIsAccepted() {
        String huge = "x".repeat(900_000);

        GenesysEvent event = Parsed.singleEvent(parser.parse(Envelopes.notification("v2.some.topic",
                "{\"blob\":\"" + huge + "\"}")));

        assertThat(event.eventBodyJson()).hasSizeGreaterThan(900_000);
    }

    @Test
    void objectOfNoKnownShapeIsAnUnknownEnvelope() {
        ParsedItem.Rejected rejected = singleRejection(parser.parse("{\"result\":\"200\",\"status\":\"subscribed\"}"));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.UNKNOWN_ENVELOPE);
        assertThat(rejected.detail()).isEqualTo("object with keys [result, status] is no Notification, EventBridge, "
                + "Event Grid or CloudEvents envelope");
    }

    @Test
    void scalarBodyIsAnUnknownEnvelope() {
        ParsedItem.Rejected rejected = singleRejection(parser.parse("42"));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.UNKNOWN_ENVELOPE);
        assertThat(rejected.detail()).isEqualTo("item is a number, not an envelope object");
    }

    @Test
    void cloudEventsOfAnotherSpecVersionIsAnUnknownEnvelope() {
        String body = Envelopes.cloudEventsOfNotification(ACD_END_TOPIC, ACD_END).replace("\"1.0\"", "\"0.3\"");

        assertThat(singleRejection(parser.parse(body)).reason()).isEqualTo(RejectionReason.UNKNOWN_ENVELOPE);
    }

    @Test
    void eventGridWithoutMessageLacksAField() {
        String body = "{\"id\":\"e\",\"eventType\":\"GenesysCloudEvent\",\"dataVersion\":\"1.0\",\"data\":{}}";

        ParsedItem.Rejected rejected = singleRejection(parser.parse(body));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.MISSING_FIELD);
        assertThat(rejected.detail()).isEqualTo("Event Grid event lacks data.message");
    }

    @Test
    void eventGridMessageStringThatIsNotJsonIsMalformed() {
        String body = "{\"id\":\"e\",\"eventType\":\"GenesysCloudEvent\",\"dataVersion\":\"1.0\","
                + "\"data\":{\"message\":\"{not json\"}}";

        ParsedItem.Rejected rejected = singleRejection(parser.parse(body));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.MALFORMED_JSON);
        assertThat(rejected.detail()).startsWith("Event Grid data.message string is not valid JSON");
    }

    @Test
    void cloudEventsWithoutDataLacksAField() {
        String body = "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"t\",\"source\":\"s\"}";

        assertThat(singleRejection(parser.parse(body)).detail())
                .isEqualTo("CloudEvents event lacks data and data_base64");
    }

    @Test
    void cloudEventsDataBase64ThatIsNotBase64IsAnInvalidField() {
        String body = "{\"specversion\":\"1.0\",\"id\":\"x\",\"type\":\"t\",\"source\":\"s\",\"data_base64\":\"%%%\"}";

        ParsedItem.Rejected rejected = singleRejection(parser.parse(body));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.INVALID_FIELD);
        assertThat(rejected.detail()).isEqualTo("CloudEvents event data_base64 must be base64, got \"%%%\"");
    }

    @Test
    void notificationWithoutEventBodyLacksAField() {
        ParsedItem.Rejected rejected = singleRejection(parser.parse(
                "{\"topicName\":\"" + ACD_END_TOPIC + "\",\"version\":\"2\"}"));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.MISSING_FIELD);
        assertThat(rejected.detail()).isEqualTo(ACD_END_TOPIC + " message lacks eventBody");
    }

    @Test
    void eventBridgeWithoutDetailLacksAField() {
        String body = "{\"version\":\"0\",\"id\":\"x\",\"detail-type\":\"v2.users.{id}.presence\",\"source\":\"s\"}";

        assertThat(singleRejection(parser.parse(body)).detail()).isEqualTo("EventBridge event lacks detail");
    }

    @Test
    void topicNameThatIsNotAStringIsAnInvalidField() {
        ParsedItem.Rejected rejected = singleRejection(parser.parse("{\"topicName\":7,\"eventBody\":{}}"));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.INVALID_FIELD);
        assertThat(rejected.detail()).isEqualTo("notification topicName must be a string, got 7");
    }

    @Test
    void envelopesNestedBeyondFourLayersAreAnUnknownEnvelope() {
        String body = Envelopes.notification(ACD_END_TOPIC, ACD_END);
        for (int i = 0; i < 4; i++) {
            body = "{\"specversion\":\"1.0\",\"id\":\"c" + i + "\",\"data\":" + body + "}";
        }

        ParsedItem.Rejected rejected = singleRejection(parser.parse(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.UNKNOWN_ENVELOPE);
        assertThat(rejected.detail()).startsWith("envelopes nested deeper than 4 layers");
    }
}
