package io.streamvane.testsupport.servicebus;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A local Azure Service Bus namespace that the unmodified SDK (processor, sender, receiver) and the spring-cloud-azure
 * starter connect to with {@link #connectionString()}: plain AMQP on an ephemeral port, SASL ANONYMOUS, any token,
 * queues and topic subscriptions with their dead-letter sub-queues, peek-lock with lock expiry and renewal,
 * MaxDeliveryCount. Written for azure-messaging-servicebus 7.17.17 / azure-core-amqp 2.11.3 / proton-j 0.34.1 from
 * the checklist {@code shared/servicebus-wire.md}; {@link #SDK_VERSION} is checked by a canary test.
 *
 * <p>It shows that the SDK works against it, not that it matches the service: the broker rules follow Microsoft's
 * documentation (checklist §6). Sessions, peek, scheduling, rules and transactions are not implemented.
 *
 * <pre>{@code
 * try (FakeServiceBus bus = FakeServiceBus.start()) {
 *     bus.createQueue("events");
 *     bus.send("events", "m-1", body, Map.of());
 *     // point the SDK at bus.connectionString(), then await on bus.events()
 * }
 * }</pre>
 */
public final class FakeServiceBus implements AutoCloseable {

    /** The SDK versions this peer was written and checked against (a canary test compares the classpath). */
    public static final String SDK_VERSION = "7.17.17";
    public static final String AMQP_CORE_VERSION = "2.11.3";
    public static final String PROTON_J_VERSION = "0.34.1";
    private static final String HOST = "localhost";

    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final BrokerEvents events = new BrokerEvents();
    private final Faults faults = new Faults();
    private final WireTrace trace = new WireTrace();
    private final ReactorLoop loop;
    private final Broker broker;
    private final PeerHandler peer;
    private final RequestNodes nodes;
    private final int port;

    private FakeServiceBus(Clock clock) {
        loop = new ReactorLoop(failures);
        broker = new Broker(events, loop, clock);
        Settlements settlements = new Settlements(broker, faults);
        DeliveryLinks links = new DeliveryLinks(broker, settlements, trace);
        broker.whenAvailable(links::pump);
        nodes = new RequestNodes(broker, settlements, faults);
        peer = new PeerHandler(broker, links, nodes, failures::add, trace);
        port = loop.listen(HOST, peer);
        loop.start();
    }

    /** A running namespace on a free port. */
    public static FakeServiceBus start() {
        return new FakeServiceBus(Clock.systemUTC());
    }

    /**
     * {@code UseDevelopmentEmulator=true} is what turns TLS off in the SDK and lets it use the port given (checklist
     * §2); the key is only used to sign a token the fake accepts unread.
     */
    public String connectionString() {
        return "Endpoint=sb://" + HOST + ":" + port + ";SharedAccessKeyName=test;SharedAccessKey=dGVzdA==;"
                + "UseDevelopmentEmulator=true";
    }

    public int port() {
        return port;
    }

    public FakeServiceBus createQueue(String name) {
        loop.call(() -> {
            broker.createQueue(name);
            return null;
        });
        return this;
    }

    /** A subscription, addressed as {@code topic/subscriptions/subscription}; sends to {@code topic} fan out. */
    public FakeServiceBus createSubscription(String topic, String subscription) {
        loop.call(() -> {
            broker.createSubscription(topic, subscription);
            return null;
        });
        return this;
    }

    /** How long a lock holds unless renewed; applies to locks taken from now on (default 1 min, as the service). */
    public FakeServiceBus lockDuration(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        loop.call(() -> {
            broker.lockDuration(duration);
            return null;
        });
        return this;
    }

    /** Attempts after which a message is dead-lettered as {@code MaxDeliveryCountExceeded} (default 10). */
    public FakeServiceBus maxDeliveryCount(int count) {
        loop.call(() -> {
            broker.maxDeliveryCount(count);
            return null;
        });
        return this;
    }

    /** Enqueues a message on a queue, or on every subscription of a topic, as a sender would. */
    public void send(String entity, String messageId, byte[] body, Map<String, Object> applicationProperties) {
        Outgoing content = Outgoing.of(messageId, body.clone(), Map.copyOf(applicationProperties));
        loop.call(() -> {
            broker.send(entity, content);
            return null;
        });
    }

    /** The messages in the entity's dead-letter sub-queue not yet received from it. */
    public List<DeadLetter> deadLetters(String entity) {
        return loop.call(() -> broker.deadLetters(entity));
    }

    /** Messages available to receivers now (not locked, not deferred). */
    public int readyCount(String entity) {
        return loop.call(() -> broker.availableCount(entity));
    }

    /** Messages locked to some receiver now. */
    public int lockedCount(String entity) {
        return loop.call(() -> broker.lockedCount(entity));
    }

    public BrokerEvents events() {
        return events;
    }

    /** Fault injection: answer CBS put-token with 401 while on (every new link needs a token first). */
    public void refuseTokens(boolean refuse) {
        faults.refuseTokens.set(refuse);
    }

    /**
     * Fault injection: answer the next {@code settlements} dispositions (on a link or through the management node)
     * with {@code com.microsoft:message-lock-lost}, the lock ending as if it had expired first. The SDK reports it as
     * a failure of complete and abandon; to a dead-letter request it is an outcome of the type asked for, so the SDK
     * reports success (checklist item 10).
     */
    public void answerLockLost(int settlements) {
        faults.answerLockLost(settlements);
    }

    /** Fault injection: cut every client connection now, without an AMQP close; clients reconnect. */
    public void dropConnections() {
        loop.call(() -> {
            peer.connections().cutAll();
            return null;
        });
    }

    /**
     * Requests the CBS and management nodes answered, by operation: {@code put-token},
     * {@code com.microsoft:renew-lock}, {@code com.microsoft:update-disposition}.
     */
    public long requestsAnswered(String operation) {
        return nodes.answered(operation);
    }

    /** Receive links attached to the entity now. */
    public int receiverCount(String entity) {
        return loop.call(() -> peer.receiverCount(broker.require(entity)));
    }

    public int connectionCount() {
        return loop.call(() -> peer.connections().count());
    }

    /** Starts recording link traffic (attach, flow, transfer, disposition, detach) for {@link #trace()}. */
    public FakeServiceBus traceLinks() {
        trace.on();
        return this;
    }

    /** The link traffic recorded since {@link #traceLinks()}, for a failing test's report. */
    public List<String> trace() {
        return trace.lines();
    }

    /** Failures inside the fake itself (a bug here, not in the client); a test should end with none. */
    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    /** Stops listening, closes client connections with an AMQP close, and ends the broker thread. */
    @Override
    public void close() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        loop.execute(() -> {
            loop.stopAccepting();
            peer.connections().closeAll(() -> closed.complete(null));
        });
        try {
            closed.get(5, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException stillOpen) {
            // clients that do not answer the close lose their sockets with the reactor
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop.close();
    }
}
