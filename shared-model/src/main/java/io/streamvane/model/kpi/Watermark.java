package io.streamvane.model.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The event-time watermark with the allowed lateness <em>already subtracted</em>: {@code value} = max event time
 * seen − allowed lateness. The subtraction happens here, in {@link #advancedTo}, and only here;
 * {@link Finality#isFinal} compares an interval end with {@code value} as is. Never moves backwards, so an interval
 * once final stays final and a late event restates it instead.
 */
public record Watermark(Instant value) {

    /** The allowed lateness of SPEC §2. */
    public static final Duration DEFAULT_ALLOWED_LATENESS = Duration.ofMinutes(5);

    /** Before any event: nothing is final. */
    public static final Watermark NONE = new Watermark(Instant.MIN);

    public Watermark {
        Objects.requireNonNull(value, "value");
    }

    /**
     * This watermark advanced for a newly seen {@code maxEventTime}: max(value, maxEventTime − allowedLateness).
     */
    public Watermark advancedTo(Instant maxEventTime, Duration allowedLateness) {
        Objects.requireNonNull(maxEventTime, "maxEventTime");
        ServiceLevelSettings.requireNonNegative(allowedLateness, "allowedLateness");
        Instant candidate = minusSaturating(maxEventTime, allowedLateness);
        return candidate.isAfter(value) ? new Watermark(candidate) : this;
    }

    public Watermark advancedTo(Instant maxEventTime) {
        return advancedTo(maxEventTime, DEFAULT_ALLOWED_LATENESS);
    }

    // Near Instant.MIN the subtraction would throw; a watermark pinned at MIN means the same: nothing final.
    private static Instant minusSaturating(Instant t, Duration d) {
        return Duration.between(Instant.MIN, t).compareTo(d) <= 0 ? Instant.MIN : t.minus(d);
    }
}
