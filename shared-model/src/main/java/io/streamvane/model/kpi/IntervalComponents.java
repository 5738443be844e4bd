package io.streamvane.model.kpi;

import java.util.Collection;

/**
 * The additive components of one interval row (SPEC §2). Only these are stored: coarser granularities and
 * corrections are sums and differences of them, and every ratio is derived from them by {@link DerivedKpis}.
 * Values may be negative while they travel as a delta (a retraction); a stored row never is.
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
        long acwMs) {

    public static final IntervalComponents ZERO = new IntervalComponents(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static Builder builder() {
        return new Builder();
    }

    /** Sums exactly; overflow throws rather than wrapping into a plausible-looking wrong figure. */
    public IntervalComponents plus(IntervalComponents o) {
        return new IntervalComponents(
                Math.addExact(offered, o.offered),
                Math.addExact(answered, o.answered),
                Math.addExact(answeredWithinSl, o.answeredWithinSl),
                Math.addExact(abandoned, o.abandoned),
                Math.addExact(shortAbandoned, o.shortAbandoned),
                Math.addExact(flowOuts, o.flowOuts),
                Math.addExact(answerWaitMs, o.answerWaitMs),
                Math.addExact(abandonWaitMs, o.abandonWaitMs),
                Math.addExact(handled, o.handled),
                Math.addExact(handleMs, o.handleMs),
                Math.addExact(talkMs, o.talkMs),
                Math.addExact(holdMs, o.holdMs),
                Math.addExact(acwMs, o.acwMs));
    }

    public IntervalComponents minus(IntervalComponents o) {
        return plus(o.negate());
    }

    public IntervalComponents negate() {
        return new IntervalComponents(
                Math.negateExact(offered),
                Math.negateExact(answered),
                Math.negateExact(answeredWithinSl),
                Math.negateExact(abandoned),
                Math.negateExact(shortAbandoned),
                Math.negateExact(flowOuts),
                Math.negateExact(answerWaitMs),
                Math.negateExact(abandonWaitMs),
                Math.negateExact(handled),
                Math.negateExact(handleMs),
                Math.negateExact(talkMs),
                Math.negateExact(holdMs),
                Math.negateExact(acwMs));
    }

    public boolean isZero() {
        return equals(ZERO);
    }

    public static IntervalComponents sum(Collection<IntervalComponents> parts) {
        return parts.stream().reduce(ZERO, IntervalComponents::plus);
    }

    /** Names each component, because thirteen positional longs invite swapped arguments. */
    public static final class Builder {
        private long offered;
        private long answered;
        private long answeredWithinSl;
        private long abandoned;
        private long shortAbandoned;
        private long flowOuts;
        private long answerWaitMs;
        private long abandonWaitMs;
        private long handled;
        private long handleMs;
        private long talkMs;
        private long holdMs;
        private long acwMs;

        private Builder() {
        }

        public Builder offered(long v) {
            offered = v;
            return this;
        }

        public Builder answered(long v) {
            answered = v;
            return this;
        }

        public Builder answeredWithinSl(long v) {
            answeredWithinSl = v;
            return this;
        }

        public Builder abandoned(long v) {
            abandoned = v;
            return this;
        }

        public Builder shortAbandoned(long v) {
            shortAbandoned = v;
            return this;
        }

        public Builder flowOuts(long v) {
            flowOuts = v;
            return this;
        }

        public Builder answerWaitMs(long v) {
            answerWaitMs = v;
            return this;
        }

        public Builder abandonWaitMs(long v) {
            abandonWaitMs = v;
            return this;
        }

        public Builder handled(long v) {
            handled = v;
            return this;
        }

        public Builder handleMs(long v) {
            handleMs = v;
            return this;
        }

        public Builder talkMs(long v) {
            talkMs = v;
            return this;
        }

        public Builder holdMs(long v) {
            holdMs = v;
            return this;
        }

        public Builder acwMs(long v) {
            acwMs = v;
            return this;
        }

        public IntervalComponents build() {
            return new IntervalComponents(offered, answered, answeredWithinSl, abandoned, shortAbandoned, flowOuts,
                    answerWaitMs, abandonWaitMs, handled, handleMs, talkMs, holdMs, acwMs);
        }
    }
}
