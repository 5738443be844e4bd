package io.streamvane.simulator.events;

/** The topics the simulator publishes, by their templated names (SPEC §1.2). */
public enum EventKind {
    ACD_START("v2.detail.events.conversation.{id}.acd.start"),
    ACD_END("v2.detail.events.conversation.{id}.acd.end"),
    USER_START("v2.detail.events.conversation.{id}.user.start"),
    USER_END("v2.detail.events.conversation.{id}.user.end"),
    ACW("v2.detail.events.conversation.{id}.acw"),
    USER_ACTIVITY("v2.users.{id}.activity"),
    USER_ROUTING_STATUS("v2.users.{id}.routingStatus"),
    USER_PRESENCE("v2.users.{id}.presence");

    private final String templatedTopic;

    EventKind(String templatedTopic) {
        this.templatedTopic = templatedTopic;
    }

    /** As EventBridge puts it in {@code detail-type}. */
    public String templatedTopic() {
        return templatedTopic;
    }

    /** As {@code topicName} carries it, with the conversation or user id filled in. */
    public String topicFor(String id) {
        return templatedTopic.replace("{id}", id);
    }
}
