package io.streamvane.scheduler.reconcile;

import io.streamvane.model.kpi.IntervalComponents;
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

    /** The components that §4 of interfaces.md says Genesys can confirm; nOverSla compares answered − within SL. */
    public static final List<Metric> METRICS = List.of(
            new Metric("nOffered", IntervalComponents::offered),
            new Metric("tAnswered.count", IntervalComponents::answered),
            new Metric("tAnswered.sum", IntervalComponents::answerWaitMs),
            new Metric("nOverSla", c -> c.answered() - c.answeredWithinSl()),
            new Metric("tAbandon.count", IntervalComponents::abandoned),
            new Metric("tAbandon.sum", IntervalComponents::abandonWaitMs),
            new Metric("tShortAbandon.count", IntervalComponents::shortAbandoned),
            new Metric("tFlowOut.count", IntervalComponents::flowOuts),
            new Metric("tHandle.count", IntervalComponents::handled),
            new Metric("tHandle.sum", IntervalComponents::handleMs),
            new Metric("tTalk.sum", IntervalComponents::talkMs),
            new Metric("tHeld.sum", IntervalComponents::holdMs),
            new Metric("tAcw.sum", IntervalComponents::acwMs));

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
