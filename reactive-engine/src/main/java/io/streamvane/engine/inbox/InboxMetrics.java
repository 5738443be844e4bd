package io.streamvane.engine.inbox;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The engine's health in numbers: how much accepted work waits in the inbox, how old the oldest item is (the
 * engine's lag behind ingress), how many events were projected or dropped, and how long each took from acceptance
 * to projection. The gauges read the store at scrape time, so every replica reports the same shared backlog.
 */
public final class InboxMetrics implements MeterBinder {

    private final JdbcClient jdbc;
    private final InboxConsumer consumer;

    /**
     * The timer {@link InboxConsumer} records into after each projection commit. It is registered before the
     * consumer exists (the consumer needs it), hence outside {@link #bindTo}; the histogram goes up to ten minutes
     * because a backlog after an outage is exactly when the tail matters, and the default stops at 30 s.
     */
    public static Timer projectionLatency(MeterRegistry registry) {
        return Timer.builder("streamvane.engine.projection.latency")
                .description("From an event's durable acceptance by ingress to the commit of its projection")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    public InboxMetrics(JdbcClient jdbc, InboxConsumer consumer) {
        this.jdbc = jdbc;
        this.consumer = consumer;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("streamvane.engine.inbox.backlog", this, InboxMetrics::backlog)
                .description("Accepted events waiting in the engine inbox")
                .register(registry);
        Gauge.builder("streamvane.engine.inbox.oldest.age", this, InboxMetrics::oldestAgeSeconds)
                .description("Age of the oldest inbox item: how far projection is behind ingress")
                .baseUnit("seconds").register(registry);
        FunctionCounter.builder("streamvane.engine.events.projected", consumer, InboxConsumer::projectedCount)
                .description("Events projected by this replica").register(registry);
        FunctionCounter.builder("streamvane.engine.events.dropped", consumer, InboxConsumer::droppedCount)
                .description("Events this replica could not project and dropped from the inbox (kept in raw_event)")
                .register(registry);
    }

    private double backlog() {
        return jdbc.sql("SELECT count(*) FROM engine_inbox").query(Long.class).single();
    }

    private double oldestAgeSeconds() {
        // The primary key orders by seq, so the oldest item is one index probe away.
        return jdbc.sql("SELECT coalesce(extract(epoch FROM now() - (SELECT enqueued_at FROM engine_inbox "
                + "ORDER BY seq LIMIT 1)), 0)").query(Double.class).single();
    }
}
