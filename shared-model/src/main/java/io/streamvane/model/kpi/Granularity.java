package io.streamvane.model.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The interval lengths Streamvane reports in. The store keeps buckets of one base granularity (a length that divides
 * a day: {@link #canBeBase()}), UTC, half-open and aligned to the epoch; every coarser granularity is reported as sums
 * of them, on the local clock of a time zone through {@link ZonedBuckets}. Weeks are ISO weeks (from Monday) and
 * months calendar months, so neither has a fixed length in every zone; {@link #bucketStart} is the UTC bucket.
 */
public enum Granularity {
    PT15M(Duration.ofMinutes(15)),
    PT30M(Duration.ofMinutes(30)),
    PT1H(Duration.ofHours(1)),
    P1D(Duration.ofDays(1)),
    P7D(Duration.ofDays(7)),
    /** A calendar month: 28 to 31 days, so without a {@link #duration()}. */
    P1M(null);

    /** The granularity the store keeps when nothing else is configured (SPEC §2). */
    public static final Granularity DEFAULT_BASE = PT15M;

    private static final long DAY_SECONDS = Duration.ofDays(1).getSeconds();

    private final Duration duration;
    private final long seconds;

    Granularity(Duration duration) {
        this.duration = duration;
        this.seconds = duration == null ? 0 : duration.getSeconds();
    }

    /**
     * The length of a UTC bucket.
     *
     * @throws IllegalStateException for {@link #P1M}, whose length depends on the month
     */
    public Duration duration() {
        if (duration == null) {
            throw new IllegalStateException(this + " has no fixed length");
        }
        return duration;
    }

    /** Whether the store can keep buckets of this length: it divides a day, so every local day is a sum of them. */
    public boolean canBeBase() {
        return duration != null && seconds <= DAY_SECONDS && DAY_SECONDS % seconds == 0;
    }

    /**
     * The start of the UTC bucket holding {@code t}; a time exactly on a boundary starts its own bucket. For the
     * granularities that can be a base, flooring on whole seconds is exact because each is a whole number of
     * seconds, and {@code floorDiv} keeps times before the epoch in the right bucket.
     */
    public Instant bucketStart(Instant t) {
        Objects.requireNonNull(t, "t");
        if (!canBeBase()) {
            return ZonedBuckets.of(this, ZoneOffset.UTC).start(t);
        }
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), seconds) * seconds);
    }

    /**
     * Whether buckets of this granularity are whole unions of {@code base} buckets in UTC, so they can be rolled up
     * (in another zone also when its offsets are multiples of the base: {@link ZonedBuckets#isAligned}).
     */
    public boolean isMultipleOf(Granularity base) {
        if (!base.canBeBase()) {
            return this == base;
        }
        return duration == null || seconds % base.seconds == 0;
    }

    /**
     * Reads an ISO-8601 duration or period such as {@code PT15M}, {@code P1D}, {@code P1W} or {@code P1M}
     * (case-insensitive). Equal spellings of the same length ({@code PT60M}, {@code PT24H}, {@code P7D}) are
     * accepted, because a client means the length, not the text.
     *
     * @throws IllegalArgumentException for text that is not a duration or a length Streamvane does not report in
     */
    public static Granularity parse(String iso) {
        Objects.requireNonNull(iso, "iso");
        String text = iso.trim().toUpperCase(Locale.ROOT);
        Duration wanted;
        try {
            wanted = Duration.parse(text);
        } catch (DateTimeParseException notDuration) {
            try {
                Period period = Period.parse(text);
                if (period.equals(Period.ofMonths(1))) {
                    return P1M;
                }
                wanted = period.getMonths() == 0 && period.getYears() == 0 ? Duration.ofDays(period.getDays()) : null;
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an ISO-8601 duration: '" + iso + "'", e);
            }
        }
        Duration length = wanted;
        return Arrays.stream(values())
                .filter(g -> g.duration != null && g.duration.equals(length))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unsupported granularity '" + iso + "'; expected one of " + Arrays.toString(values())));
    }
}
