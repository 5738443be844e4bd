package io.streamvane.scheduler.genesys;

import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.QueueMetric;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stored component as Genesys' conversation aggregates report it: the metric and the stat ({@code count} or
 * {@code sum}), read from the catalogue's {@link QueueMetric#genesys()} name, so the query, the mapping of its
 * answer and the reconciliation all follow the one catalogue. Components without a plain Genesys metric (answered
 * within SL is answered − nOverSla; abandoned within SL has none) are handled by their callers.
 *
 * @param component the stored component
 * @param metric    the Genesys metric name, e.g. {@code tAlert}
 * @param sum       whether the component is the metric's {@code stats.sum} (else {@code stats.count})
 */
public record GenesysMetric(QueueMetric component, String metric, boolean sum) {

    private static final Pattern NAME = Pattern.compile("([nt][A-Z][A-Za-z]*)(?:\\.(count|sum))?");

    /** Genesys' nOverSla: answered after the SL threshold, the complement of answered within SL. */
    public static final String OVER_SLA = "nOverSla";

    /** Every stored component Genesys reports under a metric of its own, in catalogue order. */
    public static final List<GenesysMetric> ALL = all();

    /** The metrics a conversation aggregate query asks for: each metric once, and nOverSla. */
    public static final List<String> QUERY = query();

    /** The component's value in a bucket's stats. */
    public long valueIn(Analytics.Stats stats) {
        if (stats == null) {
            return 0;
        }
        if (sum) {
            return stats.sum() == null ? 0 : Math.round(stats.sum());
        }
        return stats.count() == null ? 0 : stats.count();
    }

    /** The name a drift is reported under, e.g. {@code tAlert.sum} or {@code nTransferred}. */
    public String statName() {
        return component.genesys();
    }

    public long of(IntervalComponents c) {
        return c.get(component);
    }

    static Optional<GenesysMetric> of(QueueMetric component) {
        Matcher m = NAME.matcher(component.genesys());
        if (!component.stored() || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new GenesysMetric(component, m.group(1), "sum".equals(m.group(2))));
    }

    private static List<GenesysMetric> all() {
        List<GenesysMetric> all = new ArrayList<>();
        for (QueueMetric c : QueueMetric.components()) {
            of(c).ifPresent(all::add);
        }
        return List.copyOf(all);
    }

    private static List<String> query() {
        Set<String> names = new LinkedHashSet<>();
        ALL.forEach(g -> names.add(g.metric()));
        names.add(OVER_SLA);
        return List.copyOf(names);
    }
}
