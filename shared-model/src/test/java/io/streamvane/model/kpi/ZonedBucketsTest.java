package io.streamvane.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.junit.jupiter.api.Test;

/** Local periods in the zones the acceptance names, DST days included; the rules are the JDK's tz data. */
class ZonedBucketsTest {

    static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    /**
     * Chatham's clocks go back from 03:45 (+13:45) to 02:45 (+12:45), in the middle of a local half hour, so the half
     * hour before the change ends at it, and the repeated 02:45-03:00 is a bucket of its own (found by the property
     * test; the buckets had overlapped).
     */
    @Test
    void aChangeInTheMiddleOfALocalHalfHourEndsOneBucketAndStartsTheNext() {
        ZonedBuckets halfHours = ZonedBuckets.of(Granularity.PT30M, ZoneId.of("Pacific/Chatham"));
        Instant change = Instant.parse("2021-04-03T14:00:00Z");
        assertThat(halfHours.startingIn(change.minusSeconds(900), change.plusSeconds(2700), 10)).containsExactly(
                new Interval(change.minusSeconds(900), change),
                new Interval(change, change.plusSeconds(900)),
                new Interval(change.plusSeconds(900), change.plusSeconds(2700)));
        assertThat(halfHours.bucket(change.minusNanos(1))).isEqualTo(new Interval(change.minusSeconds(900), change));
    }

    @Test
    void aSydneyDayStartsAtLocalMidnightWhichIsTheUtcAfternoonBefore() {
        ZonedBuckets days = ZonedBuckets.of(Granularity.P1D, SYDNEY);
        // 2026-12-03 is summer time there (+11:00).
        Interval day = days.bucket(Instant.parse("2026-12-03T09:00:00Z"));
        assertThat(day.start()).isEqualTo(Instant.parse("2026-12-02T13:00:00Z"));
        assertThat(day.duration()).isEqualTo(Duration.ofHours(24));
        // In July it is standard time (+10:00).
        assertThat(days.start(Instant.parse("2026-07-01T09:00:00Z"))).isEqualTo(Instant.parse("2026-06-30T14:00:00Z"));
    }

    @Test
    void newYorksFallBackDayLasts25HoursIn25HourlyBuckets() {
        Interval day = ZonedBuckets.of(Granularity.P1D, NEW_YORK).bucket(Instant.parse("2026-11-01T12:00:00Z"));
        assertThat(day).isEqualTo(new Interval(Instant.parse("2026-11-01T04:00:00Z"),
                Instant.parse("2026-11-02T05:00:00Z")));
        List<Interval> hours = ZonedBuckets.of(Granularity.PT1H, NEW_YORK).startingIn(day.start(), day.end(), 100);
        assertThat(hours).hasSize(25).allSatisfy(h -> assertThat(h.duration()).isEqualTo(Duration.ofHours(1)));
        // 01:00 happens twice: once at -04:00 (05:00Z), once at -05:00 (06:00Z), two buckets.
        assertThat(hours.get(1).start()).isEqualTo(Instant.parse("2026-11-01T05:00:00Z"));
        assertThat(hours.get(2).start()).isEqualTo(Instant.parse("2026-11-01T06:00:00Z"));
    }

    @Test
    void newYorksSpringForwardDayLasts23HoursIn23HourlyBuckets() {
        Interval day = ZonedBuckets.of(Granularity.P1D, NEW_YORK).bucket(Instant.parse("2026-03-08T12:00:00Z"));
        assertThat(day).isEqualTo(new Interval(Instant.parse("2026-03-08T05:00:00Z"),
                Instant.parse("2026-03-09T04:00:00Z")));
        List<Interval> hours = ZonedBuckets.of(Granularity.PT1H, NEW_YORK).startingIn(day.start(), day.end(), 100);
        assertThat(hours).hasSize(23);
        // 01:00 EST is followed by 03:00 EDT: 02:00 does not exist.
        assertThat(hours.get(1).end()).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
        assertThat(ZonedBuckets.of(Granularity.PT15M, NEW_YORK).startingIn(day.start(), day.end(), 200)).hasSize(92);
    }

    @Test
    void kolkataHoursStartAtHalfPastTheUtcHour() {
        ZonedBuckets hours = ZonedBuckets.of(Granularity.PT1H, KOLKATA);
        assertThat(hours.bucket(Instant.parse("2026-12-03T10:10:00Z"))).isEqualTo(new Interval(
                Instant.parse("2026-12-03T09:30:00Z"), Instant.parse("2026-12-03T10:30:00Z")));
        assertThat(ZonedBuckets.of(Granularity.P1D, KOLKATA).start(Instant.parse("2026-12-03T10:10:00Z")))
                .isEqualTo(Instant.parse("2026-12-02T18:30:00Z"));
        assertThat(ZonedBuckets.isAligned(KOLKATA, Granularity.PT15M)).isTrue();
        assertThat(ZonedBuckets.isAligned(KOLKATA, Granularity.PT30M)).isTrue();
        assertThat(ZonedBuckets.isAligned(KOLKATA, Granularity.PT1H)).isFalse();
    }

    @Test
    void alignmentFollowsTheOffsetsAZoneUses() {
        assertThat(ZonedBuckets.isAligned(ZoneOffset.UTC, Granularity.P1D)).isTrue();
        assertThat(ZonedBuckets.isAligned(NEW_YORK, Granularity.PT1H)).isTrue();
        assertThat(ZonedBuckets.isAligned(NEW_YORK, Granularity.P1D)).isFalse();
        assertThat(ZonedBuckets.isAligned(ZoneId.of("Asia/Kathmandu"), Granularity.PT15M)).isTrue();
        assertThat(ZonedBuckets.isAligned(ZoneId.of("Asia/Kathmandu"), Granularity.PT30M)).isFalse();
        // Lord Howe moves its clock by 30 minutes.
        assertThat(ZonedBuckets.isAligned(ZoneId.of("Australia/Lord_Howe"), Granularity.PT30M)).isTrue();
        assertThat(ZonedBuckets.isAligned(ZoneId.of("Australia/Lord_Howe"), Granularity.PT1H)).isFalse();
    }

    @Test
    void lordHowesHalfHourChangesStillPartitionTime() {
        ZoneId lordHowe = ZoneId.of("Australia/Lord_Howe");
        // 2026-10-04 02:00 +10:30 becomes 02:30 +11:00 (15:30Z the day before).
        List<Interval> hours = ZonedBuckets.of(Granularity.PT1H, lordHowe).startingIn(
                Instant.parse("2026-10-03T13:30:00Z"), Instant.parse("2026-10-03T18:00:00Z"), 10);
        assertThat(hours).extracting(Interval::start).containsExactly(Instant.parse("2026-10-03T13:30:00Z"),
                Instant.parse("2026-10-03T14:30:00Z"), Instant.parse("2026-10-03T15:30:00Z"),
                Instant.parse("2026-10-03T16:00:00Z"), Instant.parse("2026-10-03T17:00:00Z"));
        // The local hour 02:00 starts at the change, so it lasts 30 minutes.
        assertThat(hours.get(2).duration()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void weeksStartOnLocalMondayAndMonthsOnTheLocalFirst() {
        Instant t = Instant.parse("2026-11-01T02:00:00Z"); // Sunday 1 Nov 13:00 in Sydney
        Interval week = ZonedBuckets.of(Granularity.P7D, SYDNEY).bucket(t);
        assertThat(week.start()).isEqualTo(Instant.parse("2026-10-25T13:00:00Z")); // Monday 26 Oct, 00:00 +11:00
        assertThat(week.duration()).isEqualTo(Duration.ofDays(7));
        Interval month = ZonedBuckets.of(Granularity.P1M, NEW_YORK).bucket(Instant.parse("2026-03-15T12:00:00Z"));
        // March in New York: 1 March 00:00 EST to 1 April 00:00 EDT, one hour short of 31 days.
        assertThat(month).isEqualTo(new Interval(Instant.parse("2026-03-01T05:00:00Z"),
                Instant.parse("2026-04-01T04:00:00Z")));
    }

    @Test
    void localDaysAreExactSumsOfTheUtcBaseBuckets() {
        // One stored base row per quarter hour over three local days, each a distinct count: every local day must
        // hold exactly the rows whose start it contains, however long the day.
        ZonedBuckets days = ZonedBuckets.of(Granularity.P1D, NEW_YORK);
        Instant from = days.start(Instant.parse("2026-10-31T12:00:00Z"));
        Instant to = days.end(days.end(days.end(from)));
        Map<Instant, IntervalComponents> base = new HashMap<>();
        long n = 0;
        for (Instant s = from; s.isBefore(to); s = s.plus(Duration.ofMinutes(15))) {
            base.put(s, offered(++n));
        }
        NavigableMap<Instant, IntervalComponents> rolled = Rollup.rollUp(base, Granularity.PT15M, days);
        assertThat(rolled).hasSize(3);
        assertThat(rolled.keySet()).containsExactly(from, days.end(from), days.end(days.end(from)));
        // Saturday 96 rows, Sunday (fall back) 100, Monday 96.
        assertThat(rolled.values()).extracting(IntervalComponents::offered)
                .containsExactly(sum(1, 96), sum(97, 196), sum(197, 292));
    }

    @Test
    void aZoneNotAlignedToTheBaseIsRefusedRatherThanSplitABaseBucket() {
        Map<Instant, IntervalComponents> base = Map.of(Instant.parse("2026-12-03T09:00:00Z"), offered(1));
        assertThatIllegalArgumentException().isThrownBy(() -> Rollup.rollUp(base, Granularity.PT1H,
                ZonedBuckets.of(Granularity.P1D, KOLKATA))).withMessageContaining("inside a base bucket");
    }

    @Test
    void endRefusesATimeThatIsNotABucketStart() {
        assertThatIllegalArgumentException().isThrownBy(() -> ZonedBuckets.of(Granularity.P1D, SYDNEY)
                .end(LocalDate.of(2026, 12, 3).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    static IntervalComponents offered(long n) {
        return IntervalComponents.builder().offered(n).build();
    }

    static long sum(long first, long last) {
        return (first + last) * (last - first + 1) / 2;
    }
}
