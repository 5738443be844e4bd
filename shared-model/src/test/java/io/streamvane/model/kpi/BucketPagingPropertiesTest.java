package io.streamvane.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The bounded {@link Interval#bucketsStartingIn} against the eager list it replaced (every bucket of the range, then
 * cut to the page): over small random ranges, aligned or not, the page and the count are the same.
 */
class BucketPagingPropertiesTest {

    private static final long EPOCH_2025 = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();

    @Property(tries = 2000)
    void aBoundedPageIsTheSameAsTheEagerListCutToThePage(
            @ForAll @LongRange(min = -86_400L * 40, max = 86_400L * 40) long fromOffsetSeconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int fromNanos,
            @ForAll @LongRange(min = -3_600, max = 86_400L * 20) long spanSeconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int spanNanos,
            @ForAll Granularity granularity,
            @ForAll @IntRange(min = 0, max = 3_000) int max,
            @ForAll boolean alignFrom,
            @ForAll boolean alignTo) {
        Assume.that(granularity != Granularity.P1M); // the eager list below steps by a fixed length
        Instant from = Instant.ofEpochSecond(EPOCH_2025 + fromOffsetSeconds, fromNanos % 2 == 0 ? 0 : fromNanos);
        Instant to = from.plus(Duration.ofSeconds(spanSeconds, spanNanos % 3 == 0 ? 0 : spanNanos));
        from = alignFrom ? granularity.bucketStart(from) : from;
        to = alignTo ? granularity.bucketStart(to) : to;
        List<Interval> eager = eagerBucketsStartingIn(from, to, granularity);

        assertThat(Interval.bucketsStartingIn(from, to, granularity, max))
                .isEqualTo(eager.subList(0, Math.min(max, eager.size())));
        assertThat(Interval.countStartingIn(from, to, granularity)).isEqualTo(eager.size());
    }

    /** The implementation before bounded paging, kept as the reference model. */
    private static List<Interval> eagerBucketsStartingIn(Instant from, Instant to, Granularity granularity) {
        List<Interval> buckets = new ArrayList<>();
        Instant start = granularity.bucketStart(from);
        if (start.isBefore(from)) {
            start = start.plus(granularity.duration());
        }
        for (; start.isBefore(to); start = start.plus(granularity.duration())) {
            buckets.add(new Interval(start, start.plus(granularity.duration())));
        }
        return buckets;
    }
}
