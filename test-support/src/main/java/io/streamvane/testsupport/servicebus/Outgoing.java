package io.streamvane.testsupport.servicebus;

import java.util.Map;

/**
 * What a sender put in a message, as the broker keeps and re-delivers it.
 *
 * @param messageId             {@code properties.message-id}, as text
 * @param body                  the Data section (an AmqpValue string body is kept as its UTF-8 bytes)
 * @param applicationProperties the application properties the sender set
 * @param contentType           {@code properties.content-type}, or null
 * @param subject               {@code properties.subject}, or null
 * @param correlationId         {@code properties.correlation-id}, as text, or null
 */
record Outgoing(String messageId, byte[] body, Map<String, Object> applicationProperties, String contentType,
                String subject, String correlationId) {

    static Outgoing of(String messageId, byte[] body, Map<String, Object> applicationProperties) {
        return new Outgoing(messageId, body, applicationProperties, null, null, null);
    }
}
