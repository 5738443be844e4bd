package io.streamvane.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.simulator.truth.GroundTruth;
import io.streamvane.simulator.truth.Granularity;
import io.streamvane.simulator.truth.QueueComponents;
import io.streamvane.simulator.truth.QueueInterval;
import io.streamvane.simulator.truth.QueueMediaKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmittedEventsMatchGroundTruthTest {

    @Test
    void queueComponentsRecomputedFromTheEmittedEventsEqualTheGroundTruthPerInterval() {
        Simulator run = Runs.cleanDay();
        SpecRecompute recomputed = SpecRecompute.of(run.config(), Runs.read(run.messages()).events);
        assertThat(recomputed.queues).isEqualTo(run.groundTruth().queueBuckets());
    }

    @Test
    void agentComponentsRecomputedFromTheEmittedEventsEqualTheGroundTruthPerInterval() {
        Simulator run = Runs.cleanDay();
        SpecRecompute recomputed = SpecRecompute.of(run.config(), Runs.read(run.messages()).events);
        assertThat(recomputed.agents).isNotEmpty().isEqualTo(run.groundTruth().agentBuckets());
    }

    @Test
    void coarserIntervalsAreSumsOfTheBaseBuckets() {
        GroundTruth truth = Runs.cleanDay().groundTruth();
        Instant start = Runs.cleanDay().config().start();
        Instant end = start.plus(Duration.ofDays(1));
        for (QueueMediaKey key : truth.queueMedia()) {
            List<QueueInterval> quarter = truth.queueIntervals(key.queueId(), key.mediaType(), start, end, Granularity.PT15M);
            List<QueueInterval> hours = truth.queueIntervals(key.queueId(), key.mediaType(), start, end, Granularity.PT1H);
            List<QueueInterval> halves = truth.queueIntervals(key.queueId(), key.mediaType(), start, end, Granularity.PT30M);
            assertThat(quarter).hasSize(96);
            assertThat(halves).hasSize(48);
            assertThat(hours).hasSize(24);
            for (int h = 0; h < 24; h++) {
                QueueComponents sum = QueueComponents.ZERO;
                for (int q = 0; q < 4; q++) {
                    sum = sum.plus(quarter.get(h * 4 + q).components());
                }
                assertThat(hours.get(h).components()).isEqualTo(sum);
                assertThat(hours.get(h).start()).isEqualTo(quarter.get(h * 4).start());
            }
            QueueComponents day = truth.queueIntervals(key.queueId(), key.mediaType(), start, end, Granularity.P1D)
                    .get(0).components();
            assertThat(day).isEqualTo(truth.queueDay(key.queueId(), key.mediaType(),
                    start.atZone(java.time.ZoneOffset.UTC).toLocalDate()));
        }
    }

    @Test
    void agentTotalsAddUpToQueueHandleTotals() {
        GroundTruth truth = Runs.cleanDay().groundTruth();
        long agentHandleMs = Runs.cleanDay().config().agents().stream()
                .mapToLong(a -> truth.agentTotal(a.id()).handleMs()).sum();
        long queueHandleMs = truth.totalsPerQueue().values().stream().mapToLong(QueueComponents::handleMs).sum();
        assertThat(agentHandleMs).isPositive().isEqualTo(queueHandleMs);
    }
}
