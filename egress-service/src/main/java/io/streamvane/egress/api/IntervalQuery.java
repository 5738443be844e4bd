package io.streamvane.egress.api;

import io.streamvane.model.kpi.MediaTypes;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A validated interval request: half-open {@code [from, to)} no longer than {@link #maxSpan}, a reporting
 * granularity (a whole multiple of the stored base, the base itself when absent), an optional media type and a page
 * size in rows. Bad input is an {@link InvalidQueryException},
 * answered 400. A page is built from its own buckets only, so one request's work is bounded by {@code limit}, never by
 * the length of the range.
 */
record IntervalQuery(Instant from, Instant to, Granularity granularity, String mediaType, int limit) {

    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 10_000;
    /**
     * Longest range per request at a sub-daily granularity: 400 days holds a full year of intervals with a month on
     * either side (year-on-year, last 13 months), the most history a WFM forecast or a Power BI refresh asks at once.
     */
    static final Duration MAX_SPAN_INTRADAY = Duration.ofDays(400);
    /** Longest range per request at P1D: ten years of daily rows (3,660 per media type), beyond any daily trend. */
    static final Duration MAX_SPAN_DAILY = Duration.ofDays(3_660);

    static IntervalQuery of(Instant from, Instant to, String granularity, String mediaType, Integer limit,
            Granularity base) {
        if (!from.isBefore(to)) {
            throw new InvalidQueryException(InvalidQueryException.INVALID_RANGE,
                    "from (" + from + ") must be before to (" + to + ")");
        }
        Granularity g;
        try {
            g = granularity == null || granularity.isBlank() ? base : Granularity.parse(granularity);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(InvalidQueryException.INVALID_GRANULARITY, e.getMessage());
        }
        if (!g.isMultipleOf(base)) {
            throw new InvalidQueryException(InvalidQueryException.INVALID_GRANULARITY,
                    "granularity " + g + " is finer than the stored " + base);
        }
        Duration span = Duration.between(from, to);
        if (span.compareTo(maxSpan(g)) > 0) {
            throw new InvalidQueryException(InvalidQueryException.SPAN_TOO_LARGE, "from " + from + " to " + to
                    + " is longer than the " + maxSpan(g).toDays() + " days one request may span at " + g + " ("
                    + MAX_SPAN_INTRADAY.toDays() + " at PT15M, PT30M and PT1H; " + MAX_SPAN_DAILY.toDays()
                    + " at P1D): split the range into several requests");
        }
        int l = limit == null ? DEFAULT_LIMIT : limit;
        if (l < 1 || l > MAX_LIMIT) {
            throw new InvalidQueryException(InvalidQueryException.INVALID_LIMIT,
                    "limit must be between 1 and " + MAX_LIMIT + ": " + l);
        }
        String media = mediaType == null || mediaType.isBlank() ? null : MediaTypes.normalise(mediaType);
        return new IntervalQuery(from, to, g, media, l);
    }

    /** The longest {@code [from, to)} one request may ask for at {@code granularity}. */
    static Duration maxSpan(Granularity granularity) {
        return granularity == Granularity.P1D ? MAX_SPAN_DAILY : MAX_SPAN_INTRADAY;
    }

    /**
     * The buckets of this page for {@code series} parallel series (media types): whole buckets only, so a page never
     * splits one bucket's rows and the next page is simply the same query from the next bucket start. Only the
     * page's buckets and the one after it are built.
     */
    Page page(int series) {
        int perPage = Math.max(1, limit / Math.max(1, series));
        List<Interval> buckets = Interval.bucketsStartingIn(from, to, granularity, perPage + 1);
        if (buckets.size() <= perPage) {
            return new Page(buckets, null);
        }
        return new Page(buckets.subList(0, perPage), buckets.get(perPage).start());
    }

    /** The buckets to return now, and where the next page starts (null on the last page). */
    record Page(List<Interval> buckets, Instant nextFrom) {
    }
}
