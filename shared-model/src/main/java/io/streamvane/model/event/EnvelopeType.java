package io.streamvane.model.event;

/** The envelopes Genesys events arrive in (SPEC §1.1). */
public enum EnvelopeType {
    /** The Notification API message {@code {topicName, version, eventBody, metadata}}. */
    NOTIFICATION,
    /** The Amazon EventBridge partner event whose {@code detail} is the Genesys notification. */
    EVENT_BRIDGE,
    /** The Azure Event Grid event of the Genesys bridge blueprint, carrying an EventBridge event in {@code data.message}. */
    EVENT_GRID,
    /** A CloudEvents 1.0 event carrying an EventBridge event or a notification in {@code data}. */
    CLOUD_EVENTS
}
