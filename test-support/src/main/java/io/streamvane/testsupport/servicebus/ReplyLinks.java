package io.streamvane.testsupport.servicebus;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.qpid.proton.engine.Connection;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.Sender;
import org.apache.qpid.proton.message.Message;

/**
 * The clients' receivers of node answers, by connection and by their target, which is the reply-to of the requests
 * they wait for ({@code cbs-client-reply-to}, {@code <entity>/management-client-reply-to}; checklist item 5).
 */
final class ReplyLinks {

    private static final System.Logger LOG = System.getLogger(ReplyLinks.class.getName());
    private final Map<Connection, Map<String, Sender>> byConnection = new IdentityHashMap<>();

    void open(Sender link, String replyTo) {
        byConnection.computeIfAbsent(connection(link), c -> new HashMap<>()).put(replyTo, link);
    }

    void close(Sender link, String replyTo) {
        Map<String, Sender> links = byConnection.get(connection(link));
        if (links != null) {
            links.remove(replyTo, link);
        }
    }

    void forget(Connection connection) {
        byConnection.remove(connection);
    }

    /** Sends the answer pre-settled, as the reply link's settle mode asks (checklist item 6). */
    void send(Connection connection, String replyTo, Message answer) {
        Sender link = byConnection.getOrDefault(connection, Map.of()).get(replyTo);
        if (link == null) {
            LOG.log(Level.WARNING, "no reply link {0}: answer dropped", replyTo);
            return;
        }
        Delivery delivery = link.delivery(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
        byte[] payload = Wire.encode(answer);
        link.send(payload, 0, payload.length);
        link.advance();
        delivery.settle();
    }

    private static Connection connection(Sender link) {
        return link.getSession().getConnection();
    }
}
