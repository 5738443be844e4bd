package io.streamvane.testsupport.servicebus;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.Header;
import org.apache.qpid.proton.amqp.messaging.MessageAnnotations;
import org.apache.qpid.proton.amqp.messaging.Properties;
import org.apache.qpid.proton.amqp.messaging.Section;
import org.apache.qpid.proton.amqp.UnsignedInteger;
import org.apache.qpid.proton.codec.AMQPDefinedTypes;
import org.apache.qpid.proton.codec.DecoderImpl;
import org.apache.qpid.proton.codec.EncoderImpl;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.Receiver;
import org.apache.qpid.proton.message.Message;

/** The AMQP encodings Service Bus and its Java SDK agree on (checklist §3). Pure functions. */
final class Wire {

    static final Symbol SEQUENCE_NUMBER = Symbol.valueOf("x-opt-sequence-number");
    static final Symbol ENQUEUED_TIME = Symbol.valueOf("x-opt-enqueued-time");
    static final Symbol LOCKED_UNTIL = Symbol.valueOf("x-opt-locked-until");
    static final Symbol LOCK_TOKEN = Symbol.valueOf("x-opt-lock-token");
    static final Symbol DEAD_LETTER_SOURCE = Symbol.valueOf("x-opt-deadletter-source");
    static final Symbol DEAD_LETTER = Symbol.valueOf("com.microsoft:dead-letter");
    static final Symbol LOCK_LOST = Symbol.valueOf("com.microsoft:message-lock-lost");
    static final Symbol NOT_FOUND = Symbol.valueOf("amqp:not-found");
    static final Symbol NOT_IMPLEMENTED = Symbol.valueOf("amqp:not-implemented");
    /** Message format of an SDK batch: one Data section per encoded message (checklist item 13). */
    static final int BATCH_FORMAT = 0x80013700;

    private Wire() {
    }

    /**
     * The delivery tag that carries a lock token: the GUID's 16 bytes in .NET order, the first three fields
     * little-endian (checklist item 9; the SDK reads any other tag as the all-zero token).
     */
    static byte[] lockTokenTag(UUID token) {
        byte[] bigEndian = ByteBuffer.allocate(16).putLong(token.getMostSignificantBits())
                .putLong(token.getLeastSignificantBits()).array();
        byte[] tag = bigEndian.clone();
        swap(tag, 0, 3);
        swap(tag, 1, 2);
        swap(tag, 4, 5);
        swap(tag, 6, 7);
        return tag;
    }

    static UUID lockTokenOf(byte[] tag) {
        byte[] b = tag.clone();
        swap(b, 0, 3);
        swap(b, 1, 2);
        swap(b, 4, 5);
        swap(b, 6, 7);
        ByteBuffer buffer = ByteBuffer.wrap(b);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    private static void swap(byte[] b, int i, int j) {
        byte t = b[i];
        b[i] = b[j];
        b[j] = t;
    }

    /**
     * A locked message as the receiver gets it: a Header (mandatory, with the delivery count), the annotations the
     * SDK casts to long and timestamps, properties and the Data body (checklist item 9).
     */
    static Message delivery(Lock lock) {
        StoredMessage stored = lock.message;
        Message message = Proton.message();
        Header header = new Header();
        header.setDurable(true);
        header.setDeliveryCount(UnsignedInteger.valueOf(stored.deliveryCount));
        message.setHeader(header);
        Map<Symbol, Object> annotations = new LinkedHashMap<>();
        annotations.put(SEQUENCE_NUMBER, stored.sequenceNumber);
        annotations.put(ENQUEUED_TIME, Date.from(stored.enqueuedTime));
        annotations.put(LOCKED_UNTIL, Date.from(lock.lockedUntil));
        annotations.put(LOCK_TOKEN, lock.token);
        if (stored.deadLetterSource != null) {
            annotations.put(DEAD_LETTER_SOURCE, stored.deadLetterSource);
        }
        message.setMessageAnnotations(new MessageAnnotations(annotations));
        Properties properties = new Properties();
        Outgoing content = stored.content;
        properties.setMessageId(content.messageId());
        properties.setContentType(content.contentType() == null ? null : Symbol.valueOf(content.contentType()));
        properties.setSubject(content.subject());
        properties.setCorrelationId(content.correlationId());
        message.setProperties(properties);
        message.setApplicationProperties(new ApplicationProperties(new LinkedHashMap<>(stored.applicationProperties)));
        message.setBody(new Data(new Binary(content.body())));
        return message;
    }

    /** What a sender's message carries, whatever body section it used. */
    static Outgoing outgoing(Message message) {
        Object id = message.getMessageId();
        Map<String, Object> props = new LinkedHashMap<>();
        if (message.getApplicationProperties() != null && message.getApplicationProperties().getValue() != null) {
            message.getApplicationProperties().getValue().forEach((k, v) -> props.put(String.valueOf(k), v));
        }
        Object correlation = message.getCorrelationId();
        return new Outgoing(id == null ? UUID.randomUUID().toString() : id.toString(), bodyBytes(message.getBody()),
                props, message.getContentType(), message.getSubject(),
                correlation == null ? null : correlation.toString());
    }

    private static byte[] bodyBytes(Section body) {
        if (body instanceof Data data) {
            Binary b = data.getValue();
            byte[] bytes = new byte[b.getLength()];
            System.arraycopy(b.getArray(), b.getArrayOffset(), bytes, 0, b.getLength());
            return bytes;
        }
        if (body instanceof AmqpValue value && value.getValue() != null) {
            return value.getValue().toString().getBytes(StandardCharsets.UTF_8);
        }
        return new byte[0];
    }

    /**
     * The messages in one transfer: itself, or for the batch format each Data section decoded as a message (the
     * envelope's other sections only describe the batch).
     */
    static List<Message> messages(byte[] payload, int messageFormat) {
        if (messageFormat != BATCH_FORMAT) {
            return List.of(decode(payload));
        }
        DecoderImpl decoder = new DecoderImpl();
        AMQPDefinedTypes.registerAllTypes(decoder, new EncoderImpl(decoder));
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        decoder.setByteBuffer(buffer);
        List<Message> messages = new ArrayList<>();
        while (buffer.hasRemaining()) {
            if (decoder.readObject() instanceof Data data) {
                Binary b = data.getValue();
                Message inner = Proton.message();
                inner.decode(b.getArray(), b.getArrayOffset(), b.getLength());
                messages.add(inner);
            }
        }
        return messages;
    }

    static Message decode(byte[] payload) {
        Message message = Proton.message();
        message.decode(payload, 0, payload.length);
        return message;
    }

    /** Encodes into a buffer grown until the message fits (proton-j cannot size a message beforehand). */
    static byte[] encode(Message message) {
        int size = 1024;
        while (true) {
            byte[] buffer = new byte[size];
            try {
                int length = message.encode(buffer, 0, buffer.length);
                return Arrays.copyOf(buffer, length);
            } catch (BufferOverflowException tooSmall) {
                size *= 2;
            }
        }
    }

    /** The whole payload of a complete incoming delivery. */
    static byte[] read(Receiver receiver, Delivery delivery) {
        byte[] bytes = new byte[delivery.pending()];
        int read = receiver.recv(bytes, 0, bytes.length);
        if (read != bytes.length) {
            throw new IllegalStateException("read " + read + " of " + bytes.length + " bytes");
        }
        return bytes;
    }

    /**
     * A request-response answer: {@code statusCode} as an AMQP int and the request's id as correlation-id, which is
     * all the SDK's RequestResponseChannel checks (checklist item 6).
     */
    static Message response(Message request, int status, String description, Map<String, Object> extra,
                            Object body) {
        Message response = Proton.message();
        Properties properties = new Properties();
        properties.setCorrelationId(request.getMessageId());
        response.setProperties(properties);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("statusCode", status);
        props.put("statusDescription", description);
        props.putAll(extra);
        response.setApplicationProperties(new ApplicationProperties(props));
        if (body != null) {
            response.setBody(new AmqpValue(body));
        }
        return response;
    }

    static String applicationProperty(Message message, String name) {
        if (message.getApplicationProperties() == null || message.getApplicationProperties().getValue() == null) {
            return null;
        }
        Object value = message.getApplicationProperties().getValue().get(name);
        return value == null ? null : value.toString();
    }

    /** A map body entry as text keys; AMQP maps may key by string or symbol. */
    static Map<String, Object> textKeys(Object map) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (map instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        return out;
    }
}
