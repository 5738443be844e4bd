package io.streamvane.ingress.servicebus;

import static io.streamvane.ingress.TestEvents.acdStart;
import static io.streamvane.ingress.TestEvents.batch;
import static io.streamvane.testsupport.servicebus.BrokerEvent.Kind.ABANDONED;
import static io.streamvane.testsupport.servicebus.BrokerEvent.Kind.COMPLETED;
import static io.streamvane.testsupport.servicebus.BrokerEvent.Kind.DEAD_LETTERED;
import static io.streamvane.testsupport.servicebus.BrokerEvent.Kind.DELIVERED;
import static io.streamvane.testsupport.servicebus.BrokerEvent.Kind.LOCK_EXPIRED;
import static io.streamvane.testsupport.servicebus.BrokerEvent.Kind.LOCK_LOST;
import static io.streamvane.testsupport.servicebus.BrokerEvent.Kind.LOCK_RENEWED;
import static io.streamvane.testsupport.servicebus.BrokerEvent.Kind.SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azure.messaging.servicebus.ServiceBusProcessorClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamvane.ingress.IngressApplication;
import io.streamvane.ingress.StoreRows;
import io.streamvane.ingress.TestEvents;
import io.streamvane.ingress.pipeline.EventIngestion;
import io.streamvane.ingress.pipeline.Transport;
import io.streamvane.testsupport.TestDatabase;
import io.streamvane.testsupport.TestDatabases;
import io.streamvane.testsupport.servicebus.BrokerEvent;
import io.streamvane.testsupport.servicebus.DeadLetter;
import io.streamvane.testsupport.servicebus.FakeServiceBus;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole ingress service with its real Service Bus processor (spring-cloud-azure starter, SDK 7.17.17) talking
 * AMQP to {@link FakeServiceBus}, and a real PostgreSQL: what the broker sees is what a namespace would see.
 */
@SpringBootTest(classes = {IngressApplication.class, ServiceBusWireIngressTest.Bus.class},
        properties = {
                "streamvane.ingress.service-bus.enabled=true",
                "spring.cloud.azure.servicebus.processor.entity-name=" + ServiceBusWireIngressTest.QUEUE,
                "spring.cloud.azure.servicebus.processor.entity-type=queue",
                "spring.cloud.azure.servicebus.processor.max-concurrent-calls=4",
                "spring.cloud.azure.servicebus.processor.prefetch-count=5",
                "spring.cloud.azure.servicebus.processor.max-auto-lock-renew-duration=5m",
                "streamvane.ingress.partitions.enabled=false",
                "logging.level.com.azure.core.amqp.implementation.MessageFlux=ERROR"})
@DirtiesContext
class ServiceBusWireIngressTest {

    static final String QUEUE = "genesys-events";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** Short enough that a renewal is needed within a test, long enough to survive a slow machine's scheduling. */
    private static final Duration LOCK = Duration.ofSeconds(4);
    static final FakeServiceBus BUS = FakeServiceBus.start().createQueue(QUEUE).lockDuration(LOCK);
    static final TestDatabase DB = TestDatabases.freshMigrated();

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        DB.springProperties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("spring.cloud.azure.servicebus.connection-string", BUS::connectionString);
    }

    /** Closed with the context, after the processor has stopped (lifecycles stop before beans are destroyed). */
    @TestConfiguration
    static class Bus {
        @Bean(destroyMethod = "close")
        FakeServiceBus fakeServiceBus() {
            return BUS;
        }
    }

    @Autowired
    EventIngestion ingestion;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ServiceBusProcessorClient processor;

    private final StoreRows rows = new StoreRows(DB.dataSource());
    private final long t0 = Instant.now().minus(Duration.ofMinutes(30)).toEpochMilli();

    @AfterEach
    void theFakeItselfDidNotFail() {
        assertThat(BUS.failures()).isEmpty();
    }

    @Test
    void aGenesysEventIsCommittedToPostgresBeforeTheBrokerIsToldToCompleteIt() {
        Map<String, Long> rowsWhenCompleted = new ConcurrentHashMap<>();
        // Runs on the broker's thread as the completion arrives, before the client hears back.
        BUS.events().subscribe(e -> {
            if (e.kind() == COMPLETED && e.messageId().equals("a-1")) {
                rowsWhenCompleted.put("raw_event", rows.count(
                        "FROM raw_event WHERE body->>'conversationId' = '" + TestEvents.id("c-a1") + "' AND source = 'servicebus'"));
                rowsWhenCompleted.put("engine_inbox", rows.count("FROM engine_inbox i JOIN raw_event r "
                        + "ON i.raw_event_id = r.id AND i.event_time = r.event_time "
                        + "WHERE r.body->>'conversationId' = '" + TestEvents.id("c-a1") + "'"));
            }
        });

        BUS.send(QUEUE, "a-1", utf8(acdStart("c-a1", t0)), Map.of());

        await().atMost(PATIENCE).until(() -> BUS.events().count(COMPLETED, "a-1") == 1);
        assertThat(rowsWhenCompleted).containsExactlyInAnyOrderEntriesOf(Map.of("raw_event", 1L, "engine_inbox", 1L));
        assertThat(BUS.events().of("a-1")).extracting(BrokerEvent::kind).containsExactly(SENT, DELIVERED, COMPLETED);
        assertThat(BUS.events().of("a-1").get(1).deliveryCount()).isZero();
        assertThat(processor.isRunning()).isTrue();
    }

    /** SPEC §1.3 on the wire: beyond the dedup horizon an event is parked with that reason; within it, once. */
    @Test
    void anEventOlderThanTheDedupHorizonIsDeadLetteredWithThatReasonAndADayOldOneIsStoredOnce() {
        long fourHundredDaysAgo = Instant.now().minus(Duration.ofDays(400)).toEpochMilli();
        long aDayAgo = Instant.now().minus(Duration.ofDays(1)).toEpochMilli();

        BUS.send(QUEUE, "h-old", utf8(acdStart("c-h-old", fourHundredDaysAgo)), Map.of());
        BUS.send(QUEUE, "h-day-1", utf8(acdStart("c-h-day", aDayAgo)), Map.of());

        DeadLetter parked = awaitDeadLetter("h-old");
        assertThat(parked.reason()).isEqualTo("beyond-dedup-horizon");
        assertThat(parked.description()).contains("is before the dedup horizon");
        await().atMost(PATIENCE).until(() -> BUS.events().count(COMPLETED, "h-day-1") == 1);
        // The same event again, as a redelivery by another message: completed, nothing stored twice.
        BUS.send(QUEUE, "h-day-2", utf8(acdStart("c-h-day", aDayAgo)), Map.of());
        await().atMost(PATIENCE).until(() -> BUS.events().count(COMPLETED, "h-day-2") == 1);
        assertThat(rows.count("FROM raw_event WHERE body->>'conversationId' = '" + TestEvents.id("c-h-day") + "'"))
                .isEqualTo(1);
        assertThat(rows.count("FROM raw_event WHERE body->>'conversationId' = '" + TestEvents.id("c-h-old") + "'"))
                .isZero();
    }

    @Test
    void anUnreadableBodyIsDeadLetteredWithTheReasonAndDescriptionThePolicyComputes() {
        byte[] body = utf8("{\"topicName\": \"v2.detail.events.conversation.c-c1.acd.start\", ");
        Disposition.DeadLetter expected = (Disposition.DeadLetter) DispositionPolicy.of(
                ingestion.ingest(body, Transport.SERVICE_BUS));

        BUS.send(QUEUE, "c-1", body, Map.of());

        DeadLetter parked = awaitDeadLetter("c-1");
        assertThat(parked.reason()).isEqualTo(expected.reason()).isNotBlank();
        assertThat(parked.description()).isEqualTo(expected.description()).isNotBlank();
        assertThat(BUS.events().count(ABANDONED, "c-1")).isZero();
        assertThat(BUS.events().count(DELIVERED, "c-1")).isEqualTo(1);
        assertThat(rows.count("FROM raw_event WHERE body::text LIKE '%c-c1%'")).isZero();
    }

    @Test
    void aMessageOfWhichEveryEventIsRejectedIsDeadLetteredWithEveryReasonWithinTheLengthLimit() {
        // 300 acd.start events without the fields SPEC §1 requires: nothing can ever be stored, and the description
        // listing them all is longer than Service Bus keeps.
        String invalid = "{\"topicName\":\"v2.detail.events.conversation.c-c2.acd.start\",\"version\":\"2\","
                + "\"eventBody\":{\"conversationId\":\"c-c2\"}}";
        byte[] body = utf8(batch(IntStream.range(0, 300).mapToObj(i -> invalid).toList()));
        Disposition.DeadLetter expected = (Disposition.DeadLetter) DispositionPolicy.of(
                ingestion.ingest(body, Transport.SERVICE_BUS));

        BUS.send(QUEUE, "c-2", body, Map.of());

        DeadLetter parked = awaitDeadLetter("c-2");
        assertThat(parked.reason()).isEqualTo(expected.reason());
        assertThat(parked.description()).isEqualTo(expected.description())
                .hasSize(DispositionPolicy.MAX_DESCRIPTION_LENGTH).startsWith("300 items rejected: [0] ");
        assertThat(BUS.events().of("c-2")).extracting(BrokerEvent::kind)
                .containsExactly(SENT, DELIVERED, DEAD_LETTERED);
        assertThat(rows.count("FROM raw_event WHERE body->>'conversationId' = 'c-c2'")).isZero();
    }

    @Test
    void aCommitSlowerThanTheLockKeepsTheLockByRenewalAndIsNotRedelivered() throws Exception {
        byte[] body = utf8(batch(IntStream.range(0, 50).mapToObj(i -> acdStart("c-d" + i, t0 + i)).toList()));
        try (Connection blocker = DB.dataSource().getConnection(); Statement sql = blocker.createStatement()) {
            // The insert waits on this lock: the handler is slow for as long as the test says, not for a guessed time.
            blocker.setAutoCommit(false);
            sql.execute("LOCK TABLE raw_event IN ACCESS EXCLUSIVE MODE");
            BUS.send(QUEUE, "d-1", body, Map.of());
            await().atMost(PATIENCE).until(() -> BUS.events().count(LOCK_RENEWED, "d-1") >= 2);
            blocker.rollback();
        }

        await().atMost(PATIENCE).until(() -> BUS.events().count(COMPLETED, "d-1") == 1);
        assertThat(BUS.events().count(DELIVERED, "d-1")).isEqualTo(1);
        assertThat(BUS.events().count(LOCK_EXPIRED, "d-1")).isZero();
        assertThat(rows.count("FROM raw_event WHERE body->>'conversationId' IN ("
                + IntStream.range(0, 50).mapToObj(i -> "'" + TestEvents.id("c-d" + i) + "'")
                        .collect(java.util.stream.Collectors.joining(",")) + ")")).isEqualTo(50);
    }

    @Test
    void aCompletionTheBrokerAnswersLockLostIsCountedAndTheRedeliveryIsAbsorbedAsDuplicates() {
        double failuresBefore = settlementFailures("complete");
        double duplicatesBefore = events("duplicate");
        BUS.answerLockLost(1);

        BUS.send(QUEUE, "e-1", utf8(acdStart("c-e1", t0)), Map.of());

        await().atMost(PATIENCE).until(() -> BUS.events().count(COMPLETED, "e-1") == 1);
        assertThat(settlementFailures("complete")).isEqualTo(failuresBefore + 1);
        assertThat(BUS.events().of("e-1")).extracting(BrokerEvent::kind)
                .containsExactly(SENT, DELIVERED, LOCK_LOST, DELIVERED, COMPLETED);
        assertThat(BUS.events().matching(e -> e.messageId().equals("e-1") && e.kind() == DELIVERED))
                .extracting(BrokerEvent::deliveryCount).containsExactly(0L, 1L);
        assertThat(events("duplicate")).isEqualTo(duplicatesBefore + 1);
        assertThat(rows.count("FROM raw_event WHERE body->>'conversationId' = '" + TestEvents.id("c-e1") + "'")).isEqualTo(1);
        assertThat(rows.count("FROM engine_inbox i JOIN raw_event r ON i.raw_event_id = r.id "
                + "AND i.event_time = r.event_time WHERE r.body->>'conversationId' = '" + TestEvents.id("c-e1") + "'")).isEqualTo(1);
    }

    private DeadLetter awaitDeadLetter(String messageId) {
        await().atMost(PATIENCE).until(() -> BUS.events().count(DEAD_LETTERED, messageId) == 1);
        List<DeadLetter> parked = BUS.deadLetters(QUEUE).stream().filter(d -> d.messageId().equals(messageId))
                .toList();
        assertThat(parked).hasSize(1);
        return parked.get(0);
    }

    private double settlementFailures(String disposition) {
        var counter = meters.find(ServiceBusIngressListener.SETTLEMENT_FAILURES).tag("disposition", disposition)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double events(String outcome) {
        var counter = meters.find("streamvane.ingress.events").tags("outcome", outcome, "transport", "servicebus")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
