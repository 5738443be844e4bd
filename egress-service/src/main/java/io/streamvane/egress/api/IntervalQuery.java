package io.streamvane.egress.api;

import io.streamvane.model.kpi.MediaTypes;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.QueueTimeZones;
import io.streamvane.model.kpi.ZonedBuckets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A validated interval request: half-open {@code [from, to)} no longer than {@link #maxSpan}, a reporting
 * granularity (a whole multiple of the stored base, the base itself when absent), an optional IANA time zone whose
 * local periods the rows are (the queue's site zone when absent, as Genesys' {@code timeZone}), an optional media type
 * and a page size in rows. Bad input is an {@link InvalidQueryException}, answered 400. A page is built from its own
 * buckets only, so one request's work is bounded by {@code limit}, never by the length of the range.
 *
 * @param timeZone null for the queue's own zone
 */
record IntervalQuery(Instant from, Instant to, Granularity granularity, ZoneId timeZone, String mediaType,
        int limit) {

    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 10_000;
    /**
     * Longest range per request at a sub-daily granularity: 400 days holds a full year of intervals with a month on
     * either side (year-on-year, last 13 months), the most history a WFM forecast or a Power BI refresh asks at once.
     */
    static final Duration MAX_SPAN_INTRADAY = Duration.ofDays(400);
    /** Longest range per request at P1D and coarser: ten years of daily rows (3,660 per media type). */
    static final Duration MAX_SPAN_DAILY = Duration.ofDays(3_660);

    static IntervalQuery of(Instant from, Instant to, String granularity, String timeZone, String mediaType,
            Integer limit, Granularity base) {
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
                    + " at P1D, P7D and P1M): split the range into several requests");
        }
        int l = limit == null ? DEFAULT_LIMIT : limit;
        if (l < 1 || l > MAX_LIMIT) {
            throw new InvalidQueryException(InvalidQueryException.INVALID_LIMIT,
                    "limit must be between 1 and " + MAX_LIMIT + ": " + l);
        }
        String media = mediaType == null || mediaType.isBlank() ? null : MediaTypes.normalise(mediaType);
        return new IntervalQuery(from, to, g, zone(timeZone, base), media, l);
    }

    private static ZoneId zone(String timeZone, Granularity base) {
        if (timeZone == null || timeZone.isBlank()) {
            return null;
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone.trim());
            new QueueTimeZones(zone, Map.of()); // an IANA name, not a bare offset
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new InvalidQueryException(InvalidQueryException.INVALID_TIME_ZONE,
                    "timeZone must be an IANA time zone name such as Europe/London or Asia/Kolkata");
        }
        if (!ZonedBuckets.isAligned(zone, base)) {
            throw new InvalidQueryException(InvalidQueryException.INVALID_TIME_ZONE, "the offsets of " + zone
                    + " are not whole " + base + " buckets, so its local periods are not sums of the stored buckets");
        }
        return zone;
    }

    /** The buckets of this query: in its own time zone if it names one, else in {@code queueZone}. */
    ZonedBuckets calendar(ZoneId queueZone) {
        return ZonedBuckets.of(granularity, timeZone != null ? timeZone : queueZone);
    }

    /** The longest {@code [from, to)} one request may ask for at {@code granularity}. */
    static Duration maxSpan(Granularity granularity) {
        return granularity.canBeBase() && granularity != Granularity.P1D ? MAX_SPAN_INTRADAY : MAX_SPAN_DAILY;
    }

    /**
     * The buckets of this page for {@code series} parallel series (media types): whole buckets only, so a page never
     * splits one bucket's rows and the next page is simply the same query from the next bucket start. Only the
     * page's buckets and the one after it are built.
     */
    Page page(int series, ZonedBuckets calendar) {
        int perPage = Math.max(1, limit / Math.max(1, series));
        List<Interval> buckets = calendar.startingIn(from, to, perPage + 1);
        if (buckets.size() <= perPage) {
            return new Page(buckets, null);
        }
        return new Page(buckets.subList(0, perPage), buckets.get(perPage).start());
    }

    /** The buckets to return now, and where the next page starts (null on the last page). */
    record Page(List<Interval> buckets, Instant nextFrom) {
    }
}
