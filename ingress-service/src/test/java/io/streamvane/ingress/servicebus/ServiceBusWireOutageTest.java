package io.streamvane.ingress.servicebus;

import static io.streamvane.ingress.TestEvents.acdStart;
import static io.streamvane.testsupport.servicebus.BrokerEvent.Kind.ABANDONED;
import static io.streamvane.testsupport.servicebus.BrokerEvent.Kind.COMPLETED;
import static io.streamvane.testsupport.servicebus.BrokerEvent.Kind.DEAD_LETTERED;
import static io.streamvane.testsupport.servicebus.BrokerEvent.Kind.LOCK_EXPIRED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azure.messaging.servicebus.ServiceBusProcessorClient;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamvane.ingress.IngressApplication;
import io.streamvane.ingress.StoreRows;
import io.streamvane.ingress.TestEvents;
import io.streamvane.testsupport.TestDatabase;
import io.streamvane.testsupport.TestDatabases;
import io.streamvane.testsupport.servicebus.BrokerEvent;
import io.streamvane.testsupport.servicebus.FakeServiceBus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A store outage against the real processor and a broker peer: the listener abandons, the breaker opens,
 * {@link ProcessorPause} drains the pipeline and stops the processor, the probe finds the store back, the processor
 * resumes, and every message ends stored once, none dead-lettered. Settings as the wiring test's (prefetch 5, 4
 * concurrent calls). Each test logs its figures ({@link PauseFigures}): what the outage cost in deliveries.
 */
@SpringBootTest(classes = {IngressApplication.class, ServiceBusWireOutageTest.Wiring.class}, properties = {
        "streamvane.ingress.service-bus.enabled=true",
        "streamvane.ingress.service-bus.store-probe-interval=200ms",
        "spring.cloud.azure.servicebus.processor.entity-name=" + ServiceBusWireOutageTest.QUEUE,
        "spring.cloud.azure.servicebus.processor.entity-type=queue",
        "spring.cloud.azure.servicebus.processor.max-concurrent-calls=" + ServiceBusWireOutageTest.CONCURRENCY,
        "spring.cloud.azure.servicebus.processor.prefetch-count=" + ServiceBusWireOutageTest.PREFETCH,
        "spring.cloud.azure.servicebus.processor.max-auto-lock-renew-duration=5m",
        "streamvane.ingress.partitions.enabled=false",
        "logging.level.com.azure.core.amqp.implementation.MessageFlux=ERROR"})
@DirtiesContext
class ServiceBusWireOutageTest {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceBusWireOutageTest.class);
    static final String QUEUE = "genesys-events";
    static final int CONCURRENCY = 4;
    static final int PREFETCH = 5;
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration LOCK = Duration.ofSeconds(3);
    static final FakeServiceBus BUS = FakeServiceBus.start().createQueue(QUEUE).lockDuration(LOCK).traceLinks();
    static final TestDatabase DB = TestDatabases.freshMigrated();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        DB.springProperties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("spring.cloud.azure.servicebus.connection-string", BUS::connectionString);
    }

    @TestConfiguration
    static class Wiring {
        /** Closed with the context, after the processor has stopped (lifecycles stop before beans are destroyed). */
        @Bean(destroyMethod = "close")
        FakeServiceBus fakeServiceBus() {
            return BUS;
        }

        @Bean
        static StoreSwitch storeSwitch() {
            return new StoreSwitch();
        }
    }

    @Autowired
    StoreSwitch store;
    @Autowired
    ProcessorPause pause;
    @Autowired
    ServiceBusProcessorClient processor;
    @Autowired
    CircuitBreaker breaker;
    @Autowired
    MeterRegistry meters;

    private final StoreRows rows = new StoreRows(DB.dataSource());
    private final long t0 = Instant.now().minus(Duration.ofMinutes(30)).toEpochMilli();

    @AfterEach
    void storeBack() {
        store.up();
        assertThat(BUS.failures()).isEmpty();
    }

    @Test
    void aStoreOutagePausesTheProcessorAndAfterItEveryMessageIsStoredExactlyOnce() {
        ListenerCounts before = listenerCounts();
        store.down();
        Set<String> ids = send("b", 20);

        awaitPausedAndLocksReleased();
        // Paused: every message is back on the queue and nothing takes it.
        assertThat(BUS.readyCount(QUEUE)).isEqualTo(20);
        store.up();

        PauseFigures figures = awaitStoredOnceAndCompleted(ids, "c-b", before);
        // The count a message completes with is the number of its failed attempts: the broker counted every one.
        for (String id : ids) {
            List<BrokerEvent> events = BUS.events().of(id);
            long failedAttempts = events.stream().filter(e -> e.kind() == ABANDONED || e.kind() == LOCK_EXPIRED)
                    .count();
            assertThat(events.stream().filter(e -> e.kind() == COMPLETED)).singleElement()
                    .extracting(BrokerEvent::deliveryCount).as(id).isEqualTo(failedAttempts);
        }
        assertThat(listenerCounts().minus(before).pauses()).isEqualTo(1.0);
        assertThat(figures.abandoned()).as("the failures that opened the breaker").isPositive();
    }

    @Test
    void anOutageMidStreamCostsEachMessageTheProcessorHeldOneDeliveryAndDeadLettersNone() {
        ListenerCounts before = listenerCounts();
        Set<String> ids = IntStream.range(0, 40).mapToObj(i -> "f-" + i).collect(Collectors.toSet());
        AtomicInteger completions = new AtomicInteger();
        // The store goes away as the 10th of these messages is completed, while the rest stream in.
        BUS.events().subscribe(e -> {
            if (e.kind() == COMPLETED && ids.contains(e.messageId()) && completions.incrementAndGet() == 10) {
                store.down();
            }
        });
        send("f", 40);

        awaitPausedAndLocksReleased();
        store.up();

        awaitStoredOnceAndCompleted(ids, "c-f", before);
    }

    private Set<String> send(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            BUS.send(QUEUE, prefix + "-" + i, utf8(acdStart("c-" + prefix + i, t0 + i)), Map.of());
        }
        return IntStream.range(0, count).mapToObj(i -> prefix + "-" + i).collect(Collectors.toSet());
    }

    /** Stopped, and whatever the stop left locked has run out: the broker holds no lock for this processor. */
    private void awaitPausedAndLocksReleased() {
        await().atMost(PATIENCE).until(() -> pause.paused() && !processor.isRunning());
        await().atMost(PATIENCE).until(() -> BUS.lockedCount(QUEUE) == 0);
    }

    /**
     * Waits for every message to be completed (or dead-lettered, which fails the test), logs the figures and checks
     * what every outage must cost at most.
     */
    private PauseFigures awaitStoredOnceAndCompleted(Set<String> ids, String conversationPrefix,
                                                     ListenerCounts before) {
        try {
            await().atMost(PATIENCE).until(() -> BUS.events().matching(e -> (e.kind() == COMPLETED
                    || e.kind() == DEAD_LETTERED) && ids.contains(e.messageId())).size() == ids.size());
        } catch (ConditionTimeoutException e) {
            List<String> trace = BUS.trace();
            LOG.error("not all settled: ready={} locked={} receivers={} paused={} running={} breaker={} {}\n"
                            + "last link traffic:\n{}", BUS.readyCount(QUEUE), BUS.lockedCount(QUEUE),
                    BUS.receiverCount(QUEUE), pause.paused(), processor.isRunning(), breaker.getState(),
                    PauseFigures.of(BUS.events(), ids),
                    String.join("\n", trace.subList(Math.max(0, trace.size() - 150), trace.size())));
            throw e;
        }
        PauseFigures figures = PauseFigures.of(BUS.events(), ids);
        ListenerCounts counts = listenerCounts().minus(before);
        LOG.info("{} messages, outage figures: {}; listener: {}", ids.size(), figures, counts);

        assertThat(figures.deadLettered()).as("healthy messages dead-lettered").isZero();
        assertThat(figures.everyRedeliveryExplained()).as("%s", figures).isTrue();
        // No message is handed back without a store attempt, and none is left locked beyond what the processor held.
        assertThat(counts.abandonedUntried()).as("abandoned while the breaker refused").isZero();
        assertThat(figures.stranded()).isLessThanOrEqualTo((long) ((PREFETCH + CONCURRENCY) * counts.pauses()));
        // Messages inside the pipeline settle before the processor stops.
        assertThat(counts.settlementFailures()).isZero();
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);

        // Message "<p>-<i>" carries conversation "<conversationPrefix><i>", as a Genesys id (TestEvents.id).
        String conversations = ids.stream().map(m -> "'" + TestEvents.id(conversationPrefix
                + m.substring(m.lastIndexOf('-') + 1)) + "'").collect(Collectors.joining(","));
        assertThat(rows.count("FROM raw_event WHERE body->>'conversationId' IN (" + conversations + ")"))
                .isEqualTo(ids.size());
        assertThat(rows.count("FROM engine_inbox i JOIN raw_event r ON i.raw_event_id = r.id "
                + "AND i.event_time = r.event_time WHERE r.body->>'conversationId' IN (" + conversations + ")"))
                .isEqualTo(ids.size());
        assertThat(BUS.events().matching(e -> e.kind() == COMPLETED && ids.contains(e.messageId())))
                .extracting(BrokerEvent::messageId).doesNotHaveDuplicates();
        return figures;
    }

    /** The listener's and the pause's meters, as deltas over one test. */
    record ListenerCounts(double abandonedAfterFailure, double abandonedUntried, double leftUnsettled,
                          double settlementFailures, double pauses) {

        ListenerCounts minus(ListenerCounts before) {
            return new ListenerCounts(abandonedAfterFailure - before.abandonedAfterFailure,
                    abandonedUntried - before.abandonedUntried, leftUnsettled - before.leftUnsettled,
                    settlementFailures - before.settlementFailures, pauses - before.pauses);
        }
    }

    private ListenerCounts listenerCounts() {
        return new ListenerCounts(messages("abandon", "store-unavailable"), messages("abandon", "breaker-open"),
                messages("unsettled", "processor-stopped"),
                meters.find(ServiceBusIngressListener.SETTLEMENT_FAILURES).counters().stream()
                        .mapToDouble(Counter::count).sum(),
                meters.find(ProcessorPause.PAUSES).counters().stream().mapToDouble(Counter::count).sum());
    }

    private double messages(String disposition, String reason) {
        var counter = meters.find(ServiceBusIngressListener.MESSAGES).tags("disposition", disposition, "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
