package io.streamvane.testsupport.servicebus;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A message held by an entity: what was sent, plus what the broker stamps on it. */
final class StoredMessage {

    /** Where Service Bus keeps a dead-lettered message's reason and description (checklist item 10). */
    static final String DEAD_LETTER_REASON = "DeadLetterReason";
    static final String DEAD_LETTER_DESCRIPTION = "DeadLetterErrorDescription";

    final long sequenceNumber;
    final Instant enqueuedTime;
    final Outgoing content;
    final Map<String, Object> applicationProperties;
    /** Earlier delivery attempts: the Header delivery-count of the next delivery (checklist item 9). */
    long deliveryCount;
    /** The entity a dead-lettered message came from; null elsewhere. */
    String deadLetterSource;

    StoredMessage(long sequenceNumber, Instant enqueuedTime, Outgoing content) {
        this.sequenceNumber = sequenceNumber;
        this.enqueuedTime = enqueuedTime;
        this.content = content;
        this.applicationProperties = new LinkedHashMap<>(content.applicationProperties());
    }

    String messageId() {
        return content.messageId();
    }

    DeadLetter asDeadLetter() {
        return new DeadLetter(messageId(), content.body(), text(DEAD_LETTER_REASON), text(DEAD_LETTER_DESCRIPTION),
                deliveryCount, applicationProperties);
    }

    private String text(String property) {
        Object value = applicationProperties.get(property);
        return value == null ? null : value.toString();
    }
}
