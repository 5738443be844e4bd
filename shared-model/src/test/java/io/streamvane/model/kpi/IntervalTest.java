package io.streamvane.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalTest {

    private static final Instant T10_00 = Instant.parse("2025-03-04T10:00:00Z");
    private static final Instant T10_15 = Instant.parse("2025-03-04T10:15:00Z");

    @Test
    void containsItsStartButNotItsEnd() {
        Interval i = new Interval(T10_00, T10_15);
        assertThat(i.contains(T10_00)).isTrue();
        assertThat(i.contains(T10_15.minusMillis(1))).isTrue();
        assertThat(i.contains(T10_15)).isFalse();
        assertThat(i.contains(T10_00.minusMillis(1))).isFalse();
    }

    @Test
    void eventOnBoundaryBelongsToTheBucketStartingThere() {
        assertThat(Interval.of(T10_15, Granularity.PT15M)).isEqualTo(new Interval(T10_15, T10_15.plusSeconds(900)));
    }

    @Test
    void rejectsEmptyOrReversedInterval() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Interval(T10_00, T10_00));
        assertThatIllegalArgumentException().isThrownBy(() -> new Interval(T10_15, T10_00));
    }

    @Test
    void zeroFillListsEveryBucketOfAHalfOpenRange() {
        assertThat(Interval.bucketsStartingIn(T10_00, Instant.parse("2025-03-04T11:00:00Z"), Granularity.PT15M, 100))
                .extracting(Interval::start)
                .containsExactly(T10_00, T10_15, Instant.parse("2025-03-04T10:30:00Z"),
                        Instant.parse("2025-03-04T10:45:00Z"));
    }

    @Test
    void zeroFillSkipsTheBucketThatStartsBeforeAnUnalignedFrom() {
        assertThat(Interval.bucketsStartingIn(T10_00.plusSeconds(60), Instant.parse("2025-03-04T10:31:00Z"),
                Granularity.PT15M, 100))
                .extracting(Interval::start)
                .containsExactly(T10_15, Instant.parse("2025-03-04T10:30:00Z"));
    }

    @Test
    void zeroFillOfAnEmptyRangeIsEmpty() {
        assertThat(Interval.bucketsStartingIn(T10_15, T10_15, Granularity.PT15M, 100)).isEmpty();
        assertThat(Interval.bucketsStartingIn(T10_15, T10_00, Granularity.PT15M, 100)).isEmpty();
    }

    @Test
    void aPageOfAThousandYearRangeBuildsOnlyItsOwnBuckets() {
        Instant to = T10_00.plus(Duration.ofDays(365_250));

        List<Interval> page = Interval.bucketsStartingIn(T10_00, to, Granularity.PT15M, 3);

        assertThat(page).extracting(Interval::start)
                .containsExactly(T10_00, T10_15, Instant.parse("2025-03-04T10:30:00Z"));
        assertThat(Interval.countStartingIn(T10_00, to, Granularity.PT15M)).isEqualTo(365_250L * 96);
    }

    @Test
    void theCountIncludesAPartialLastBucketAndNothingBeforeAnUnalignedFrom() {
        assertThat(Interval.countStartingIn(T10_00, T10_15.plusNanos(1), Granularity.PT15M)).isEqualTo(2);
        assertThat(Interval.countStartingIn(T10_00.plusNanos(1), T10_15, Granularity.PT15M)).isZero();
        assertThat(Interval.countStartingIn(T10_15, T10_00, Granularity.PT15M)).isZero();
    }
}
