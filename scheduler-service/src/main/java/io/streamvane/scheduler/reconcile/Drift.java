package io.streamvane.scheduler.reconcile;

import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.QueueMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/** Per-metric differences between Genesys's figures and the events', named by the Genesys metric and stat. */
public final class Drift {

    public record Metric(String name, ToLongFunction<IntervalComponents> value) {
    }

    public record Difference(String metric, long eventsValue, long apiValue) {
        public long drift() {
            return apiValue - eventsValue;
        }
    }

    /**
     * Every component Genesys reports under a metric of its own (the catalogue's names), and nOverSla, which
     * compares answered − within SL.
     */
    public static final List<Metric> METRICS = metrics();

    private static List<Metric> metrics() {
        List<Metric> metrics = new ArrayList<>();
        for (QueueMetric m : QueueMetric.components()) {
            if (m.genesysStat().isPresent()) {
                metrics.add(new Metric(m.genesys(), c -> c.get(m)));
            }
        }
        metrics.add(new Metric("nOverSla", c -> c.answered() - c.answeredWithinSl()));
        return List.copyOf(metrics);
    }

    private Drift() {
    }

    public static List<Difference> between(IntervalComponents events, IntervalComponents api) {
        List<Difference> out = new ArrayList<>();
        for (Metric m : METRICS) {
            long e = m.value().applyAsLong(events);
            long a = m.value().applyAsLong(api);
            if (e != a) {
                out.add(new Difference(m.name(), e, a));
            }
        }
        return out;
    }
}
