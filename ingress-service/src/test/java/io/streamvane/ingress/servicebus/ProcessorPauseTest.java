package io.streamvane.ingress.servicebus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.messaging.servicebus.ServiceBusReceivedMessageContext;
import com.azure.messaging.servicebus.TestReceivedMessages;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.ingress.pipeline.IngestionResult.Ingested;
import io.streamvane.ingress.pipeline.StoreUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessorPauseTest {

    private final AtomicBoolean storeUp = new AtomicBoolean(false);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CircuitBreaker breaker = CircuitBreaker.of("store", CircuitBreakerConfig.from(
            ServiceBusIngressConfiguration.DEFAULT_BREAKER).slidingWindowSize(3).minimumNumberOfCalls(3)
            .permittedNumberOfCallsInHalfOpenState(1).build());
    // A mock of the switch, not of the SDK client: the client's start()/stop() are synchronized, so a client mock being
    // verified with a timeout holds the monitor the pause thread needs.
    private final ProcessorSwitch processor = mock(ProcessorSwitch.class);
    private final StoreGate gate = new StoreGate(breaker);
    private final ProcessorPause pause = new ProcessorPause(breaker, processor, gate, storeUp::get,
            Duration.ofMillis(50), Duration.ofSeconds(30), Executors.newSingleThreadScheduledExecutor(), meters);

    @AfterEach
    void close() {
        pause.close();
    }

    @Test
    void theProcessorIsStoppedWhileTheStoreIsDownAndRestartedWhenTheProbeFindsItBack() {
        var listener = new ServiceBusIngressListener((body, transport) -> {
            if (!storeUp.get()) {
                throw new StoreUnavailableException("connection refused", null);
            }
            return new Ingested(1, 0, List.of(), 0, 0);
        }, gate, breaker, meters);

        for (int i = 0; i < 3; i++) {
            listener.onMessage(context());
        }

        verify(processor, timeout(2_000)).stop();
        assertThat(breaker.getState()).isEqualTo(State.OPEN);
        verify(processor, after(300).never()).start();
        assertThat(pause.paused()).isTrue();
        assertThat(meters.counter(ProcessorPause.PAUSES).count()).isEqualTo(1);

        storeUp.set(true);

        verify(processor, timeout(2_000)).start();
        assertThat(breaker.getState()).isEqualTo(State.HALF_OPEN);
        listener.onMessage(context());
        assertThat(breaker.getState()).isEqualTo(State.CLOSED);
    }

    @Test
    void aFailedTrialAfterResumingPausesTheProcessorAgain() {
        breaker.transitionToOpenState();
        verify(processor, timeout(2_000)).stop();
        storeUp.set(true);
        verify(processor, timeout(2_000)).start();

        // The trial fails because the store went away again: it must stay paused until the probe finds it back.
        storeUp.set(false);
        breaker.onError(1, TimeUnit.MILLISECONDS, new StoreUnavailableException("again", null));

        verify(processor, timeout(2_000).times(2)).stop();
        assertThat(pause.paused()).isTrue();
    }

    @Test
    void thePauseStopsTheProcessorOnlyOnceTheMessagesInsideThePipelineAreSettled() {
        AtomicInteger insideAtStop = new AtomicInteger(-1);
        doAnswer(invocation -> {
            insideAtStop.set(gate.inside());
            return null;
        }).when(processor).stop();
        assertThat(gate.admit()).isEqualTo(StoreGate.Admission.ADMITTED);

        breaker.transitionToOpenState();
        gate.leave();

        verify(processor, timeout(2_000)).stop();
        assertThat(insideAtStop).hasValue(0);
    }

    @Test
    void messagesWaitingAtTheGateGoUnsettledOnlyAfterTheProcessorHasStopped() throws Exception {
        AtomicInteger waitingAtStop = new AtomicInteger(-1);
        doAnswer(invocation -> {
            waitingAtStop.set(gate.waiting());
            return null;
        }).when(processor).stop();
        breaker.transitionToOpenState();
        verify(processor, timeout(2_000)).stop();
        storeUp.set(true);
        verify(processor, timeout(2_000)).start();
        storeUp.set(false);

        // Half-open: the trial holds the one permit, a second message waits for its verdict; the trial fails.
        CompletableFuture<StoreGate.Admission> waiter = new CompletableFuture<>();
        assertThat(gate.admit()).isEqualTo(StoreGate.Admission.ADMITTED);
        new Thread(() -> waiter.complete(gate.admit())).start();
        await().atMost(Duration.ofSeconds(30)).until(() -> gate.waiting() == 1);
        breaker.onError(1, TimeUnit.MILLISECONDS, new StoreUnavailableException("again", null));
        gate.leave();

        assertThat(waiter.get(30, TimeUnit.SECONDS)).isEqualTo(StoreGate.Admission.STOPPED);
        verify(processor, timeout(2_000).times(2)).stop();
        assertThat(waitingAtStop).hasValue(1);
    }

    private static ServiceBusReceivedMessageContext context() {
        var context = mock(ServiceBusReceivedMessageContext.class);
        when(context.getMessage()).thenReturn(TestReceivedMessages.received(new byte[] {'{', '}'}, "m", 1));
        return context;
    }
}
