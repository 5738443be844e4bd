package io.streamvane.egress.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.streamvane.egress.intervals.QueueIntervals;
import io.streamvane.model.store.StoreChannels;
import io.streamvane.platform.postgres.NotificationListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs every sink: one worker thread per sink (a slow destination never delays another) takes over new change-log
 * rows and sends due deliveries, woken by NOTIFY {@code streamvane_kpi_changes} or the poll interval.
 *
 * <p>After a failed batch the sink pauses until that batch's next attempt (a circuit breaker of sorts): while a
 * destination is down only the probe batch spends attempts, the backlog waits intact and drains on recovery.
 * Retry state lives in {@code sink_delivery}, not in memory, so it survives restarts and is shared by replicas.
 *
 * <p>Every error text it logs or stores (and {@code last_error} is shown by the admin API) passes through
 * {@link RedactedUri}, whatever sink wrote it: destination URIs carry credentials in their query or user-info.
 */
public final class DeliveryEngine implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryEngine.class);
    /** Key-buckets per zero-fill transaction, and transactions per cycle (a large backfill spreads over cycles). */
    static final int ZERO_FILL_ROWS = 5000;
    static final int ZERO_FILL_STEPS_PER_CYCLE = 4;

    private final DeliveryStore store;
    private final NotificationListener listener;
    private final DeliveryProperties settings;
    private final Backoff backoff;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, SinkState> sinks = new LinkedHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    private final class SinkState {
        final Sink sink;
        final AtomicLong backlog = new AtomicLong();
        final AtomicLong deadLetters = new AtomicLong();
        final AtomicLong untaken = new AtomicLong();
        final Timer latency;
        final Counter delivered;
        final Counter retries;
        final Counter rejects;
        final Counter deadLettered;
        volatile Instant pausedUntil = Instant.MIN;
        volatile Instant statsAt = Instant.MIN;
        boolean woken;

        SinkState(Sink sink) {
            this.sink = sink;
            String n = sink.name();
            Gauge.builder("streamvane.sink.backlog", backlog, AtomicLong::get).tag("sink", n)
                    .description("Pending deliveries").register(meters);
            Gauge.builder("streamvane.sink.dead.letters", deadLetters, AtomicLong::get).tag("sink", n)
                    .description("Dead-lettered deliveries awaiting an operator").register(meters);
            Gauge.builder("streamvane.sink.cursor.lag", untaken, AtomicLong::get).tag("sink", n)
                    .description("Change-log rows not yet taken over by the sink").register(meters);
            latency = Timer.builder("streamvane.sink.delivery.latency").tag("sink", n)
                    .description("From enqueue to confirmed delivery").register(meters);
            delivered = Counter.builder("streamvane.sink.deliveries").tag("sink", n).register(meters);
            retries = Counter.builder("streamvane.sink.delivery.failures").tag("sink", n).tag("kind", "retry")
                    .register(meters);
            rejects = Counter.builder("streamvane.sink.delivery.failures").tag("sink", n).tag("kind", "rejected")
                    .register(meters);
            deadLettered = Counter.builder("streamvane.sink.delivery.failures").tag("sink", n)
                    .tag("kind", "dead_lettered").register(meters);
        }

        synchronized void wake() {
            woken = true;
            notifyAll();
        }

        synchronized void await(Duration max) throws InterruptedException {
            long until = System.nanoTime() + max.toNanos();
            while (!woken && running) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            woken = false;
        }
    }

    /**
     * @param intervals the rows sinks send; every sink's granularity must be a whole multiple of its base
     * @throws IllegalArgumentException for two sinks of one name or a sink granularity the rows cannot be rolled up to
     */
    public DeliveryEngine(DataSource dataSource, List<Sink> sinks, DeliveryProperties settings,
            QueueIntervals intervals, MeterRegistry meters, Clock clock) {
        this.listener = new NotificationListener("sv-sink-listen", dataSource, List.of(StoreChannels.KPI_CHANGES),
                this::wakeAll);
        this.settings = settings;
        this.backoff = settings.backoff();
        this.clock = clock;
        this.meters = meters;
        this.store = new DeliveryStore(dataSource, intervals, settings.startFrom());
        for (Sink s : sinks) {
            if (!intervals.canReport(s.shape().granularity())) {
                throw new IllegalArgumentException("sink '" + s.name() + "' wants " + s.shape().granularity()
                        + " rows, not a multiple of the stored " + intervals.base() + " buckets");
            }
            if (this.sinks.putIfAbsent(s.name(), new SinkState(s)) != null) {
                throw new IllegalArgumentException("two sinks named '" + s.name() + "'");
            }
        }
    }

    public DeliveryStore store() {
        return store;
    }

    public List<Sink> sinks() {
        return sinks.values().stream().map(s -> s.sink).toList();
    }

    public Sink sink(String name) {
        SinkState s = sinks.get(name);
        return s == null ? null : s.sink;
    }

    /** One cycle for one sink: take over all new changes, then send due batches until none is left or one fails. */
    public void cycle(String sinkName) throws Exception {
        SinkState s = sinks.get(sinkName);
        Sink sink = s.sink;
        while (store.takeOver(sink.name(), sink.shape(), settings.takeOverBatch()) == settings.takeOverBatch()) {
            // more change-log rows waiting
        }
        // Zero rows after the change log: a row the engine stored meanwhile is seen and not zero-filled.
        for (int i = 0; i < ZERO_FILL_STEPS_PER_CYCLE && store.zeroFill(sink.name(), sink.shape(), ZERO_FILL_ROWS) > 0; i++) {
            // catching up a backlog of buckets, a bounded number of steps before sending
        }
        boolean more = true;
        while (more && !clock.instant().isBefore(s.pausedUntil)) {
            more = sendBatch(s);
        }
        Instant now = clock.instant();
        if (now.isAfter(s.statsAt.plusSeconds(5))) {
            DeliveryStore.Stats st = store.stats(sink.name());
            s.backlog.set(st.pending());
            s.deadLetters.set(st.deadLettered());
            s.untaken.set(st.untaken());
            s.statsAt = now;
        }
    }

    /** Sends one batch; true when it was full and went through, so another may be due at once. */
    private boolean sendBatch(SinkState s) throws Exception {
        Sink sink = s.sink;
        List<List<Delivery>> holder = new ArrayList<>(1);
        boolean[] failed = {false};
        int n = store.sendDue(sink.name(), sink.batchSize(), c -> {
            List<Delivery> batch = holder.get(0);
            List<Outcome> outcomes;
            try {
                outcomes = sink.send(batch);
                if (outcomes.size() != batch.size()) {
                    throw new IllegalStateException(sink.name() + " returned " + outcomes.size() + " outcomes for "
                            + batch.size() + " deliveries");
                }
            } catch (Exception e) {
                LOG.debug("sink {} send failed", sink.name(), RedactedUri.in(e));
                outcomes = Outcome.all(batch.size(), new Outcome.Retry(describe(e), null));
            }
            Instant now = clock.instant();
            List<DeliveryStore.Settlement> out = new ArrayList<>(batch.size());
            Instant pause = null;
            for (int i = 0; i < batch.size(); i++) {
                Delivery d = batch.get(i);
                Outcome o = outcomes.get(i);
                int attempts = d.attempts() + 1;
                if (o instanceof Outcome.Delivered) {
                    out.add(new DeliveryStore.Settlement.Done(d.id()));
                    s.delivered.increment();
                    s.latency.record(Duration.between(d.createdAt(), now).abs());
                } else if (o instanceof Outcome.Reject r) {
                    String error = RedactedUri.in(r.error());
                    out.add(new DeliveryStore.Settlement.Dead(d.id(), error));
                    s.rejects.increment();
                    s.deadLettered.increment();
                    LOG.warn("sink {} rejected {}: {} (dead-lettered)", sink.name(), d.payloadId(), error);
                } else if (o instanceof Outcome.Retry r) {
                    String error = RedactedUri.in(r.error());
                    failed[0] = true;
                    s.retries.increment();
                    if (backoff.exhausted(attempts)) {
                        out.add(new DeliveryStore.Settlement.Dead(d.id(), error));
                        s.deadLettered.increment();
                        LOG.warn("sink {} gave up on {} after {} attempts: {}", sink.name(), d.payloadId(), attempts,
                                error);
                    } else {
                        Duration delay = backoff.delay(attempts, r.notBefore(), ThreadLocalRandom.current());
                        Instant next = now.plus(delay);
                        out.add(new DeliveryStore.Settlement.Again(d.id(), error, delay));
                        pause = pause == null || next.isBefore(pause) ? next : pause;
                    }
                }
            }
            if (pause != null) {
                s.pausedUntil = pause;
                LOG.info("sink {} failing ({}); paused until {}", sink.name(),
                        RedactedUri.in(((Outcome.Retry) outcomes.stream().filter(Outcome.Retry.class::isInstance)
                                .findFirst().orElseThrow()).error()), pause);
            }
            return out;
        }, holder::add);
        return n == sink.batchSize() && !failed[0];
    }

    /** For logs and last_error: a sink's URI in an exception message may carry a secret (?code=, user:pass@). */
    private static String describe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + RedactedUri.in(m));
    }

    /** Runs one cycle for every sink now (tests, admin). */
    public void runOnce() throws Exception {
        for (String name : sinks.keySet()) {
            cycle(name);
        }
    }

    /** Forgets a sink's pause, e.g. after an operator fixed the destination. */
    public void resume(String sinkName) {
        SinkState s = sinks.get(sinkName);
        if (s != null) {
            s.pausedUntil = Instant.MIN;
            s.wake();
        }
    }

    public void wakeAll() {
        sinks.values().forEach(SinkState::wake);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (SinkState s : sinks.values()) {
            Thread t = new Thread(() -> loop(s), "sv-sink-" + s.sink.name());
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        if (settings.listen() && !sinks.isEmpty()) {
            listener.start();
        }
    }

    private void loop(SinkState s) {
        while (running) {
            try {
                cycle(s.sink.name());
            } catch (Exception e) {
                LOG.warn("sink {} cycle failed: {}", s.sink.name(), describe(e));
            }
            try {
                Duration wait = settings.pollInterval();
                Duration untilResume = Duration.between(clock.instant(), s.pausedUntil);
                if (!untilResume.isNegative() && untilResume.compareTo(wait) < 0) {
                    wait = untilResume.plusMillis(1);
                }
                s.await(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        wakeAll();
        listener.stop();
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
