package io.streamvane.testsupport.servicebus;

import static io.streamvane.testsupport.servicebus.BrokerEvent.Kind.COMPLETED;
import static io.streamvane.testsupport.servicebus.BrokerEvent.Kind.DEAD_LETTERED;
import static io.streamvane.testsupport.servicebus.BrokerEvent.Kind.DELIVERED;
import static io.streamvane.testsupport.servicebus.BrokerEvent.Kind.LOCK_EXPIRED;
import static io.streamvane.testsupport.servicebus.BrokerEvent.Kind.LOCK_LOST;
import static io.streamvane.testsupport.servicebus.BrokerEvent.Kind.LOCK_RENEWED;
import static io.streamvane.testsupport.servicebus.BrokerEvent.Kind.SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.azure.core.amqp.AmqpRetryOptions;
import com.azure.messaging.servicebus.ServiceBusClientBuilder;
import com.azure.messaging.servicebus.ServiceBusErrorContext;
import com.azure.messaging.servicebus.ServiceBusException;
import com.azure.messaging.servicebus.ServiceBusFailureReason;
import com.azure.messaging.servicebus.ServiceBusMessage;
import com.azure.messaging.servicebus.ServiceBusMessageBatch;
import com.azure.messaging.servicebus.ServiceBusProcessorClient;
import com.azure.messaging.servicebus.ServiceBusReceivedMessage;
import com.azure.messaging.servicebus.ServiceBusReceivedMessageContext;
import com.azure.messaging.servicebus.ServiceBusReceiverClient;
import com.azure.messaging.servicebus.ServiceBusSenderClient;
import com.azure.messaging.servicebus.models.DeadLetterOptions;
import com.azure.messaging.servicebus.models.ServiceBusReceiveMode;
import com.azure.messaging.servicebus.models.SubQueue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fake against the SDK's own clients, over a real socket: if these pass, the processor, sender and receiver code
 * paths the ingress relies on work against it. Waits are on the fake's event log, never on the clock.
 */
class FakeServiceBusTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String QUEUE = "orders";

    private FakeServiceBus bus;
    private final List<AutoCloseable> clients = new ArrayList<>();
    private final List<ServiceBusErrorContext> processorErrors = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        bus = FakeServiceBus.start().createQueue(QUEUE);
    }

    @AfterEach
    void stop() throws Exception {
        Collections.reverse(clients);
        for (AutoCloseable client : clients) {
            client.close();
        }
        bus.close();
        assertThat(bus.failures()).as("failures inside the fake").isEmpty();
    }

    @Test
    void theSdkOnTheClasspathIsTheVersionTheFakeWasWrittenFor() throws IOException {
        // On an upgrade: re-check shared/servicebus-wire.md against the new SDK sources, then move these constants.
        assertThat(property("azure-messaging-servicebus.properties", "version"))
                .as("azure-messaging-servicebus").isEqualTo(FakeServiceBus.SDK_VERSION);
        assertThat(property("META-INF/maven/com.azure/azure-core-amqp/pom.properties", "version"))
                .as("azure-core-amqp").isEqualTo(FakeServiceBus.AMQP_CORE_VERSION);
        assertThat(property("META-INF/maven/org.apache.qpid/proton-j/pom.properties", "version"))
                .as("proton-j").isEqualTo(FakeServiceBus.PROTON_J_VERSION);
    }

    @Test
    void theProcessorGetsAPeekLockedMessageStampedAsTheServiceStampsItAndCompletesIt() {
        bus.send(QUEUE, "m-1", utf8("hello"), Map.of("kind", "greeting"));
        BlockingQueue<ServiceBusReceivedMessage> received = new LinkedBlockingQueue<>();

        processor(QUEUE, context -> {
            received.add(context.getMessage());
            context.complete();
        }, Duration.ZERO);

        await().atMost(PATIENCE).until(() -> bus.events().count(COMPLETED, "m-1") == 1);
        ServiceBusReceivedMessage message = received.poll();
        assertThat(message.getMessageId()).isEqualTo("m-1");
        assertThat(message.getBody().toString()).isEqualTo("hello");
        assertThat(message.getApplicationProperties()).containsEntry("kind", "greeting");
        assertThat(message.getDeliveryCount()).as("0-based in Java").isZero();
        assertThat(message.getSequenceNumber()).isPositive();
        assertThat(message.getEnqueuedTime()).isNotNull();
        assertThat(message.getLockedUntil()).isAfter(message.getEnqueuedTime());
        assertThat(message.getLockToken()).isNotEqualTo(new UUID(0, 0).toString());
        assertThat(bus.events().of("m-1")).extracting(BrokerEvent::kind).containsExactly(SENT, DELIVERED, COMPLETED);
        assertThat(bus.readyCount(QUEUE) + bus.lockedCount(QUEUE)).isZero();
        assertThat(bus.requestsAnswered("put-token")).isPositive();
        assertThat(processorErrors).isEmpty();
    }

    @Test
    void theSdkSenderDeliversSingleAndBatchedMessagesIntoTheQueue() {
        ServiceBusSenderClient sender = client(builder().sender().queueName(QUEUE).buildClient());
        sender.sendMessage(new ServiceBusMessage("one").setMessageId("s-1").setContentType("text/plain"));
        ServiceBusMessageBatch batch = sender.createMessageBatch();
        for (int i = 1; i <= 3; i++) {
            assertThat(batch.tryAddMessage(new ServiceBusMessage("batched " + i).setMessageId("b-" + i))).isTrue();
        }
        sender.sendMessages(batch);

        assertThat(bus.readyCount(QUEUE)).isEqualTo(4);
        ServiceBusReceiverClient receiver = client(receiver(builder().receiver().queueName(QUEUE)));
        List<ServiceBusReceivedMessage> got = receive(receiver, 4);
        assertThat(got).extracting(ServiceBusReceivedMessage::getMessageId).containsExactly("s-1", "b-1", "b-2", "b-3");
        assertThat(got).extracting(m -> m.getBody().toString()).containsExactly("one", "batched 1", "batched 2",
                "batched 3");
        assertThat(got.get(0).getContentType()).isEqualTo("text/plain");
        got.forEach(receiver::complete);
        assertThat(bus.events().count(COMPLETED)).isEqualTo(4);
    }

    @Test
    void abandonRedeliversWithTheCountRaisedUntilMaxDeliveryCountDeadLettersIt() {
        bus.maxDeliveryCount(3);
        bus.send(QUEUE, "m-2", utf8("{}"), Map.of());
        List<Long> deliveryCounts = new CopyOnWriteArrayList<>();

        processor(QUEUE, context -> {
            deliveryCounts.add(context.getMessage().getDeliveryCount());
            context.abandon();
        }, Duration.ZERO);

        await().atMost(PATIENCE).until(() -> bus.deadLetters(QUEUE).size() == 1);
        assertThat(deliveryCounts).containsExactly(0L, 1L, 2L);
        assertThat(bus.deadLetters(QUEUE).get(0).reason()).isEqualTo("MaxDeliveryCountExceeded");
        ServiceBusReceiverClient deadLetters =
                client(receiver(builder().receiver().queueName(QUEUE).subQueue(SubQueue.DEAD_LETTER_QUEUE)));
        ServiceBusReceivedMessage parked = receive(deadLetters, 1).get(0);
        assertThat(parked.getMessageId()).isEqualTo("m-2");
        assertThat(parked.getDeadLetterReason()).isEqualTo("MaxDeliveryCountExceeded");
        assertThat(parked.getDeadLetterSource()).isEqualTo(QUEUE);
        deadLetters.complete(parked);
        assertThat(bus.deadLetters(QUEUE)).isEmpty();
    }

    @Test
    void deadLetteringKeepsReasonAndDescriptionWhereTheSdkReadsThem() {
        bus.send(QUEUE, "m-3", utf8("not json"), Map.of());

        processor(QUEUE, context -> context.deadLetter(new DeadLetterOptions().setDeadLetterReason("unreadable")
                .setDeadLetterErrorDescription("not JSON at offset 0")), Duration.ZERO);

        await().atMost(PATIENCE).until(() -> bus.events().count(DEAD_LETTERED, "m-3") == 1);
        DeadLetter parked = bus.deadLetters(QUEUE).get(0);
        assertThat(parked.reason()).isEqualTo("unreadable");
        assertThat(parked.description()).isEqualTo("not JSON at offset 0");
        assertThat(parked.bodyText()).isEqualTo("not json");
        ServiceBusReceiverClient deadLetters =
                client(receiver(builder().receiver().queueName(QUEUE).subQueue(SubQueue.DEAD_LETTER_QUEUE)));
        ServiceBusReceivedMessage received = receive(deadLetters, 1).get(0);
        assertThat(received.getDeadLetterReason()).isEqualTo("unreadable");
        assertThat(received.getDeadLetterErrorDescription()).isEqualTo("not JSON at offset 0");
    }

    @Test
    void aSlowHandlerKeepsItsLockByAutomaticRenewalAndIsDeliveredOnce() throws InterruptedException {
        bus.lockDuration(Duration.ofSeconds(4));
        CountDownLatch renewedTwice = new CountDownLatch(2);
        bus.events().subscribe(e -> {
            if (e.kind() == LOCK_RENEWED && e.messageId().equals("m-4")) {
                renewedTwice.countDown();
            }
        });
        bus.send(QUEUE, "m-4", utf8("slow"), Map.of());

        // The handler holds the message until the broker has renewed its lock twice: longer than one lock.
        processor(QUEUE, context -> {
            awaitLatch(renewedTwice);
            context.complete();
        }, Duration.ofMinutes(1));

        await().atMost(PATIENCE).until(() -> bus.events().count(COMPLETED, "m-4") == 1);
        assertThat(bus.events().count(DELIVERED, "m-4")).isEqualTo(1);
        assertThat(bus.events().count(LOCK_EXPIRED, "m-4")).isZero();
        assertThat(bus.requestsAnswered("com.microsoft:renew-lock")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anUnsettledLockRunsOutAndTheMessageComesBackWithTheCountRaised() {
        bus.lockDuration(Duration.ofSeconds(1));
        bus.send(QUEUE, "m-5", utf8("x"), Map.of());
        ServiceBusReceiverClient receiver = client(receiver(builder().receiver().queueName(QUEUE)));

        ServiceBusReceivedMessage first = receive(receiver, 1).get(0);
        await().atMost(PATIENCE).until(() -> bus.events().count(LOCK_EXPIRED, "m-5") == 1);
        ServiceBusReceivedMessage second = receive(receiver, 1).get(0);

        assertThat(first.getDeliveryCount()).isZero();
        assertThat(second.getMessageId()).isEqualTo("m-5");
        assertThat(second.getDeliveryCount()).isEqualTo(1);
        assertThat(second.getLockToken()).isNotEqualTo(first.getLockToken());
        receiver.complete(second);
        assertThat(bus.events().count(COMPLETED, "m-5")).isEqualTo(1);
    }

    @Test
    void aLockLostAnswerFailsTheCompleteAndTheRedeliveryIsCompleted() {
        bus.answerLockLost(1);
        List<Throwable> completeFailures = new CopyOnWriteArrayList<>();
        List<Long> deliveryCounts = new CopyOnWriteArrayList<>();
        bus.send(QUEUE, "m-6", utf8("x"), Map.of());

        processor(QUEUE, context -> {
            deliveryCounts.add(context.getMessage().getDeliveryCount());
            try {
                context.complete();
            } catch (RuntimeException e) {
                completeFailures.add(e);
            }
        }, Duration.ZERO);

        await().atMost(PATIENCE).until(() -> bus.events().count(COMPLETED, "m-6") == 1);
        assertThat(completeFailures).singleElement().isInstanceOfSatisfying(ServiceBusException.class,
                e -> assertThat(e.getReason()).isEqualTo(ServiceBusFailureReason.MESSAGE_LOCK_LOST));
        assertThat(deliveryCounts).containsExactly(0L, 1L);
        assertThat(bus.events().count(LOCK_LOST, "m-6")).isEqualTo(1);
    }

    @Test
    void aRefusedTokenFailsTheSenderAsUnauthorizedAndAcceptedTokensLetItSend() {
        bus.refuseTokens(true);
        AmqpRetryOptions noRetry = new AmqpRetryOptions().setMaxRetries(0).setTryTimeout(Duration.ofSeconds(20));
        ServiceBusSenderClient refused = client(builder().retryOptions(noRetry).sender().queueName(QUEUE)
                .buildClient());

        assertThatThrownBy(() -> refused.sendMessage(new ServiceBusMessage("x")))
                .isInstanceOfSatisfying(ServiceBusException.class,
                        e -> assertThat(e.getReason()).isEqualTo(ServiceBusFailureReason.UNAUTHORIZED));
        assertThat(bus.readyCount(QUEUE)).isZero();

        bus.refuseTokens(false);
        client(builder().sender().queueName(QUEUE).buildClient()).sendMessage(new ServiceBusMessage("y"));
        assertThat(bus.readyCount(QUEUE)).isEqualTo(1);
    }

    @Test
    void afterADroppedConnectionTheProcessorReconnectsAndEveryMessageIsCompleted() {
        bus.lockDuration(Duration.ofSeconds(2));
        Set<String> completed = ConcurrentHashMap.newKeySet();
        processor(QUEUE, context -> {
            context.complete();
            completed.add(context.getMessage().getMessageId());
        }, Duration.ZERO);
        for (int i = 0; i < 5; i++) {
            bus.send(QUEUE, "before-" + i, utf8("x"), Map.of());
        }
        await().atMost(PATIENCE).until(() -> bus.events().count(COMPLETED) == 5);

        bus.dropConnections();
        for (int i = 0; i < 5; i++) {
            bus.send(QUEUE, "after-" + i, utf8("x"), Map.of());
        }

        await().atMost(PATIENCE).until(() -> bus.events().matching(e -> e.kind() == COMPLETED)
                .stream().map(BrokerEvent::messageId).distinct().count() == 10);
        assertThat(bus.connectionCount()).isPositive();
    }

    @Test
    void aSettlementAfterItsLinkIsGoneGoesThroughTheManagementNode() {
        bus.send(QUEUE, "m-7", utf8("x"), Map.of());
        ServiceBusReceiverClient receiver = client(receiver(builder().receiver().queueName(QUEUE)));
        ServiceBusReceivedMessage message = receive(receiver, 1).get(0);

        bus.dropConnections();
        // Receiving again makes the client attach a new link, on which the old delivery is unknown.
        await().atMost(PATIENCE).until(() -> {
            receiver.receiveMessages(1, Duration.ofMillis(500)).stream().count();
            return bus.receiverCount(QUEUE) == 1;
        });
        receiver.complete(message);

        assertThat(bus.events().count(COMPLETED, "m-7")).isEqualTo(1);
        assertThat(bus.requestsAnswered("com.microsoft:update-disposition")).isEqualTo(1);
    }

    @Test
    void everySubscriptionOfATopicGetsItsOwnCopy() {
        bus.createSubscription("events", "billing").createSubscription("events", "audit");
        client(builder().sender().topicName("events").buildClient())
                .sendMessage(new ServiceBusMessage("fan-out").setMessageId("t-1"));
        assertThat(bus.readyCount("events/subscriptions/billing")).isEqualTo(1);
        assertThat(bus.readyCount("events/subscriptions/audit")).isEqualTo(1);

        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        client(started(builder().processor().topicName("events").subscriptionName("billing")
                .receiveMode(ServiceBusReceiveMode.PEEK_LOCK).disableAutoComplete()
                .processMessage(context -> {
                    received.add(context.getMessage().getBody().toString());
                    context.complete();
                })
                .processError(processorErrors::add).buildProcessorClient()));

        await().atMost(PATIENCE).until(() -> bus.events().count(COMPLETED, "t-1") == 1);
        assertThat(received).containsExactly("fan-out");
        assertThat(bus.events().matching(e -> e.kind() == COMPLETED)).singleElement()
                .extracting(BrokerEvent::entity).isEqualTo("events/subscriptions/billing");
        assertThat(bus.readyCount("events/subscriptions/audit")).isEqualTo(1);
    }

    private ServiceBusClientBuilder builder() {
        return new ServiceBusClientBuilder().connectionString(bus.connectionString());
    }

    private ServiceBusProcessorClient processor(String queue, Consumer<ServiceBusReceivedMessageContext> onMessage,
                                                Duration maxAutoLockRenew) {
        return client(started(builder().processor().queueName(queue).receiveMode(ServiceBusReceiveMode.PEEK_LOCK)
                .disableAutoComplete().maxAutoLockRenewDuration(maxAutoLockRenew).maxConcurrentCalls(1)
                .processMessage(onMessage).processError(processorErrors::add).buildProcessorClient()));
    }

    private static ServiceBusProcessorClient started(ServiceBusProcessorClient processor) {
        processor.start();
        return processor;
    }

    private static ServiceBusReceiverClient receiver(ServiceBusClientBuilder.ServiceBusReceiverClientBuilder builder) {
        return builder.receiveMode(ServiceBusReceiveMode.PEEK_LOCK).disableAutoComplete()
                .maxAutoLockRenewDuration(Duration.ZERO).buildClient();
    }

    /** Receives until {@code count} messages arrived; each call waits for the first message, not for a time. */
    private static List<ServiceBusReceivedMessage> receive(ServiceBusReceiverClient receiver, int count) {
        List<ServiceBusReceivedMessage> got = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            receiver.receiveMessages(count - got.size(), Duration.ofSeconds(5)).forEach(got::add);
            return got.size() >= count;
        });
        return got;
    }

    private <T extends AutoCloseable> T client(T client) {
        clients.add(client);
        return client;
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("lock renewed twice").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String property(String resource, String key) throws IOException {
        try (InputStream in = ServiceBusClientBuilder.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty(key);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
