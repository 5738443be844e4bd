package io.streamvane.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamvane.simulator.events.Delivery;
import io.streamvane.simulator.events.EnvelopeMix;
import io.streamvane.simulator.events.EnvelopeType;
import io.streamvane.simulator.events.ScheduledMessage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EnvelopeTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Pattern ISO_MILLIS = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    private static final Pattern SOURCE = Pattern.compile("aws\\.partner/genesys\\.com/cloud/[0-9a-f-]{36}/[\\w.-]{1,64}");

    @Test
    void envelopeSharesFollowTheConfiguredMix() {
        Simulator run = Runs.cleanDay();
        EnvelopeMix mix = EnvelopeMix.defaults();
        Map<EnvelopeType, Integer> counts = new EnumMap<>(EnvelopeType.class);
        long batched = 0;
        long deliveries = 0;
        for (ScheduledMessage m : run.messages()) {
            for (Delivery d : m.message().deliveries()) {
                counts.merge(d.envelope(), 1, Integer::sum);
                deliveries++;
            }
            batched += m.message().isBatch() ? m.message().deliveries().size() : 0;
        }
        for (EnvelopeType type : EnvelopeType.SINGLE) {
            assertThat(counts.getOrDefault(type, 0) / (double) deliveries).as("share of %s", type)
                    .isCloseTo(mix.share(type), within(0.02));
        }
        // A batch starts with probability batchShare and then holds 2..10 deliveries (mean 6).
        double expectedBatched = mix.batchShare() * 6 / (mix.batchShare() * 6 + 1 - mix.batchShare());
        assertThat(batched / (double) deliveries).isCloseTo(expectedBatched, within(0.05));
    }

    @Test
    void everyEnvelopeHasTheRequiredFieldsOfItsType() {
        for (ScheduledMessage m : Runs.cleanDay().messages()) {
            JsonNode root = MAPPER.readTree(m.message().json());
            List<Delivery> deliveries = m.message().deliveries();
            if (m.message().isBatch()) {
                assertThat(root.isArray()).isTrue();
                assertThat(root.size()).isEqualTo(deliveries.size()).isGreaterThanOrEqualTo(2);
                for (int i = 0; i < root.size(); i++) {
                    assertEnvelope(root.get(i), deliveries.get(i).envelope());
                }
            } else {
                assertEnvelope(root, m.message().envelope());
            }
        }
    }

    private static void assertEnvelope(JsonNode node, EnvelopeType type) {
        switch (type) {
            case NOTIFICATION -> assertNotification(node);
            case EVENT_BRIDGE -> assertEventBridge(node);
            case EVENT_GRID -> {
                assertThat(node.path("id").asString()).isNotBlank();
                assertThat(node.path("eventType").asString()).isEqualTo("GenesysCloudEvent");
                assertThat(node.path("subject").asString()).isEqualTo("genesysCloud/sendEvent");
                assertThat(node.path("dataVersion").asString()).isEqualTo("1.0");
                assertThat(node.path("eventTime").asString()).matches(ISO_MILLIS);
                assertEventBridge(node.path("data").path("message"));
            }
            case CLOUD_EVENTS -> {
                assertThat(node.path("specversion").asString()).isEqualTo("1.0");
                for (String field : List.of("id", "type", "source", "time")) {
                    assertThat(node.path(field).asString()).as(field).isNotBlank();
                }
                JsonNode data = node.path("data");
                if (data.has("detail-type")) {
                    assertEventBridge(data);
                } else {
                    assertNotification(data);
                }
            }
            default -> throw new AssertionError("unexpected envelope " + type);
        }
    }

    private static void assertEventBridge(JsonNode node) {
        assertThat(node.path("version").asString()).isEqualTo("0");
        assertThat(node.path("id").asString()).isNotBlank();
        assertThat(node.path("source").asString()).matches(SOURCE);
        assertThat(node.path("account").asString()).isNotBlank();
        assertThat(node.path("region").asString()).isNotBlank();
        assertThat(node.path("time").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(node.path("resources").isArray()).isTrue();
        JsonNode detail = node.path("detail");
        String templated = node.path("detail-type").asString();
        assertThat(templated).contains("{id}");
        String concrete = detail.path("topicName").asString();
        assertThat(concrete).doesNotContain("{id}");
        assertThat(concrete).matches(Pattern.quote(templated).replace("{id}", "\\E[0-9a-f-]{36}\\Q"));
        assertThat(detail.path("timestamp").asString()).matches(ISO_MILLIS);
        assertNotification(detail);
    }

    private static void assertNotification(JsonNode node) {
        assertThat(node.path("topicName").asString()).startsWith("v2.");
        assertThat(node.path("version").asString()).isEqualTo("2");
        assertThat(node.path("metadata").path("CorrelationId").asString()).isNotBlank();
        JsonNode body = node.path("eventBody");
        String topic = node.path("topicName").asString();
        if (topic.startsWith("v2.detail.")) {
            assertThat(body.path("eventTime").isIntegralNumber()).isTrue();
            assertThat(body.path("mediaType").asString()).isIn("VOICE", "CHAT");
            assertThat(topic).contains(body.path("conversationId").asString());
            for (String field : List.of("participantId", "sessionId", "queueId", "direction")) {
                assertThat(body.path(field).asString()).as(field).isNotBlank();
            }
        } else if (topic.endsWith(".presence")) {
            assertThat(body.path("modifiedDate").asString()).matches(ISO_MILLIS);
            assertThat(body.path("presenceDefinition").path("systemPresence").asString()).isNotBlank();
        } else {
            assertThat(topic).contains(body.path("id").asString());
            assertThat(body.path("routingStatus").path("startTime").asString()).matches(ISO_MILLIS);
        }
    }
}
