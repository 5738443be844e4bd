package io.streamvane.ingress.servicebus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.messaging.servicebus.ServiceBusReceivedMessageContext;
import com.azure.messaging.servicebus.TestReceivedMessages;
import com.azure.messaging.servicebus.models.DeadLetterOptions;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.ingress.pipeline.EventIngestion;
import io.streamvane.ingress.pipeline.IngestionResult.Ingested;
import io.streamvane.ingress.pipeline.IngestionResult.ItemRejection;
import io.streamvane.ingress.pipeline.IngestionResult.Unreadable;
import io.streamvane.ingress.pipeline.StoreUnavailableException;
import io.streamvane.ingress.pipeline.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class ServiceBusIngressListenerTest {

    private static final byte[] BODY = "{\"topicName\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    private final EventIngestion ingestion = mock(EventIngestion.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CircuitBreaker breaker = CircuitBreaker.of("test", ServiceBusIngressConfiguration.DEFAULT_BREAKER);
    private final StoreGate gate = new StoreGate(breaker);
    private final ServiceBusIngressListener listener = new ServiceBusIngressListener(ingestion, gate, breaker, meters);

    @Test
    void completesOnlyAfterThePipelineReturnedTheStoredEvents() {
        when(ingestion.ingest(BODY, Transport.SERVICE_BUS)).thenReturn(new Ingested(1, 0, List.of(), 0, 0));
        var context = context(BODY);

        listener.onMessage(context);

        var order = inOrder(ingestion, context);
        order.verify(ingestion).ingest(BODY, Transport.SERVICE_BUS);
        order.verify(context).complete();
        verify(context, never()).abandon();
        assertThat(count("complete", "none")).isEqualTo(1);
    }

    @Test
    void completesAMessageWhoseEventsWereAllDuplicates() {
        when(ingestion.ingest(BODY, Transport.SERVICE_BUS)).thenReturn(new Ingested(0, 1, List.of(), 0, 0));
        var context = context(BODY);

        listener.onMessage(context);

        verify(context).complete();
    }

    @Test
    void deadLettersAnUnreadableBodyWithReasonAndDescription() {
        when(ingestion.ingest(BODY, Transport.SERVICE_BUS)).thenReturn(new Unreadable("malformed-json", "bad token at 3"));
        var context = context(BODY);

        listener.onMessage(context);

        assertThat(deadLetterOptions(context).getDeadLetterReason()).isEqualTo("malformed-json");
        assertThat(deadLetterOptions(context).getDeadLetterErrorDescription()).isEqualTo("bad token at 3");
        verify(context, never()).complete();
        assertThat(count("dead_letter", "malformed-json")).isEqualTo(1);
    }

    @Test
    void deadLettersAMessageWhoseEveryItemWasRejected() {
        when(ingestion.ingest(BODY, Transport.SERVICE_BUS)).thenReturn(
                new Ingested(0, 0, List.of(new ItemRejection(0, "missing-field", "acd.end without queueId")), 0, 0));
        var context = context(BODY);

        listener.onMessage(context);

        assertThat(deadLetterOptions(context).getDeadLetterReason()).isEqualTo("missing-field");
        assertThat(deadLetterOptions(context).getDeadLetterErrorDescription()).isEqualTo("acd.end without queueId");
    }

    @Test
    void abandonsWhenTheStoreIsUnavailableAndRecordsTheFailureInTheBreaker() {
        when(ingestion.ingest(BODY, Transport.SERVICE_BUS)).thenThrow(new StoreUnavailableException("down", null));
        var context = context(BODY);

        listener.onMessage(context);

        verify(context).abandon();
        verify(context, never()).complete();
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
        assertThat(count("abandon", "store-unavailable")).isEqualTo(1);
    }

    @Test
    void abandonsOnAnUnexpectedFailureWithoutTrippingTheStoreBreaker() {
        when(ingestion.ingest(BODY, Transport.SERVICE_BUS)).thenThrow(new IllegalStateException("bug"));
        var context = context(BODY);

        listener.onMessage(context);

        verify(context).abandon();
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void whileTheBreakerRefusesAMessageWaitsAndIsLeftUnsettledWhenTheProcessorStops() throws Exception {
        breaker.transitionToOpenState();
        var context = context(BODY);
        Thread handler = new Thread(() -> listener.onMessage(context));

        handler.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> gate.waiting() == 1);
        gate.stopped();
        handler.join(Duration.ofSeconds(30).toMillis());

        assertThat(handler.isAlive()).isFalse();
        verify(ingestion, never()).ingest(any(), any());
        verify(context, never()).abandon();
        verify(context, never()).complete();
        assertThat(count("unsettled", "processor-stopped")).isEqualTo(1);
    }

    @Test
    void aMessageWaitingForTheHalfOpenVerdictGoesInOnceTheTrialsClosedTheBreaker() throws Exception {
        CircuitBreaker oneTrial = CircuitBreaker.of("trial", CircuitBreakerConfig.from(
                ServiceBusIngressConfiguration.DEFAULT_BREAKER).permittedNumberOfCallsInHalfOpenState(1).build());
        StoreGate trialGate = new StoreGate(oneTrial);
        var waitingListener = new ServiceBusIngressListener(ingestion, trialGate, oneTrial, meters);
        when(ingestion.ingest(BODY, Transport.SERVICE_BUS)).thenReturn(new Ingested(1, 0, List.of(), 0, 0));
        oneTrial.transitionToOpenState();
        oneTrial.transitionToHalfOpenState();
        // The trial call holds the only permit while the second message arrives.
        assertThat(trialGate.admit()).isEqualTo(StoreGate.Admission.ADMITTED);
        var second = context(BODY);
        Thread handler = new Thread(() -> waitingListener.onMessage(second));
        handler.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> trialGate.waiting() == 1);

        oneTrial.onSuccess(1, TimeUnit.MILLISECONDS);
        trialGate.leave();
        handler.join(Duration.ofSeconds(30).toMillis());

        assertThat(oneTrial.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        verify(second).complete();
        verify(second, never()).abandon();
    }

    @Test
    void aMessageStillRefusedAfterTheLongestWaitIsAbandonedWithoutTouchingTheStore() {
        breaker.transitionToOpenState();
        var impatient = new ServiceBusIngressListener(ingestion, new StoreGate(breaker, Duration.ZERO), breaker,
                meters);
        var context = context(BODY);

        impatient.onMessage(context);

        verify(context).abandon();
        verify(ingestion, never()).ingest(any(), any());
        assertThat(count("abandon", "breaker-open")).isEqualTo(1);
    }

    @Test
    void aFailedCompleteIsCountedAndTheRedeliveryIsADuplicateSoNothingIsCountedTwice() {
        // Stand-in for the pipeline's dedup until the real one lands: the second delivery of a body is a duplicate.
        Set<String> stored = new HashSet<>();
        when(ingestion.ingest(BODY, Transport.SERVICE_BUS)).thenAnswer(inv -> {
            boolean fresh = stored.add(new String(inv.<byte[]>getArgument(0), StandardCharsets.UTF_8));
            return new Ingested(fresh ? 1 : 0, fresh ? 0 : 1, List.of(), 0, 0);
        });
        var first = context(BODY);
        doThrow(new IllegalStateException("lock lost")).when(first).complete();

        listener.onMessage(first);
        var redelivery = context(BODY);
        listener.onMessage(redelivery);

        verify(redelivery).complete();
        assertThat(stored).hasSize(1);
        assertThat(meters.counter(ServiceBusIngressListener.SETTLEMENT_FAILURES, "disposition", "complete").count())
                .isEqualTo(1);
        assertThat(count("complete", "none")).isEqualTo(1);
        assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(2);
    }

    private double count(String disposition, String reason) {
        var counter = meters.find(ServiceBusIngressListener.MESSAGES).tags("disposition", disposition, "reason", reason)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static DeadLetterOptions deadLetterOptions(ServiceBusReceivedMessageContext context) {
        var options = ArgumentCaptor.forClass(DeadLetterOptions.class);
        verify(context).deadLetter(options.capture());
        return options.getValue();
    }

    private static ServiceBusReceivedMessageContext context(byte[] body) {
        var context = mock(ServiceBusReceivedMessageContext.class);
        when(context.getMessage()).thenReturn(TestReceivedMessages.received(body, "m-1", 1));
        return context;
    }
}
