package io.streamvane.ingress.servicebus;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Lets Service Bus messages into the pipeline as the store breaker permits, and lets {@link ProcessorPause} empty
 * the pipeline before it stops the processor.
 *
 * <p>Why a message the breaker refuses waits here instead of being abandoned: a running processor takes an
 * abandoned message straight back. In half-open (3 trial calls, more concurrent handlers, a prefetch buffer) that
 * loop raised healthy messages' delivery counts to MaxDeliveryCount within a second: measured against the SDK and a
 * broker peer, 4 to 7 of 40 messages were dead-lettered after one outage. Waiting, a refused message goes in when
 * the breaker lets calls through again; if the processor stops first, it is left locked and unsettled, and the
 * broker redelivers it once its lock runs out (one delivery attempt, as an abandon would have cost, but once).
 */
final class StoreGate {

    /** What a message may do. */
    enum Admission {
        /** Into the pipeline; call {@link #leave()} once it is settled. */
        ADMITTED,
        /** The processor stopped while it waited: leave it unsettled. */
        STOPPED,
        /** Still refused after the longest wait: abandon it. */
        REFUSED
    }

    /** A safety net: a wait normally ends with the breaker's next transition or the pause's stop, far sooner. */
    static final Duration MAX_WAIT = Duration.ofMinutes(1);
    private static final long RECHECK_MILLIS = 200;

    private final CircuitBreaker breaker;
    private final Duration maxWait;
    private int inside;
    private int waiting;
    private boolean stopped;

    StoreGate(CircuitBreaker breaker) {
        this(breaker, MAX_WAIT);
    }

    StoreGate(CircuitBreaker breaker, Duration maxWait) {
        this.breaker = breaker;
        this.maxWait = maxWait;
        breaker.getEventPublisher().onStateTransition(event -> wake());
    }

    /** Waits until the breaker permits a call, the processor stops, or {@link #MAX_WAIT} passes. */
    synchronized Admission admit() {
        long deadline = System.nanoTime() + maxWait.toNanos();
        waiting++;
        try {
            while (true) {
                if (stopped) {
                    return Admission.STOPPED;
                }
                if (breaker.tryAcquirePermission()) {
                    inside++;
                    return Admission.ADMITTED;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return Admission.REFUSED;
                }
                wait(Math.min(left, RECHECK_MILLIS));
            }
        } catch (InterruptedException e) {
            // The SDK interrupts its handler threads when the processor stops.
            Thread.currentThread().interrupt();
            return Admission.STOPPED;
        } finally {
            waiting--;
        }
    }

    synchronized void leave() {
        inside--;
        notifyAll();
    }

    /**
     * Waits until every admitted message has been settled, at most {@code timeout}; new messages wait meanwhile
     * (the breaker is open). Returns whether the pipeline emptied.
     */
    synchronized boolean drain(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inside > 0) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** The processor has stopped: waiting messages give up, unsettled. */
    synchronized void stopped() {
        stopped = true;
        notifyAll();
    }

    /** The processor is about to start again. */
    synchronized void reopen() {
        stopped = false;
    }

    synchronized int inside() {
        return inside;
    }

    synchronized int waiting() {
        return waiting;
    }

    private synchronized void wake() {
        notifyAll();
    }
}
