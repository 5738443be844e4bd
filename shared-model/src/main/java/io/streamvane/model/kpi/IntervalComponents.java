package io.streamvane.model.kpi;

import java.util.Collection;
import java.util.List;

/**
 * The additive components of one interval row (SPEC §2). Only these are stored: coarser granularities and
 * corrections are sums and differences of them, and every ratio is derived from them by {@link DerivedKpis}.
 * Values may be negative while they travel as a delta (a retraction); a stored row never is. The components are the
 * stored entries of the {@link QueueMetric} catalogue, in its order, so code that stores, reads or sums them walks
 * the catalogue instead of listing them.
 */
public record IntervalComponents(
        long offered,
        long answered,
        long answeredWithinSl,
        long abandoned,
        long shortAbandoned,
        long flowOuts,
        long answerWaitMs,
        long abandonWaitMs,
        long handled,
        long handleMs,
        long talkMs,
        long holdMs,
        long acwMs,
        long abandonedWithinSl,
        long shortAbandonWaitMs,
        long flowOutWaitMs,
        long held,
        long wrappedUp,
        long alerts,
        long alertMs,
        long notResponding,
        long notRespondingMs,
        long transferred,
        long blindTransferred,
        long consultTransferred,
        long dialingMs,
        long contactingMs) {

    public static final IntervalComponents ZERO = of(new long[QueueMetric.components().size()]);

    /** Reads one component's value, e.g. from a result set column named {@link QueueMetric#column()}. */
    @FunctionalInterface
    public interface Source<E extends Exception> {
        long get(QueueMetric component) throws E;
    }

    /** The components a source gives for each stored metric of the catalogue. */
    public static <E extends Exception> IntervalComponents read(Source<E> source) throws E {
        List<QueueMetric> components = QueueMetric.components();
        long[] v = new long[components.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = source.get(components.get(i));
        }
        return of(v);
    }

    /** The components in catalogue order (the one place that relies on it). */
    static IntervalComponents of(long[] v) {
        return new IntervalComponents(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11],
                v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20], v[21], v[22], v[23], v[24], v[25],
                v[26]);
    }

    /** One stored component's value; a derived metric is not a component and is refused. */
    public long get(QueueMetric component) {
        if (!component.stored()) {
            throw new IllegalArgumentException(component + " is derived, not a stored component");
        }
        return component.componentOf(this);
    }

    /** The values in catalogue order, for writers that bind them positionally. */
    public long[] toArray() {
        List<QueueMetric> components = QueueMetric.components();
        long[] v = new long[components.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = components.get(i).componentOf(this);
        }
        return v;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sums exactly; overflow throws rather than wrapping into a plausible-looking wrong figure. */
    public IntervalComponents plus(IntervalComponents o) {
        long[] a = toArray();
        long[] b = o.toArray();
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.addExact(a[i], b[i]);
        }
        return of(a);
    }

    public IntervalComponents minus(IntervalComponents o) {
        return plus(o.negate());
    }

    public IntervalComponents negate() {
        long[] a = toArray();
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.negateExact(a[i]);
        }
        return of(a);
    }

    public boolean isZero() {
        return equals(ZERO);
    }

    public static IntervalComponents sum(Collection<IntervalComponents> parts) {
        return parts.stream().reduce(ZERO, IntervalComponents::plus);
    }

    /** Names each component, because two dozen positional longs invite swapped arguments. */
    public static final class Builder {
        private final long[] values = new long[QueueMetric.components().size()];

        private Builder() {
        }

        /** Sets a stored component of the catalogue. */
        public Builder set(QueueMetric component, long v) {
            values[component.componentIndex()] = v;
            return this;
        }

        public Builder offered(long v) {
            return set(QueueMetric.OFFERED, v);
        }

        public Builder answered(long v) {
            return set(QueueMetric.ANSWERED, v);
        }

        public Builder answeredWithinSl(long v) {
            return set(QueueMetric.ANSWERED_WITHIN_SL, v);
        }

        public Builder abandoned(long v) {
            return set(QueueMetric.ABANDONED, v);
        }

        public Builder shortAbandoned(long v) {
            return set(QueueMetric.SHORT_ABANDONED, v);
        }

        public Builder flowOuts(long v) {
            return set(QueueMetric.FLOW_OUTS, v);
        }

        public Builder answerWaitMs(long v) {
            return set(QueueMetric.ANSWER_WAIT_MS, v);
        }

        public Builder abandonWaitMs(long v) {
            return set(QueueMetric.ABANDON_WAIT_MS, v);
        }

        public Builder handled(long v) {
            return set(QueueMetric.HANDLED, v);
        }

        public Builder handleMs(long v) {
            return set(QueueMetric.HANDLE_MS, v);
        }

        public Builder talkMs(long v) {
            return set(QueueMetric.TALK_MS, v);
        }

        public Builder holdMs(long v) {
            return set(QueueMetric.HOLD_MS, v);
        }

        public Builder acwMs(long v) {
            return set(QueueMetric.ACW_MS, v);
        }

        public IntervalComponents build() {
            return of(values.clone());
        }
    }
}
