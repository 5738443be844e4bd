package io.streamvane.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
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
        assertThat(Interval.bucketsStartingIn(T10_00, Instant.parse("2025-03-04T11:00:00Z"), Granularity.PT15M))
                .extracting(Interval::start)
                .containsExactly(T10_00, T10_15, Instant.parse("2025-03-04T10:30:00Z"),
                        Instant.parse("2025-03-04T10:45:00Z"));
    }

    @Test
    void zeroFillSkipsTheBucketThatStartsBeforeAnUnalignedFrom() {
        assertThat(Interval.bucketsStartingIn(T10_00.plusSeconds(60), Instant.parse("2025-03-04T10:31:00Z"),
                Granularity.PT15M))
                .extracting(Interval::start)
                .containsExactly(T10_15, Instant.parse("2025-03-04T10:30:00Z"));
    }

    @Test
    void zeroFillOfAnEmptyRangeIsEmpty() {
        assertThat(Interval.bucketsStartingIn(T10_15, T10_15, Granularity.PT15M)).isEmpty();
        assertThat(Interval.bucketsStartingIn(T10_15, T10_00, Granularity.PT15M)).isEmpty();
    }
}
