package io.streamvane.ingress.servicebus;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the processor while the store breaker is open and starts it again once a probe finds the store back.
 *
 * <p>Why: abandoning every message during an outage would raise each one's delivery count until the broker
 * dead-letters healthy events as MaxDeliveryCountExceeded. Stopped, the processor receives nothing and takes no new
 * locks. The probe, not the breaker's timer, moves the breaker to half-open, so real messages are the trial
 * calls only when the store answers; a failed trial opens the breaker and pauses again.
 *
 * <p>How it stops: the SDK's stop closes the receiver at once and interrupts the handler threads, so a message
 * committed a moment before could not be completed, and an abandon in progress was lost. So the pause first waits
 * (at most {@code drainTimeout}) for the messages inside the pipeline to be settled, while new ones wait at the
 * {@link StoreGate}; then it stops the processor and lets the waiting ones go unsettled. What a pause costs is then
 * one delivery attempt for each message the processor held (in flight or prefetched), each redelivered once.
 * Start/stop run on this class's own thread, never on a message handler thread of the processor they control.
 */
final class ProcessorPause implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorPause.class);
    static final String PAUSES = "streamvane.ingress.servicebus.pauses";

    private final CircuitBreaker breaker;
    private final ProcessorSwitch processor;
    private final StoreGate gate;
    private final StoreProbe probe;
    private final Duration probeInterval;
    private final Duration drainTimeout;
    private final ScheduledExecutorService executor;
    private final MeterRegistry meters;
    private volatile boolean paused;
    private volatile boolean closed;

    ProcessorPause(CircuitBreaker breaker, ProcessorSwitch processor, StoreGate gate, StoreProbe probe,
                   Duration probeInterval, Duration drainTimeout, ScheduledExecutorService executor,
                   MeterRegistry meters) {
        this.breaker = breaker;
        this.processor = processor;
        this.gate = gate;
        this.probe = probe;
        this.probeInterval = probeInterval;
        this.drainTimeout = drainTimeout;
        this.executor = executor;
        this.meters = meters;
        breaker.getEventPublisher().onStateTransition(
                event -> executor.execute(() -> react(event.getStateTransition().getToState())));
    }

    boolean paused() {
        return paused;
    }

    private void react(State state) {
        if (closed) {
            return;
        }
        switch (state) {
            case OPEN, FORCED_OPEN -> pause();
            case HALF_OPEN, CLOSED -> resume();
            default -> { /* DISABLED, METRICS_ONLY: the breaker is not steering anything */ }
        }
    }

    private void pause() {
        if (!paused) {
            paused = true;
            LOG.warn("Metrics store unavailable: pausing the Service Bus processor until it is back");
            meters.counter(PAUSES).increment();
            drain();
            processor.stop();
            gate.stopped();
        }
        scheduleProbe();
    }

    private void drain() {
        try {
            if (!gate.drain(drainTimeout)) {
                LOG.warn("{} Service Bus messages still in the pipeline after {}; stopping the processor anyway",
                        gate.inside(), drainTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void resume() {
        if (paused) {
            paused = false;
            LOG.info("Metrics store reachable again: resuming the Service Bus processor");
            gate.reopen();
            processor.start();
        }
    }

    private void scheduleProbe() {
        executor.schedule(this::probeOnce, probeInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void probeOnce() {
        if (closed || breaker.getState() != State.OPEN) {
            return;
        }
        if (probe.storeAvailable()) {
            breaker.transitionToHalfOpenState();
        } else {
            scheduleProbe();
        }
    }

    @Override
    public void close() {
        closed = true;
        executor.shutdownNow();
        gate.stopped();
    }
}
