package com.azure.messaging.servicebus;

import com.azure.core.util.BinaryData;
import java.util.UUID;

/**
 * Builds real {@link ServiceBusReceivedMessage}s for tests. azure-messaging-servicebus 7.17.x (the version the
 * azure-sdk-bom pins) has no public {@code ServiceBusModelFactory}, so this sits in the SDK's package to reach the
 * package-private constructor and setters the receiver itself uses.
 */
public final class TestReceivedMessages {

    private TestReceivedMessages() {
    }

    public static ServiceBusReceivedMessage received(byte[] body, String messageId, long deliveryCount) {
        ServiceBusReceivedMessage message = new ServiceBusReceivedMessage(BinaryData.fromBytes(body));
        message.setMessageId(messageId);
        message.setDeliveryCount(deliveryCount);
        message.setLockToken(UUID.randomUUID());
        return message;
    }
}
