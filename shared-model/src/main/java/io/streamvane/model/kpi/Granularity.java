package io.streamvane.model.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The interval lengths Streamvane reports in. Buckets are UTC and half-open, aligned to the epoch, so a day bucket
 * starts at UTC midnight and every coarser granularity is a whole number of finer ones.
 */
public enum Granularity {
    PT15M(Duration.ofMinutes(15)),
    PT30M(Duration.ofMinutes(30)),
    PT1H(Duration.ofHours(1)),
    P1D(Duration.ofDays(1));

    /** The granularity the store keeps when nothing else is configured (SPEC §2). */
    public static final Granularity DEFAULT_BASE = PT15M;

    private final Duration duration;
    private final long seconds;

    Granularity(Duration duration) {
        this.duration = duration;
        this.seconds = duration.getSeconds();
    }

    public Duration duration() {
        return duration;
    }

    /**
     * The start of the bucket holding {@code t}; a time exactly on a boundary starts its own bucket. Flooring on
     * whole seconds is exact because every granularity is a whole number of seconds, and {@code floorDiv} keeps
     * times before the epoch in the right bucket.
     */
    public Instant bucketStart(Instant t) {
        Objects.requireNonNull(t, "t");
        return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), seconds) * seconds);
    }

    /** Whether buckets of this granularity are whole unions of {@code base} buckets, so they can be rolled up. */
    public boolean isMultipleOf(Granularity base) {
        return seconds % base.seconds == 0;
    }

    /**
     * Reads an ISO-8601 duration such as {@code PT15M} or {@code P1D} (case-insensitive). Equal spellings of the
     * same length ({@code PT60M}, {@code PT24H}) are accepted, because a client means the length, not the text.
     *
     * @throws IllegalArgumentException for text that is not a duration or a length Streamvane does not report in
     */
    public static Granularity parse(String iso) {
        Objects.requireNonNull(iso, "iso");
        Duration wanted;
        try {
            wanted = Duration.parse(iso.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 duration: '" + iso + "'", e);
        }
        return Arrays.stream(values())
                .filter(g -> g.duration.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unsupported granularity '" + iso + "'; expected one of " + Arrays.toString(values())));
    }
}
