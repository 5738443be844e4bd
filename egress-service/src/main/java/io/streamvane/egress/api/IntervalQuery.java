package io.streamvane.egress.api;

import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import java.time.Instant;
import java.util.List;

/**
 * A validated interval request: half-open {@code [from, to)}, a reporting granularity, an optional media type and a
 * page size in rows. Bad input is an {@link InvalidQueryException}, answered 400.
 */
record IntervalQuery(Instant from, Instant to, Granularity granularity, String mediaType, int limit) {

    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 10_000;

    static IntervalQuery of(Instant from, Instant to, String granularity, String mediaType, Integer limit) {
        if (!from.isBefore(to)) {
            throw new InvalidQueryException("from (" + from + ") must be before to (" + to + ")");
        }
        Granularity g;
        try {
            g = granularity == null || granularity.isBlank() ? Granularity.DEFAULT_BASE : Granularity.parse(granularity);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException(e.getMessage());
        }
        if (!g.isMultipleOf(Granularity.DEFAULT_BASE)) {
            throw new InvalidQueryException("granularity " + g + " is finer than the stored " + Granularity.DEFAULT_BASE);
        }
        int l = limit == null ? DEFAULT_LIMIT : limit;
        if (l < 1 || l > MAX_LIMIT) {
            throw new InvalidQueryException("limit must be between 1 and " + MAX_LIMIT + ": " + l);
        }
        String media = mediaType == null || mediaType.isBlank()
                ? null : io.streamvane.model.kpi.QueueMedia.normaliseMediaType(mediaType);
        return new IntervalQuery(from, to, g, media, l);
    }

    List<Interval> buckets() {
        return Interval.bucketsStartingIn(from, to, granularity);
    }

    /**
     * The buckets of this page for {@code series} parallel series (media types): whole buckets only, so a page never
     * splits one bucket's rows and the next page is simply the same query from the next bucket start.
     */
    Page page(int series) {
        List<Interval> all = buckets();
        int perPage = Math.max(1, limit / Math.max(1, series));
        if (all.size() <= perPage) {
            return new Page(all, null);
        }
        return new Page(all.subList(0, perPage), all.get(perPage).start());
    }

    /** The buckets to return now, and where the next page starts (null on the last page). */
    record Page(List<Interval> buckets, Instant nextFrom) {
    }
}
