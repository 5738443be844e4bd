package io.streamvane.scheduler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.QueueMetric;
import io.streamvane.scheduler.RecordingSleeper;
import io.streamvane.scheduler.gapfill.GapFillSettings;
import io.streamvane.scheduler.gapfill.GapFiller;
import io.streamvane.scheduler.genesys.GenesysClient;
import io.streamvane.scheduler.genesys.GenesysProperties;
import io.streamvane.scheduler.reconcile.ReconcileSettings;
import io.streamvane.scheduler.reconcile.Reconciler;
import io.streamvane.scheduler.store.QueueAggregates;
import io.streamvane.simulator.api.FakeApiSettings;
import io.streamvane.simulator.api.FakeGenesysApi;
import io.streamvane.simulator.faults.FaultConfig;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Issue acceptance: a simulated day with an ingress outage → events projected by the engine → the outage as an
 * {@code ingest_gap} → gap-fill against the simulator's fake Genesys API → {@code queue_interval_effective}
 * equals the ground truth for every queue × media × 15-minute bucket; and without the outage, reconciliation
 * finds zero drift. Every stored component of the catalogue is compared; each but abandoned-within-SL has a Genesys
 * aggregate (shortAbandoned = tShortAbandon.count, the simulator's and the engine's default 10 s threshold).
 */
class SimulatedDayEndToEndTest {

    static final Instant OUTAGE_START = SimulatedDay.START.plus(Duration.ofMinutes(65));   // 09:05, mid-bucket
    static final Duration OUTAGE_LENGTH = Duration.ofMinutes(40);                         // to 09:45

    private static GenesysClient client(FakeGenesysApi api) {
        return new GenesysClient(GenesysProperties.forBaseUrl(api.baseUrl(), FakeApiSettings.DEFAULT_CLIENT_ID,
                FakeApiSettings.DEFAULT_CLIENT_SECRET), Clock.systemUTC(), new RecordingSleeper());
    }

    private static Clock dayAfter() {
        return Clock.fixed(SimulatedDay.START.plus(Duration.ofDays(1)), ZoneOffset.UTC);
    }

    @Test
    void outageIsGapFilledAndTheEffectiveIntervalsEqualTheGroundTruth() throws Exception {
        SimulatedDay day = new SimulatedDay(FaultConfig.typical().withOutage(OUTAGE_START, OUTAGE_LENGTH));
        assertThat(day.run.faultReport().droppedByOutage()).isNotEmpty();
        day.ingestAndProject();
        Map<String, IntervalComponents> truth = day.truth();
        // The outage really hurts: the event rows alone disagree with the truth.
        assertThat(day.rows("queue_interval")).isNotEqualTo(truth);

        long gap = day.store.gap(OUTAGE_START, OUTAGE_START.plus(OUTAGE_LENGTH));
        try (FakeGenesysApi api = FakeGenesysApi.start(day.run, FakeApiSettings.defaults())) {
            GapFiller filler = new GapFiller(new QueueAggregates(client(api), Granularity.PT15M), day.store.intervals,
                    day.store.jdbc, day.store.tx, GapFillSettings.defaults(), dayAfter());
            GapFiller.Progress p = filler.fill(gap);

            Map<String, IntervalComponents> effective = day.rows("queue_interval_effective");
            assertThat(diff(effective, reportedByGenesys(truth, day.apiRowKeys()))).as("effective rows vs ground truth")
                    .isEmpty();
            // 09:05-09:45 widens to 09:00-09:45: one chunk, one aggregates request, one token.
            assertThat(p).isEqualTo(new GapFiller.Progress(gap, "filled", 1, 1, 1));
            assertThat(api.requestLog().count("POST " + FakeGenesysApi.CONVERSATION_AGGREGATES)).isEqualTo(1);
            assertThat(api.requestLog().count("POST " + FakeGenesysApi.TOKEN)).isEqualTo(1);
            assertThat(day.store.jdbc.queryForObject("SELECT count(*) FROM queue_interval_effective WHERE source = 'api'",
                    Integer.class)).isEqualTo(12); // 2 queues x 2 media x the buckets 09:00, 09:15, 09:30
            System.out.printf("e2e outage: %d events dropped by the outage, %d API requests (%s)%n",
                    day.run.faultReport().droppedByOutage().size(), api.requestLog().total(), api.requestLog().perEndpoint());
        }
    }

    @Test
    void withoutAnOutageReconciliationFindsZeroDrift() throws Exception {
        SimulatedDay day = new SimulatedDay(FaultConfig.typical());
        day.ingestAndProject();
        assertThat(diff(day.rows("queue_interval"), day.truth())).as("event rows vs ground truth").isEmpty();

        try (FakeGenesysApi api = FakeGenesysApi.start(day.run, FakeApiSettings.defaults())) {
            Reconciler reconciler = new Reconciler(new QueueAggregates(client(api), Granularity.PT15M),
                    day.store.intervals, day.store.jdbc, day.store.tx, ReconcileSettings.defaults(), dayAfter(),
                    new SimpleMeterRegistry());
            ReconcileSettings.Pass pass = new ReconcileSettings.Pass("T+1h", Duration.ofHours(1), false);
            int compared = 0;
            long hours = 0;
            for (Instant h = Granularity.PT1H.bucketStart(day.firstBucket()); h.isBefore(day.endOfData()); h = h.plus(Duration.ofHours(1))) {
                compared += reconciler.reconcile(new Interval(h, h.plus(Duration.ofHours(1))), pass).intervalsCompared();
                hours++;
            }
            assertThat(compared).isGreaterThan(40);
            assertThat(day.store.jdbc.queryForObject("SELECT count(*) FROM reconcile_drift", Integer.class)).isZero();
            assertThat(api.requestLog().count("POST " + FakeGenesysApi.CONVERSATION_AGGREGATES)).isEqualTo(hours);
            System.out.printf("e2e no outage: %d intervals compared in %d hourly requests, zero drift%n", compared, hours);
        }
    }

    /**
     * The truth as a gap-filled row can carry it: Genesys reports no abandons within the SL threshold, so an API row
     * holds 0 there; every other component comes from its own Genesys metric.
     */
    static Map<String, IntervalComponents> reportedByGenesys(Map<String, IntervalComponents> truth,
            Set<String> apiKeys) {
        Map<String, IntervalComponents> expected = new TreeMap<>(truth);
        for (String k : apiKeys) {
            IntervalComponents c = expected.getOrDefault(k, IntervalComponents.ZERO);
            expected.put(k, IntervalComponents.read(m -> m == QueueMetric.ABANDONED_WITHIN_SL ? 0 : c.get(m)));
        }
        expected.values().removeIf(IntervalComponents::isZero);
        return expected;
    }

    /** Every key where the two maps disagree, with both values, for a readable failure. */
    static Map<String, String> diff(Map<String, IntervalComponents> actual, Map<String, IntervalComponents> expected) {
        Map<String, String> d = new TreeMap<>();
        for (String k : union(actual, expected)) {
            IntervalComponents a = actual.getOrDefault(k, IntervalComponents.ZERO);
            IntervalComponents e = expected.getOrDefault(k, IntervalComponents.ZERO);
            if (!a.equals(e)) {
                d.put(k, "actual " + a + " expected " + e);
            }
        }
        return d;
    }

    private static java.util.Set<String> union(Map<String, ?> a, Map<String, ?> b) {
        java.util.Set<String> s = new java.util.TreeSet<>(a.keySet());
        s.addAll(b.keySet());
        return s;
    }
}
