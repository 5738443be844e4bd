package io.streamvane.ingress.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The ingress meters: {@code streamvane.ingress.events} (outcome = accepted | duplicate | rejected | late, transport,
 * reason; a late event counts as accepted and as late), {@code streamvane.ingress.batch.size}
 * (items per body) and {@code streamvane.ingress.lag} (receive time minus event time of each newly stored event).
 */
final class IngressMetrics {

    /** The reason tag of every outcome but rejected: Prometheus refuses one name with two sets of tag keys. */
    static final String NO_REASON = "none";

    static final String EVENTS = "streamvane.ingress.events";
    static final String BATCH_SIZE = "streamvane.ingress.batch.size";
    static final String LAG = "streamvane.ingress.lag";

    private final MeterRegistry registry;

    IngressMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void accepted(Transport transport, int count) {
        events("accepted", transport, count);
    }

    void duplicates(Transport transport, int count) {
        events("duplicate", transport, count);
    }

    void late(Transport transport, int count) {
        events("late", transport, count);
    }

    void rejected(Transport transport, String reason) {
        Counter.builder(EVENTS).description("Ingested events by outcome")
                .tags("outcome", "rejected", "transport", transport.code(), "reason", reason)
                .register(registry).increment();
    }

    void batchSize(Transport transport, int items) {
        DistributionSummary.builder(BATCH_SIZE).description("Items per ingested body").baseUnit("items")
                .tags("transport", transport.code())
                .publishPercentileHistogram()
                .register(registry).record(items);
    }

    /** The lag timer of a transport, fetched once per body and recorded once per newly stored event. */
    Timer lag(Transport transport) {
        return Timer.builder(LAG).description("Receive time minus event time of newly stored events")
                .tags("transport", transport.code())
                .publishPercentileHistogram()
                .register(registry);
    }

    private void events(String outcome, Transport transport, int count) {
        if (count > 0) {
            Counter.builder(EVENTS).description("Ingested events by outcome")
                    .tags("outcome", outcome, "transport", transport.code(), "reason", NO_REASON)
                    .register(registry).increment(count);
        }
    }
}
