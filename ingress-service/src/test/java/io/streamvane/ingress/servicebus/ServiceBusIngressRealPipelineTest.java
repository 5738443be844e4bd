package io.streamvane.ingress.servicebus;

import static io.streamvane.ingress.TestEvents.acdStart;
import static io.streamvane.ingress.TestEvents.batch;
import io.streamvane.ingress.TestEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.messaging.servicebus.ServiceBusReceivedMessageContext;
import com.azure.messaging.servicebus.TestReceivedMessages;
import com.azure.messaging.servicebus.models.DeadLetterOptions;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.ingress.guard.DedupHorizon;
import io.streamvane.ingress.StoreRows;
import io.streamvane.ingress.guard.RawEventStore;
import io.streamvane.ingress.guard.WatermarkTracker;
import io.streamvane.ingress.pipeline.EventIngestion;
import io.streamvane.ingress.pipeline.IngestionPipeline;
import io.streamvane.ingress.pipeline.IngestionResult;
import io.streamvane.ingress.pipeline.StoreUnavailableException;
import io.streamvane.ingress.pipeline.Transport;
import io.streamvane.model.event.EventParser;
import io.streamvane.testsupport.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The Service Bus listener on the real {@link IngestionPipeline} and a real (test-support) PostgreSQL: the SDK's
 * own {@code ServiceBusReceivedMessage}, a mocked {@link ServiceBusReceivedMessageContext} for settlement. Unlike
 * {@link ServiceBusIngressListenerTest}, dedup here is the store's unique index, not an in-memory stand-in.
 */
class ServiceBusIngressRealPipelineTest {

    private static final String EVENTS = "streamvane.ingress.events";

    private final long t0 = Instant.now().minus(Duration.ofMinutes(30)).toEpochMilli();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CircuitBreaker breaker = CircuitBreaker.of("test", ServiceBusIngressConfiguration.DEFAULT_BREAKER);
    /** What the real pipeline answered, per delivery, in order (the listener itself only settles). */
    private final List<IngestionResult> results = new ArrayList<>();
    private final List<RuntimeException> failures = new ArrayList<>();
    private DataSource dataSource;
    private StoreRows rows;

    @BeforeEach
    void setUp() {
        dataSource = TestDatabases.freshMigrated().dataSource();
        rows = new StoreRows(dataSource);
    }

    @Test
    void commitSucceededCompleteFailedThenTheRedeliveryIsCompletedAsDuplicatesAndNothingIsCountedTwice() {
        var listener = listener(dataSource);
        byte[] body = utf8(batch(List.of(acdStart("c-1", t0), acdStart("c-2", t0 + 1_000))));
        var first = context(body, "m-1", 1);
        doThrow(new IllegalStateException("lock lost")).when(first).complete();

        listener.onMessage(first);

        // The commit stood although the settlement failed.
        verify(first).complete();
        verify(first, never()).abandon();
        assertThat(results).singleElement().isEqualTo(new IngestionResult.Ingested(2, 0, List.of(), 0, 0));
        assertThat(rows.rawEvents()).isEqualTo(2);
        assertThat(rows.inboxRows()).isEqualTo(2);
        assertThat(settlementFailures("complete")).isEqualTo(1);
        assertThat(messages("complete", "none")).isZero();

        // The lock expired; Service Bus redelivers the same message with a higher delivery count.
        var redelivery = context(body, "m-1", 2);
        listener.onMessage(redelivery);

        verify(redelivery).complete();
        verify(redelivery, never()).abandon();
        verify(redelivery, never()).deadLetter(org.mockito.ArgumentMatchers.any(DeadLetterOptions.class));
        assertThat(results).hasSize(2);
        assertThat(results.get(1)).isEqualTo(new IngestionResult.Ingested(0, 2, List.of(), 0, 0));
        assertThat(messages("complete", "none")).isEqualTo(1);
        assertThat(settlementFailures("complete")).isEqualTo(1);

        // Each event exactly once in the raw store and in the engine's work queue.
        assertThat(rows.rawEvents()).isEqualTo(2);
        assertThat(rows.inboxRows()).isEqualTo(2);
        assertThat(rows.count("FROM (SELECT identity_digest FROM raw_event GROUP BY identity_digest, event_time "
                + "HAVING count(*) > 1) d")).isZero();
        assertThat(rows.count("FROM (SELECT raw_event_id FROM engine_inbox GROUP BY raw_event_id "
                + "HAVING count(*) > 1) d")).isZero();
        assertThat(rows.count("FROM raw_event r JOIN engine_inbox i ON i.raw_event_id = r.id "
                + "AND i.event_time = r.event_time WHERE r.body->>'conversationId' IN ('" + TestEvents.id("c-1") + "','"
                + TestEvents.id("c-2") + "')")).isEqualTo(2);
        assertThat(rows.queryString("SELECT DISTINCT source FROM raw_event")).isEqualTo("servicebus");
        assertThat(meters.counter(EVENTS, "outcome", "accepted", "transport", "servicebus", "reason", "none").count())
                .isEqualTo(2);
        assertThat(meters.counter(EVENTS, "outcome", "duplicate", "transport", "servicebus", "reason", "none").count())
                .isEqualTo(2);
        assertThat(failures).isEmpty();
    }

    @Test
    void aPoisonBodyIsDeadLetteredWithReasonAndDescriptionAndStoresNothing() {
        var listener = listener(dataSource);
        var poison = context(utf8("{\"topicName\": \"v2.detail.events.conversation.c-1.acd.start\", "), "m-2", 1);

        listener.onMessage(poison);

        var options = ArgumentCaptor.forClass(DeadLetterOptions.class);
        verify(poison).deadLetter(options.capture());
        verify(poison, never()).complete();
        verify(poison, never()).abandon();
        assertThat(results).singleElement().isInstanceOf(IngestionResult.Unreadable.class);
        String reason = ((IngestionResult.Unreadable) results.get(0)).reason();
        assertThat(options.getValue().getDeadLetterReason()).isEqualTo(reason).isNotBlank();
        assertThat(options.getValue().getDeadLetterErrorDescription()).isNotBlank();
        assertThat(messages("dead_letter", reason)).isEqualTo(1);
        assertThat(rows.rawEvents()).isZero();
        assertThat(rows.inboxRows()).isZero();
    }

    @Test
    void aMessageOfWhichEveryEventIsInvalidIsDeadLettered() {
        var listener = listener(dataSource);
        // Parses as an envelope, but an acd.start without the fields SPEC §1 requires can never be stored.
        var invalid = context(utf8("{\"topicName\":\"v2.detail.events.conversation.c-3.acd.start\",\"version\":\"2\","
                + "\"eventBody\":{\"conversationId\":\"c-3\"}}"), "m-3", 1);

        listener.onMessage(invalid);

        var options = ArgumentCaptor.forClass(DeadLetterOptions.class);
        verify(invalid).deadLetter(options.capture());
        verify(invalid, never()).complete();
        var ingested = (IngestionResult.Ingested) results.get(0);
        assertThat(ingested.accepted() + ingested.duplicates()).isZero();
        assertThat(ingested.rejected()).hasSize(1);
        assertThat(options.getValue().getDeadLetterReason()).isEqualTo(ingested.rejected().get(0).reason());
        assertThat(rows.rawEvents()).isZero();
    }

    @Test
    void anUnreachableStoreAbandonsTheMessageAndFeedsTheBreakerAndTheRedeliveryLaterStoresIt() {
        PGSimpleDataSource closed = new PGSimpleDataSource();
        closed.setURL("jdbc:postgresql://127.0.0.1:9/nowhere?connectTimeout=1");
        byte[] body = utf8(acdStart("c-4", t0));
        var whileDown = context(body, "m-4", 1);

        listener(closed).onMessage(whileDown);

        verify(whileDown).abandon();
        verify(whileDown, never()).complete();
        verify(whileDown, never()).deadLetter(org.mockito.ArgumentMatchers.any(DeadLetterOptions.class));
        assertThat(failures).singleElement().isInstanceOf(StoreUnavailableException.class);
        assertThat(results).isEmpty();
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
        assertThat(messages("abandon", "store-unavailable")).isEqualTo(1);

        // The abandoned message comes back once the store is reachable: stored once, completed.
        var afterRecovery = context(body, "m-4", 2);
        listener(dataSource).onMessage(afterRecovery);

        verify(afterRecovery).complete();
        assertThat(results).singleElement().isEqualTo(new IngestionResult.Ingested(1, 0, List.of(), 0, 0));
        assertThat(rows.rawEvents()).isEqualTo(1);
        assertThat(rows.inboxRows()).isEqualTo(1);
    }

    /** The real pipeline on {@code store}, recording each answer (or failure) before the listener settles. */
    private ServiceBusIngressListener listener(DataSource store) {
        var pipeline = new IngestionPipeline(new EventParser(),
                new RawEventStore(store, new WatermarkTracker(Duration.ofMinutes(5))), new DedupHorizon(Duration.ofDays(35)), meters,
                Clock.systemUTC());
        EventIngestion recording = (body, transport) -> {
            try {
                IngestionResult result = pipeline.ingest(body, transport);
                results.add(result);
                return result;
            } catch (RuntimeException e) {
                failures.add(e);
                throw e;
            }
        };
        return new ServiceBusIngressListener(recording, new StoreGate(breaker), breaker, meters);
    }

    private double messages(String disposition, String reason) {
        var counter = meters.find(ServiceBusIngressListener.MESSAGES).tags("disposition", disposition, "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double settlementFailures(String disposition) {
        var counter = meters.find(ServiceBusIngressListener.SETTLEMENT_FAILURES).tag("disposition", disposition)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static ServiceBusReceivedMessageContext context(byte[] body, String messageId, long deliveryCount) {
        var context = mock(ServiceBusReceivedMessageContext.class);
        when(context.getMessage()).thenReturn(TestReceivedMessages.received(body, messageId, deliveryCount));
        return context;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
