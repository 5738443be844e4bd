package io.streamvane.model.event;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ArbitraryInputPropertiesTest {

    private static final List<String> KEYS = List.of("topicName", "eventBody", "metadata", "CorrelationId", "version",
            "detail", "detail-type", "source", "time", "timestamp", "id", "eventType", "dataVersion", "subject",
            "eventTime", "data", "message", "specversion", "data_base64", "conversationId", "participantId",
            "sessionId", "userId", "queueId", "mediaType", "acdOutcome", "connectedDurationMs", "routingStatus",
            "status", "startTime", "presence", "presenceDefinition", "systemPresence", "modifiedDate",
            "activeQueueIds", "group", "interval", "metrics", "metric", "stats", "count", "x");

    private final EventParser parser = new EventParser();

    @Provide
    Arbitrary<String> jsonish() {
        return Arbitraries.strings().withChars("{}[]\":,0123456789.eE-+ truefalsn\\/ux").ofMaxLength(300);
    }

    @Provide
    Arbitrary<String> jsonValues() {
        return Arbitraries.recursive(ArbitraryInputPropertiesTest::scalar, ArbitraryInputPropertiesTest::container, 0, 4);
    }

    @Provide
    Arbitrary<String> damagedEnvelopes() {
        Arbitrary<String> valid = Combinators.combine(GeneratedEvents.any(), Arbitraries.of(Envelopes.ALL))
                .as((event, form) -> form.wrap(event.topic(), event.body()));
        return Combinators.combine(valid, Arbitraries.integers().between(0, 100_000),
                        Arbitraries.of("", "\"", "{", "}", "[", "]", ",", ":", "\\", "null", "1e999999", "\u0000"))
                .as((text, position, insert) -> {
                    int at = position % (text.length() + 1);
                    return position % 2 == 0
                            ? text.substring(0, at) + insert
                            : text.substring(0, at) + insert + text.substring(Math.min(text.length(), at + 1));
                });
    }

    @Property
    void jsonishTextNeverThrows(@ForAll("jsonish") String body) {
        assertParsedWithoutFault(body);
    }

    // Recursive edge cases multiply quickly and add nothing the random trees do not already cover.
    @Property(edgeCases = EdgeCasesMode.NONE)
    void arbitraryJsonWithEnvelopeKeysNeverThrows(@ForAll("jsonValues") String body) {
        assertParsedWithoutFault(body);
    }

    @Property
    void damagedEnvelopesNeverThrow(@ForAll("damagedEnvelopes") String body) {
        assertParsedWithoutFault(body);
    }

    @Property
    void arbitraryBytesNeverThrow(@ForAll byte[] body) {
        assertNoParserError(parser.parse(body));
    }

    private void assertParsedWithoutFault(String body) {
        assertNoParserError(parser.parse(body));
        assertNoParserError(parser.parse(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertNoParserError(ParseResult result) {
        if (result instanceof ParseResult.Items items) {
            assertThat(items.rejections()).extracting(ParsedItem.Rejected::reason)
                    .doesNotContain(RejectionReason.PARSER_ERROR);
        }
    }

    private static Arbitrary<String> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.of("null", "true", "false", "0", "-1", "1741083330512", "1.5e3", "1e999999999",
                        "\"\"", "\"v2.detail.events.conversation.c-1.acd.end\"", "\"v2.users.u-1.activity\"",
                        "\"v2.users.{id}.presence\"", "\"v2.analytics.queues.q-1.observations\"",
                        "\"channel.metadata\"", "\"1.0\"", "\"2025-03-04T10:15:30.541Z\"",
                        "\"2024-12-30T09:30:00.000Z/2024-12-30T10:00:00.000Z\"", "\"e30=\"", "\"{}\"", "\"[\""),
                Arbitraries.strings().ofMaxLength(10).map(Envelopes::quoted),
                Arbitraries.longs().map(String::valueOf));
    }

    private static Arbitrary<String> container(Arbitrary<String> inner) {
        Arbitrary<String> array = inner.list().ofMaxSize(4)
                .map(values -> values.stream().collect(Collectors.joining(",", "[", "]")));
        Arbitrary<String> object = Arbitraries.maps(Arbitraries.of(KEYS), inner).ofMaxSize(6)
                .map(map -> map.entrySet().stream()
                        .map(entry -> "\"" + entry.getKey() + "\":" + entry.getValue())
                        .collect(Collectors.joining(",", "{", "}")));
        Arbitrary<String> embedded = object.map(Envelopes::quoted);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, array),
                net.jqwik.api.Tuple.of(4, object),
                net.jqwik.api.Tuple.of(1, embedded));
    }
}
