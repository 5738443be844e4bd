package io.streamvane.scheduler.genesys;

import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.QueueMetric;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Maps one aggregate bucket's metrics onto the SPEC §2 components (interfaces.md §4.2): counts come from
 * {@code stats.count}, durations from {@code stats.sum} in ms; Genesys has no nAnswered/nAbandon, so answered and
 * abandoned are {@code tAnswered.count} and {@code tAbandon.count}; answeredWithinSl = answered − nOverSla. A
 * metric that is absent is zero ("no data returned"), and so is abandoned within SL, which Genesys does not report.
 */
public final class AggregateComponents {

    private AggregateComponents() {
    }

    public static IntervalComponents of(List<Analytics.MetricValue> metrics) {
        Map<String, Analytics.Stats> byName = metrics == null ? Map.of() : metrics.stream()
                .filter(m -> m.metric() != null && m.stats() != null && m.qualifier() == null)
                .collect(Collectors.toMap(Analytics.MetricValue::metric, Function.identity(), (a, b) -> a))
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().stats()));
        long answered = count(byName, "tAnswered");
        IntervalComponents.Builder b = IntervalComponents.builder();
        for (QueueMetric m : QueueMetric.components()) {
            m.genesysStat().ifPresent(g -> b.set(m, g.sum() ? sum(byName, g.metric()) : count(byName, g.metric())));
        }
        return b.answeredWithinSl(Math.max(0, answered - count(byName, Analytics.OVER_SLA))).build();
    }

    private static long sum(Map<String, Analytics.Stats> m, String name) {
        Analytics.Stats s = m.get(name);
        return s == null || s.sum() == null ? 0 : Math.round(s.sum());
    }

    private static long count(Map<String, Analytics.Stats> m, String name) {
        Analytics.Stats s = m.get(name);
        return s == null || s.count() == null ? 0 : s.count();
    }
}
