package io.streamvane.testsupport.servicebus;

import java.lang.System.Logger.Level;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.qpid.proton.amqp.UnsignedLong;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.transport.ErrorCondition;
import org.apache.qpid.proton.engine.BaseHandler;
import org.apache.qpid.proton.engine.Connection;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.EndpointState;
import org.apache.qpid.proton.engine.Event;
import org.apache.qpid.proton.engine.Link;
import org.apache.qpid.proton.engine.Receiver;
import org.apache.qpid.proton.engine.Sender;
import org.apache.qpid.proton.message.Message;

/**
 * The AMQP endpoint life cycle of every client connection: opens what the client opens (checklist item 3), routes
 * each link by its address to the role it plays, and feeds deliveries to that role. Touched only on the broker's
 * thread; a failure in one event is recorded, never thrown into the reactor.
 */
final class PeerHandler extends BaseHandler {

    private static final System.Logger LOG = System.getLogger(PeerHandler.class.getName());
    /** What the intake link advertises; the SDK sizes its batches by it (checklist item 13). */
    static final long MAX_MESSAGE_SIZE = 256 * 1024;
    private static final int REQUEST_CREDIT = 100;

    /** What a link does, from the broker's side. */
    private sealed interface Role {
    }

    /** Client receiver on an entity: we send locked messages. */
    private record Delivers() implements Role {
    }

    /** Client sender to a queue or topic: we enqueue what arrives. */
    private record Intake(String address) implements Role {
    }

    /** Client sender to {@code $cbs} or a management node: each message is a request. */
    private record Requests(String node) implements Role {
    }

    /** Client receiver of a node's answers. */
    private record Replies(String replyTo) implements Role {
    }

    private final Broker broker;
    private final DeliveryLinks deliveries;
    private final RequestNodes nodes;
    private final ReplyLinks replies = new ReplyLinks();
    private final ClientConnections connections = new ClientConnections(this::forget);
    private final Consumer<Throwable> failures;
    private final WireTrace trace;
    private final Map<Link, Role> roles = new IdentityHashMap<>();

    PeerHandler(Broker broker, DeliveryLinks deliveries, RequestNodes nodes, Consumer<Throwable> failures,
                WireTrace trace) {
        this.broker = broker;
        this.deliveries = deliveries;
        this.nodes = nodes;
        this.failures = failures;
        this.trace = trace;
    }

    ClientConnections connections() {
        return connections;
    }

    int receiverCount(Entity entity) {
        return deliveries.linkCount(entity);
    }

    @Override
    public void handle(Event event) {
        try {
            super.handle(event);
        } catch (RuntimeException e) {
            failures.accept(e);
            LOG.log(Level.ERROR, "fake Service Bus failed on " + event.getType(), e);
        }
    }

    @Override
    public void onConnectionInit(Event e) {
        connections.opened(e.getConnection());
    }

    @Override
    public void onConnectionRemoteOpen(Event e) {
        Connection connection = e.getConnection();
        trace.note("open connection %s", connection.getRemoteContainer());
        connection.setContainer("streamvane-fake-servicebus");
        connection.open();
    }

    @Override
    public void onSessionRemoteOpen(Event e) {
        e.getSession().open();
    }

    @Override
    public void onLinkRemoteOpen(Event e) {
        Link link = e.getLink();
        trace.note("attach %s %s source=%s target=%s", link instanceof Sender ? "receiver" : "sender",
                link.getName(), Addresses.source(link), Addresses.target(link));
        // Mirror the client's termini and settle modes: the SDK requires a non-null source (item 7) and asked for
        // exactly the modes it handles (items 4 and 7).
        link.setSource(link.getRemoteSource());
        link.setTarget(link.getRemoteTarget());
        link.setSenderSettleMode(link.getRemoteSenderSettleMode());
        link.setReceiverSettleMode(link.getRemoteReceiverSettleMode());
        if (link instanceof Sender sender) {
            routeOutgoing(sender);
        } else {
            routeIncoming((Receiver) link);
        }
    }

    private void routeOutgoing(Sender link) {
        String source = Addresses.source(link);
        if (RequestNodes.isCbs(source) || RequestNodes.isManagement(source)) {
            String replyTo = Addresses.target(link);
            roles.put(link, new Replies(replyTo));
            replies.open(link, replyTo);
            link.open();
            return;
        }
        broker.entity(source).ifPresentOrElse(entity -> {
            roles.put(link, new Delivers());
            deliveries.open(link, entity);
            link.open();
        }, () -> refuse(link, "no entity " + source));
    }

    private void routeIncoming(Receiver link) {
        String target = Addresses.target(link);
        if (RequestNodes.isCbs(target) || (RequestNodes.isManagement(target) && nodes.managed(target).isPresent())) {
            roles.put(link, new Requests(target));
        } else if (broker.acceptsSends(target)) {
            roles.put(link, new Intake(target));
            link.setMaxMessageSize(UnsignedLong.valueOf(MAX_MESSAGE_SIZE));
        } else {
            refuse(link, "no queue or topic " + target);
            return;
        }
        link.open();
        link.flow(REQUEST_CREDIT);
    }

    /** Service Bus attaches with a null terminus, then detaches with amqp:not-found (item 7). */
    private void refuse(Link link, String why) {
        link.setSource(null);
        link.setTarget(null);
        link.open();
        link.setCondition(new ErrorCondition(Wire.NOT_FOUND, why));
        link.close();
    }

    @Override
    public void onLinkFlow(Event e) {
        if (e.getLink() instanceof Sender sender && deliveries.carries(sender)) {
            trace.note("flow %s credit=%d drain=%s", sender.getName(), sender.getCredit(), sender.getDrain());
            deliveries.onFlow(sender);
        }
    }

    @Override
    public void onDelivery(Event e) {
        Delivery delivery = e.getDelivery();
        Role role = roles.get(delivery.getLink());
        if (role instanceof Delivers) {
            deliveries.onDisposition(delivery);
        } else if ((role instanceof Requests || role instanceof Intake)
                && delivery.isReadable() && !delivery.isPartial()) {
            Receiver link = (Receiver) delivery.getLink();
            byte[] payload = Wire.read(link, delivery);
            link.advance();
            if (role instanceof Requests requests) {
                // requests come pre-settled (item 4); the answer goes to the reply link named by reply-to
                delivery.settle();
                Message request = Wire.decode(payload);
                replies.send(link.getSession().getConnection(), request.getReplyTo(),
                        nodes.answer(requests.node(), request));
            } else {
                String address = ((Intake) role).address();
                Wire.messages(payload, delivery.getMessageFormat())
                        .forEach(m -> broker.send(address, Wire.outgoing(m)));
                delivery.disposition(Accepted.getInstance());
                delivery.settle();
            }
            link.flow(1);
        }
    }

    @Override
    public void onLinkRemoteDetach(Event e) {
        closeLink(e.getLink());
    }

    @Override
    public void onLinkRemoteClose(Event e) {
        closeLink(e.getLink());
    }

    private void closeLink(Link link) {
        trace.note("detach %s unsettled=%d", link.getName(), link.getUnsettled());
        forget(link);
        if (link.getLocalState() != EndpointState.CLOSED) {
            link.close();
        }
    }

    private void forget(Link link) {
        Role role = roles.remove(link);
        if (role instanceof Delivers) {
            deliveries.close((Sender) link);
        } else if (role instanceof Replies r) {
            replies.close((Sender) link, r.replyTo());
        }
    }

    private void forget(Connection connection) {
        trace.note("connection %s gone", connection.getRemoteContainer());
        List.copyOf(roles.keySet()).stream().filter(l -> l.getSession().getConnection() == connection)
                .forEach(this::forget);
        replies.forget(connection);
    }

    @Override
    public void onSessionRemoteClose(Event e) {
        if (e.getSession().getLocalState() != EndpointState.CLOSED) {
            e.getSession().close();
        }
    }

    @Override
    public void onConnectionRemoteClose(Event e) {
        if (e.getConnection().getLocalState() != EndpointState.CLOSED) {
            e.getConnection().close();
        }
    }

    @Override
    public void onTransportClosed(Event e) {
        if (e.getConnection() != null) {
            connections.gone(e.getConnection());
        }
    }
}
