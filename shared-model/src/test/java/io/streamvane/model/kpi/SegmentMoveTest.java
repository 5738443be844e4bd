package io.streamvane.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SegmentMoveTest {

    private static final Instant T10_14 = Instant.parse("2025-03-04T10:14:00Z");
    private static final Instant T10_14_30 = Instant.parse("2025-03-04T10:14:30Z");
    private static final Instant T10_16 = Instant.parse("2025-03-04T10:16:00Z");
    private static final Granularity BASE = Granularity.PT15M;

    private static final AgentSegment OPEN = AgentSegment.empty("c-1", "p-1").withAttribution("q-1", "voice", "u-1");

    @Test
    void firstCompletionOnlyAdds() {
        AgentSegment after = OPEN.withUserEnd(T10_14, 60_000, 0);
        SegmentMove move = SegmentMove.between(OPEN, after, BASE);
        assertThat(move.retraction()).isNull();
        assertThat(move.deltas()).containsExactly(
                new SegmentDelta("q-1", "voice", "u-1", Interval.of(T10_14, BASE), after.contribution()));
        assertThat(SegmentMove.between(null, after, BASE).deltas()).isEqualTo(move.deltas());
    }

    @Test
    void laterAcwMovesTheWholeContributionToTheNewBucket() {
        AgentSegment before = OPEN.withUserEnd(T10_14, 60_000, 0);
        AgentSegment after = before.withAfterCallWork(T10_16, 30_000);
        assertThat(SegmentMove.between(before, after, BASE).deltas()).containsExactly(
                new SegmentDelta("q-1", "voice", "u-1", Interval.of(T10_14, BASE), before.contribution().negate()),
                new SegmentDelta("q-1", "voice", "u-1", Interval.of(T10_16, BASE), after.contribution()));
    }

    @Test
    void changeWithinOneBucketIsASingleDelta() {
        AgentSegment before = OPEN.withUserEnd(T10_14, 60_000, 0);
        AgentSegment after = before.withAfterCallWork(T10_14_30, 30_000);
        assertThat(SegmentMove.between(before, after, BASE).deltas()).containsExactly(
                new SegmentDelta("q-1", "voice", "u-1", Interval.of(T10_14, BASE),
                        IntervalComponents.builder().acwMs(30_000).handleMs(30_000)
                                .set(QueueMetric.WRAPPED_UP, 1).build()));
    }

    @Test
    void lateEventForAnEarlierTimeLeavesTheCompletionBucket() {
        AgentSegment before = OPEN.withAfterCallWork(T10_16, 30_000);
        AgentSegment after = before.withUserEnd(T10_14, 60_000, 0);
        assertThat(SegmentMove.between(before, after, BASE).deltas())
                .singleElement()
                .satisfies(d -> assertThat(d.interval()).isEqualTo(Interval.of(T10_16, BASE)));
    }

    @Test
    void unansweredAlertMovesNothing() {
        assertThat(SegmentMove.between(OPEN, OPEN.withUserEnd(T10_14, 0, 0), BASE).deltas()).isEmpty();
    }

    @Test
    void segmentsOfDifferentKeysCannotBeCompared() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> SegmentMove.between(OPEN, AgentSegment.empty("c-2", "p-1"), BASE));
    }
}
