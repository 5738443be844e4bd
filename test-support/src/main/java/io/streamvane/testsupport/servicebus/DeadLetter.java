package io.streamvane.testsupport.servicebus;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A message in a dead-letter sub-queue, with the reason and description Service Bus keeps as application properties
 * (where the SDK's {@code getDeadLetterReason()} reads them, checklist item 10).
 */
public record DeadLetter(String messageId, byte[] body, String reason, String description, long deliveryCount,
                         Map<String, Object> applicationProperties) {

    public DeadLetter {
        applicationProperties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(applicationProperties));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
