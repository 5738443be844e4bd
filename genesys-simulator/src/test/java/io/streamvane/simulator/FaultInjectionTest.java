package io.streamvane.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.streamvane.simulator.events.Delivery;
import io.streamvane.simulator.events.GenesysEvent;
import io.streamvane.simulator.events.ScheduledMessage;
import io.streamvane.simulator.faults.FaultConfig;
import io.streamvane.simulator.faults.FaultReport;
import io.streamvane.simulator.model.SimulationConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    private static List<Delivery> deliveries(Simulator run) {
        return run.messages().stream().flatMap(m -> m.message().deliveries().stream()).toList();
    }

    @Test
    void duplicateLateAndPoisonRatesMatchTheConfiguredRates() {
        Simulator run = Runs.faultyDay();
        FaultConfig faults = new FaultConfig(0.05, Duration.ofSeconds(30), 0.03, Duration.ofMinutes(10), null,
                Duration.ZERO, 0.02);
        List<Delivery> deliveries = deliveries(run);
        long originals = deliveries.stream().filter(d -> !d.isPoison() && !d.duplicate()).count();
        long duplicates = deliveries.stream().filter(Delivery::duplicate).count();
        long late = deliveries.stream().filter(d -> d.late() && !d.duplicate()).count();
        long poison = deliveries.stream().filter(Delivery::isPoison).count();
        assertThat(originals).isEqualTo(run.events().size());
        assertThat(duplicates / (double) originals).isCloseTo(faults.duplicateRate(), within(0.006));
        assertThat(late / (double) originals).isCloseTo(faults.lateShare(), within(0.005));
        assertThat(poison / (double) originals).isCloseTo(faults.poisonRate(), within(0.004));
        FaultReport report = run.faultReport();
        assertThat(report.duplicates()).isEqualTo(duplicates);
        assertThat(report.poison()).isEqualTo(poison);
        assertThat(report.late()).isEqualTo(late);
    }

    @Test
    void poisonMessagesAreUnreadableAndEverythingElseIsStillDelivered() {
        Simulator run = Runs.faultyDay();
        EnvelopeReader reader = Runs.read(run.messages());
        assertThat(reader.malformed).isPositive();
        assertThat(reader.unknownEnvelope).isPositive();
        assertThat(reader.missingConversationId).isPositive();
        assertThat(reader.malformed + reader.unknownEnvelope + reader.missingConversationId)
                .isEqualTo(run.faultReport().poison());
        assertThat(reader.events).hasSize(run.faultReport().delivered());
    }

    @Test
    void lateEventsArriveAfterTheDelayAndReorderingShufflesEventTime() {
        Simulator run = Runs.faultyDay();
        long outOfOrder = 0;
        long previousEventTime = Long.MIN_VALUE;
        for (ScheduledMessage m : run.messages()) {
            for (Delivery d : m.message().deliveries()) {
                if (d.isPoison()) {
                    continue;
                }
                long eventTime = d.event().eventTimeMs();
                if (d.late()) {
                    assertThat(m.sendAtMs() - eventTime).isGreaterThanOrEqualTo(Duration.ofMinutes(10).toMillis());
                }
                outOfOrder += eventTime < previousEventTime ? 1 : 0;
                previousEventTime = eventTime;
            }
        }
        assertThat(outOfOrder).isGreaterThan(run.events().size() / 20);
    }

    @Test
    void duplicatesReorderingAndLatenessDoNotChangeWhatTheEventsSay() {
        Simulator run = Runs.faultyDay();
        SpecRecompute recomputed = SpecRecompute.of(run.config(), Runs.read(run.messages()).events);
        assertThat(recomputed.queues).isEqualTo(run.groundTruth().queueBuckets());
        assertThat(run.groundTruth().queueBuckets()).isEqualTo(Runs.cleanDay().groundTruth().queueBuckets());
    }

    @Test
    void anOutageDropsExactlyTheEventsInsideItsWindowAndTheTruthKeepsThem() {
        Instant outageStart = SimulationConfig.DEFAULT_START.plus(Duration.ofHours(10));
        Duration length = Duration.ofMinutes(20);
        Simulator run = Simulator.run(SimulationConfig.defaults(),
                EmissionConfig.defaults().withFaults(FaultConfig.typical().withOutage(outageStart, length)));
        long from = outageStart.toEpochMilli();
        long to = outageStart.plus(length).toEpochMilli();

        List<GenesysEvent> dropped = run.faultReport().droppedByOutage();
        assertThat(dropped).isNotEmpty().allSatisfy(e -> assertThat(e.eventTimeMs()).isBetween(from, to - 1));
        assertThat(dropped).hasSize((int) run.events().stream()
                .filter(e -> e.eventTimeMs() >= from && e.eventTimeMs() < to).count());
        assertThat(deliveries(run)).filteredOn(d -> !d.isPoison())
                .noneSatisfy(d -> assertThat(d.event().eventTimeMs()).isBetween(from, to - 1));

        // What gap-fill would recover plus what was delivered is again the whole truth.
        EnvelopeReader reader = Runs.read(run.messages());
        List<Unwrapped> recovered = new ArrayList<>(reader.events);
        dropped.forEach(e -> recovered.add(new Unwrapped("GAP_FILL", e.topicName(), e.body())));
        assertThat(SpecRecompute.of(run.config(), recovered).queues).isEqualTo(run.groundTruth().queueBuckets());
        assertThat(SpecRecompute.of(run.config(), reader.events).queues)
                .isNotEqualTo(run.groundTruth().queueBuckets());
    }
}
