package io.streamvane.model.event;

import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.BinaryOperator;

/** Wraps a Genesys notification (topic + eventBody JSON) in each envelope of SPEC §1.1, as the bridges do. */
final class Envelopes {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Every envelope form, named for test reports. */
    static final List<Form> ALL = List.of(
            new Form("Notification", Envelopes::notification),
            new Form("EventBridge", Envelopes::eventBridge),
            new Form("Event Grid", Envelopes::eventGrid),
            new Form("Event Grid with data.message as a string", Envelopes::eventGridWithStringMessage),
            new Form("CloudEvents of EventBridge", Envelopes::cloudEventsOfEventBridge),
            new Form("CloudEvents of a notification", Envelopes::cloudEventsOfNotification),
            new Form("CloudEvents with data as a string", Envelopes::cloudEventsWithStringData),
            new Form("CloudEvents with data_base64", Envelopes::cloudEventsWithBase64Data));

    record Form(String name, BinaryOperator<String> wrap) {

        String wrap(String topic, String eventBody) {
            return wrap.apply(topic, eventBody);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private Envelopes() {
    }

    static String notification(String topic, String eventBody) {
        return """
                {"topicName":"%s","version":"2","eventBody":%s,
                 "metadata":{"CorrelationId":"8a1f3e2c-2222-4b4b-8d8d-aabbccddeeff"}}
                """.formatted(topic, eventBody);
    }

    static String eventBridge(String topic, String eventBody) {
        String templated = TopicKind.ofTopic(topic).template().orElse(topic);
        return """
                {"version":"0","id":"0f6c2d8e-3333-4c4c-9e9e-112233445566","detail-type":"%s",
                 "source":"aws.partner/genesys.com/cloud/11111111-2222-3333-4444-555555555555/streamvane-prod",
                 "account":"123456789012","time":"2025-03-04T10:15:31Z","region":"eu-west-1","resources":[],
                 "detail":{"topicName":"%s","version":"2","eventBody":%s,
                           "metadata":{"CorrelationId":"8a1f3e2c-2222-4b4b-8d8d-aabbccddeeff"},
                           "timestamp":"2025-03-04T10:15:30.541Z"}}
                """.formatted(templated, topic, eventBody);
    }

    static String eventGrid(String topic, String eventBody) {
        return eventGridAround(eventBridge(topic, eventBody));
    }

    static String eventGridWithStringMessage(String topic, String eventBody) {
        return eventGridAround(quoted(eventBridge(topic, eventBody)));
    }

    static String cloudEventsOfEventBridge(String topic, String eventBody) {
        return cloudEventsAround("\"data\":" + eventBridge(topic, eventBody));
    }

    static String cloudEventsOfNotification(String topic, String eventBody) {
        return cloudEventsAround("\"data\":" + notification(topic, eventBody));
    }

    static String cloudEventsWithStringData(String topic, String eventBody) {
        return cloudEventsAround("\"data\":" + quoted(eventBridge(topic, eventBody)));
    }

    static String cloudEventsWithBase64Data(String topic, String eventBody) {
        String base64 = Base64.getEncoder()
                .encodeToString(eventBridge(topic, eventBody).getBytes(StandardCharsets.UTF_8));
        return cloudEventsAround("\"data_base64\":\"" + base64 + "\"");
    }

    static String quoted(String text) {
        return MAPPER.writeValueAsString(text);
    }

    private static String eventGridAround(String message) {
        return """
                {"id":"5b3c1c1e-aaaa-4bbb-8ccc-0d0e0f101112","eventType":"GenesysCloudEvent",
                 "subject":"genesysCloud/sendEvent","eventTime":"2025-03-04T10:15:32.100Z","dataVersion":"1.0",
                 "data":{"message":%s}}
                """.formatted(message);
    }

    private static String cloudEventsAround(String data) {
        return """
                {"specversion":"1.0","id":"ce-7d1e","type":"com.genesys.cloud.event",
                 "source":"/genesys/eventbridge","time":"2025-03-04T10:15:33Z",%s}
                """.formatted(data);
    }
}
