package io.streamvane.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.simulator.truth.GroundTruth;
import io.streamvane.simulator.truth.Granularity;
import io.streamvane.simulator.truth.QueueComponents;
import io.streamvane.simulator.truth.QueueInterval;
import io.streamvane.simulator.truth.QueueMediaKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmittedEventsMatchGroundTruthTest {

    @Test
    void queueComponentsRecomputedFromTheEmittedEventsEqualTheGroundTruthPerInterval() {
        Simulator run = Runs.cleanDay();
        SpecRecompute recomputed = SpecRecompute.of(run.config(), Runs.read(run.messages()).events);
        assertThat(recomputed.queues).isEqualTo(run.groundTruth().queueBuckets());
    }

    /** The day carries every kind of event the queue metrics count, at rates a contact center sees. */
    @Test
    void aDayHasAlertsMissedAlertsAndBlindAndConsultTransfers() {
        QueueComponents day = QueueComponents.ZERO;
        for (QueueComponents c : Runs.cleanDay().groundTruth().queueBuckets().values()) {
            day = day.plus(c);
        }
        System.out.printf("[simulator] day: answered %d, alerts %d, missed %d, transferred %d (blind %d, consult %d),"
                + " held %d, wrapped up %d, abandoned within SL %d%n", day.answered(), day.alerts(),
                day.notResponding(), day.transferred(), day.blindTransferred(), day.consultTransferred(), day.held(),
                day.wrappedUp(), day.abandonedWithinSl());
        assertThat(day.alerts()).isGreaterThan(day.answered());
        assertThat(day.notResponding()).isPositive().isLessThan(day.alerts() / 5);
        assertThat(day.transferred()).isEqualTo(day.blindTransferred() + day.consultTransferred());
        assertThat(day.blindTransferred()).isGreaterThan(day.consultTransferred()).isPositive();
        assertThat(day.consultTransferred()).isPositive();
        assertThat(day.transferred()).isLessThan(day.answered() / 4);
        assertThat(day.held()).isPositive().isLessThan(day.handled());
        assertThat(day.wrappedUp()).isEqualTo(day.handled());
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
    void userEndReportsAlertingInteractingAndHeldAsDisjointPhasesOfTheParticipation() {
        Map<String, Long> startedAt = new HashMap<>();
        List<Unwrapped> answered = new ArrayList<>();
        for (Unwrapped e : Runs.read(Runs.cleanDay().messages()).events) {
            String participant = e.body().path("conversationId").asString() + "|"
                    + e.body().path("participantId").asString();
            if (e.kind().equals("user.start")) {
                startedAt.put(participant, e.body().path("eventTime").asLong());
            } else if (e.kind().equals("user.end") && e.body().path("interactingDurationMs").asLong() > 0) {
                answered.add(e);
            }
        }
        assertThat(answered).anySatisfy(e -> assertThat(e.body().path("heldDurationMs").asLong()).isPositive());
        for (Unwrapped e : answered) {
            var b = e.body();
            long participation = b.path("eventTime").asLong()
                    - startedAt.get(b.path("conversationId").asString() + "|" + b.path("participantId").asString());
            assertThat(b.path("alertingDurationMs").asLong() + b.path("interactingDurationMs").asLong()
                    + b.path("heldDurationMs").asLong()).as("phases of %s", b).isEqualTo(participation);
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
