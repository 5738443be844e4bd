package io.streamvane.ingress;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.BinaryOperator;

/** Genesys events in each envelope of SPEC §1.1, with ids and times chosen by the test. */
public final class TestEvents {

    public static final String QUEUE_ID = "a1b2c3d4-6666-4f4f-9a9a-abcdefabcdef";

    /** An envelope form, named for test reports. */
    public record Form(String name, BinaryOperator<String> wrap) {

        public String wrap(String topic, String eventBody) {
            return wrap.apply(topic, eventBody);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static final List<Form> FORMS = List.of(
            new Form("Notification", TestEvents::notification),
            new Form("EventBridge", TestEvents::eventBridge),
            new Form("Event Grid", (topic, body) -> eventGrid(eventBridge(topic, body))),
            new Form("CloudEvents", (topic, body) -> cloudEvents(eventBridge(topic, body))));

    private TestEvents() {
    }

    /**
     * A Genesys id (a UUID) for a test's name of an entity, the same for the same name: ingress refuses ids that are
     * not UUIDs, and tests read better with names. A UUID is kept as it is.
     */
    public static String id(String name) {
        try {
            return UUID.fromString(name).toString().length() == name.length() ? name : named(name);
        } catch (IllegalArgumentException notAUuid) {
            return named(name);
        }
    }

    private static String named(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String acdStartTopic(String conversationId) {
        return "v2.detail.events.conversation." + id(conversationId) + ".acd.start";
    }

    public static String acdStartBody(String conversationId, long eventTimeMillis) {
        return """
                {"eventTime":%d,"conversationId":"%s","participantId":"%s","sessionId":"%s",\
                "mediaType":"VOICE","direction":"INBOUND","queueId":"%s","divisionId":"d-1"}"""
                .formatted(eventTimeMillis, id(conversationId), id("p-acd"), id("s-" + conversationId), QUEUE_ID);
    }

    /** An acd.start notification: the common case. */
    public static String acdStart(String conversationId, long eventTimeMillis) {
        return notification(acdStartTopic(conversationId), acdStartBody(conversationId, eventTimeMillis));
    }

    public static String notification(String topic, String eventBody) {
        return """
                {"topicName":"%s","version":"2","eventBody":%s,"metadata":{"CorrelationId":"corr-1"}}"""
                .formatted(topic, eventBody);
    }

    public static String eventBridge(String topic, String eventBody) {
        return """
                {"version":"0","id":"eb-1","detail-type":"v2.detail.events.conversation.{id}.acd.start",\
                "source":"aws.partner/genesys.com/cloud/x/streamvane","account":"123456789012",\
                "time":"2025-03-04T10:15:31Z","region":"eu-west-1","resources":[],\
                "detail":{"topicName":"%s","version":"2","eventBody":%s,"metadata":{"CorrelationId":"corr-1"},\
                "timestamp":"2025-03-04T10:15:30.541Z"}}""".formatted(topic, eventBody);
    }

    public static String eventGrid(String message) {
        return """
                {"id":"eg-1","eventType":"GenesysCloudEvent","subject":"genesysCloud/sendEvent",\
                "eventTime":"2025-03-04T10:15:32.100Z","dataVersion":"1.0","data":{"message":%s}}""".formatted(message);
    }

    public static String cloudEvents(String data) {
        return """
                {"specversion":"1.0","id":"ce-1","type":"com.genesys.cloud.event","source":"/genesys/eventbridge",\
                "time":"2025-03-04T10:15:33Z","data":%s}""".formatted(data);
    }

    /** A JSON array of the given envelopes. */
    public static String batch(List<String> envelopes) {
        return "[" + String.join(",", envelopes) + "]";
    }
}
