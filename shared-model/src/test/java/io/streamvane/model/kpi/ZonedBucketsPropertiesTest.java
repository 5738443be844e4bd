package io.streamvane.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * Local buckets partition time in every zone: each instant lies in exactly one bucket, buckets follow each other
 * without gap or overlap, each starts on a base boundary where the zone is aligned to the base, and a day holds 23
 * to 25 hours. Over ten years around now, so every DST change of the zones below is crossed many times.
 */
class ZonedBucketsPropertiesTest {

    private static final long FROM = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("UTC", "Australia/Sydney", "America/New_York", "Asia/Kolkata", "Europe/London",
                "America/Sao_Paulo", "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Chatham", "America/Santiago",
                "Europe/Dublin", "Africa/Casablanca").map(ZoneId::of);
    }

    @Property(tries = 3000)
    void everyInstantLiesInExactlyOneBucketAndBucketsFollowEachOther(
            @ForAll @LongRange(min = 0, max = 10L * 366 * 86_400) long seconds,
            @ForAll("zones") ZoneId zone,
            @ForAll Granularity granularity) {
        ZonedBuckets buckets = ZonedBuckets.of(granularity, zone);
        Instant t = Instant.ofEpochSecond(FROM + seconds);
        Interval bucket = buckets.bucket(t);

        assertThat(bucket.contains(t)).isTrue();
        assertThat(buckets.start(bucket.start())).isEqualTo(bucket.start());
        assertThat(buckets.start(bucket.end().minusNanos(1))).isEqualTo(bucket.start());
        assertThat(buckets.start(bucket.end())).isEqualTo(bucket.end());
        assertThat(buckets.start(bucket.start().minusNanos(1))).isBefore(bucket.start());
    }

    @Property(tries = 2000)
    void whereTheZoneIsAlignedEveryBucketIsAUnionOfBaseBuckets(
            @ForAll @LongRange(min = 0, max = 10L * 366 * 86_400) long seconds,
            @ForAll("zones") ZoneId zone,
            @ForAll Granularity target) {
        for (Granularity base : List.of(Granularity.PT15M, Granularity.PT30M, Granularity.PT1H)) {
            if (!ZonedBuckets.isAligned(zone, base) || !target.isMultipleOf(base)) {
                continue;
            }
            Interval bucket = ZonedBuckets.of(target, zone).bucket(Instant.ofEpochSecond(FROM + seconds));
            assertThat(base.bucketStart(bucket.start())).as("%s %s from %s", zone, target, base)
                    .isEqualTo(bucket.start());
            assertThat(base.bucketStart(bucket.end())).isEqualTo(bucket.end());
        }
    }

    @Property(tries = 1000)
    void aLocalDayLasts23To25Hours(
            @ForAll @LongRange(min = 0, max = 10L * 366 * 86_400) long seconds,
            @ForAll("zones") ZoneId zone) {
        Interval day = ZonedBuckets.of(Granularity.P1D, zone).bucket(Instant.ofEpochSecond(FROM + seconds));
        assertThat(day.duration()).isBetween(Duration.ofHours(23), Duration.ofHours(25));
    }

    @Property(tries = 500)
    void aPageOfBucketsIsTheBucketsFollowedOneByOne(
            @ForAll @LongRange(min = 0, max = 10L * 366 * 86_400) long seconds,
            @ForAll @LongRange(min = 1, max = 40L * 86_400) long spanSeconds,
            @ForAll("zones") ZoneId zone,
            @ForAll Granularity granularity) {
        ZonedBuckets buckets = ZonedBuckets.of(granularity, zone);
        Instant from = Instant.ofEpochSecond(FROM + seconds);
        Instant to = from.plusSeconds(spanSeconds);
        List<Interval> page = buckets.startingIn(from, to, 5000);
        for (int i = 0; i < page.size(); i++) {
            assertThat(page.get(i).start()).isBetween(from, to.minusNanos(1));
            if (i > 0) {
                assertThat(page.get(i).start()).isEqualTo(page.get(i - 1).end());
            }
        }
        Instant firstStart = buckets.start(from);
        Instant expectedFirst = firstStart.isBefore(from) ? buckets.end(firstStart) : firstStart;
        if (expectedFirst.isBefore(to)) {
            assertThat(page).isNotEmpty();
            assertThat(page.get(0).start()).isEqualTo(expectedFirst);
            assertThat(page.get(page.size() - 1).end()).isAfterOrEqualTo(to);
        } else {
            assertThat(page).isEmpty();
        }
    }
}
