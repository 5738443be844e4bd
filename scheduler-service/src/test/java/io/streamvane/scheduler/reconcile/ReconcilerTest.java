package io.streamvane.scheduler.reconcile;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.QueueMetric;
import io.streamvane.scheduler.AggregatePayloads;
import io.streamvane.scheduler.AggregatePayloads.Bucket;
import io.streamvane.scheduler.FakeGenesys;
import io.streamvane.scheduler.StoreFixture;
import io.streamvane.scheduler.gapfill.GapFillSettings;
import io.streamvane.scheduler.gapfill.GapFiller;
import io.streamvane.scheduler.genesys.Analytics;
import io.streamvane.scheduler.store.QueueAggregates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReconcilerTest {

    private static final ReconcileSettings.Pass T1H = new ReconcileSettings.Pass("T+1h", Duration.ofHours(1), false);
    private static final ReconcileSettings.Pass T48H = new ReconcileSettings.Pass("T+48h", Duration.ofHours(48), true);
    private static final IntervalComponents TRUTH = IntervalComponents.builder().offered(12).answered(10).answeredWithinSl(8)
            .answerWaitMs(120_000).abandoned(2).abandonWaitMs(30_000).shortAbandoned(1).flowOuts(1).handled(9)
            .handleMs(2_700_000).talkMs(2_000_000).holdMs(200_000).acwMs(500_000)
            .set(QueueMetric.HELD, 2).set(QueueMetric.WRAPPED_UP, 9).set(QueueMetric.SHORT_ABANDON_WAIT_MS, 4_000)
            .set(QueueMetric.FLOW_OUT_WAIT_MS, 60_000).set(QueueMetric.ALERTS, 11).set(QueueMetric.ALERT_MS, 50_000)
            .set(QueueMetric.NOT_RESPONDING, 1).set(QueueMetric.NOT_RESPONDING_MS, 8_000)
            .set(QueueMetric.TRANSFERRED, 2).set(QueueMetric.BLIND_TRANSFERRED, 1)
            .set(QueueMetric.CONSULT_TRANSFERRED, 1).build();

    private final FakeGenesys fake = new FakeGenesys();
    private final StoreFixture store = new StoreFixture();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        fake.close();
    }

    private Reconciler reconciler(ReconcileSettings settings) {
        return new Reconciler(new QueueAggregates(fake.client(), Granularity.PT15M), store.intervals, store.jdbc, store.tx,
                settings, fake.clock, meters);
    }

    private void genesysSays(Instant bucket, IntervalComponents c) {
        fake.server.stubFor(post(urlEqualTo(Analytics.CONVERSATION_AGGREGATES)).withRequestBody(containing(
                        Analytics.isoInterval(new Interval(Granularity.PT1H.bucketStart(bucket), Granularity.PT1H.bucketStart(bucket).plus(Duration.ofHours(1))))))
                .willReturn(okJson(AggregatePayloads.response(List.of(
                        new Bucket("q-1", "voice", new Interval(bucket, bucket.plus(Duration.ofMinutes(15))), c))))));
    }

    @Test
    void eventsThatMatchGenesysReportZeroDrift() {
        Instant bucket = Instant.parse("2026-03-02T10:30:00Z"); // clock 12:00: T+1h covers 10:00-11:00
        store.eventRow("q-1", "voice", bucket, TRUTH, 3);
        genesysSays(bucket, TRUTH);

        Reconciler.Summary s = reconciler(ReconcileSettings.defaults()).run(T1H);

        assertThat(s).isEqualTo(new Reconciler.Summary("T+1h", 1, 1, 0, 0, 1));
        assertThat(store.jdbc.queryForObject("SELECT count(*) FROM reconcile_drift", Integer.class)).isZero();
        assertThat(store.jdbc.queryForObject("SELECT reconciled_until FROM reconcile_cursor WHERE pass = 'T+1h'",
                java.sql.Timestamp.class).toInstant()).isEqualTo(Instant.parse("2026-03-02T11:00:00Z"));
    }

    @Test
    void driftIsRecordedPerMetricAtT1hAndAdoptedAtT48hAsARestatement() {
        Instant bucket = Instant.parse("2026-02-28T11:15:00Z"); // reaches T+48h at 2026-03-02T11:30 < clock 12:00
        // The events missed one offer and 2 s of answer wait; everything else agrees with Genesys.
        IntervalComponents events = IntervalComponents.read(m -> m == QueueMetric.OFFERED ? 11
                : m == QueueMetric.ANSWER_WAIT_MS ? 118_000 : TRUTH.get(m));
        store.eventRow("q-1", "voice", bucket, events, 6);
        genesysSays(bucket, TRUTH);
        Reconciler reconciler = reconciler(ReconcileSettings.defaults());

        Reconciler.Summary recordOnly = reconciler.reconcile(new Interval(Granularity.PT1H.bucketStart(bucket),
                Granularity.PT1H.bucketStart(bucket).plus(Duration.ofHours(1))), T1H);
        assertThat(recordOnly.adopted()).isZero();
        assertThat(store.jdbc.queryForObject("SELECT offered FROM queue_interval", Long.class)).isEqualTo(11);

        Reconciler.Summary s = reconciler.run(T48H);

        assertThat(s).isEqualTo(new Reconciler.Summary("T+48h", 1, 1, 1, 1, 1));
        assertThat(store.jdbc.queryForList("SELECT pass || ' ' || metric || ' ' || events_value || '->' || api_value || ' adopted=' || adopted "
                + "FROM reconcile_drift ORDER BY pass, metric", String.class)).containsExactly(
                "T+1h nOffered 11->12 adopted=false",
                "T+1h tAnswered.sum 118000->120000 adopted=false",
                "T+48h nOffered 11->12 adopted=true",
                "T+48h tAnswered.sum 118000->120000 adopted=true");
        assertThat(store.jdbc.queryForObject("SELECT offered || '/' || answer_wait_ms || '/rev' || revision FROM queue_interval", String.class))
                .isEqualTo("12/120000/rev7");
        assertThat(store.jdbc.queryForObject("SELECT queue_id || '/' || media_type || '/' || revision FROM kpi_change_log", String.class))
                .isEqualTo("q-1/voice/7");
        assertThat(meters.counter("streamvane.scheduler.reconcile.drift", "pass", "T+48h", "metric", "nOffered").count()).isEqualTo(1);
    }

    @Test
    void driftWithinToleranceIsRecordedButNotAdopted() {
        Instant bucket = Instant.parse("2026-02-28T11:15:00Z");
        store.eventRow("q-1", "voice", bucket, IntervalComponents.builder().offered(11).build(), 1);
        genesysSays(bucket, IntervalComponents.builder().offered(12).build());

        Reconciler.Summary s = reconciler(ReconcileSettings.defaults().withTolerance(new ReconcileSettings.Tolerance(0, 0.1))).run(T48H);

        assertThat(s.intervalsWithDrift()).isEqualTo(1);
        assertThat(s.adopted()).isZero();
        assertThat(store.jdbc.queryForObject("SELECT exceeds_tolerance FROM reconcile_drift", Boolean.class)).isFalse();
        assertThat(store.jdbc.queryForObject("SELECT count(*) FROM kpi_change_log", Integer.class)).isZero();
    }

    @Test
    void apiFiguresStandUnderAGapUntilEventsCoverTheIntervalAgain() {
        Instant bucket = Instant.parse("2026-03-02T10:30:00Z");
        store.eventRow("q-1", "voice", bucket, IntervalComponents.builder().offered(4).build(), 1);
        long gap = store.gap(bucket.plusSeconds(60), bucket.plusSeconds(600));
        fake.server.stubFor(post(urlEqualTo(Analytics.CONVERSATION_AGGREGATES)).willReturn(okJson(AggregatePayloads.response(
                List.of(new Bucket("q-1", "voice", new Interval(bucket, bucket.plus(Duration.ofMinutes(15))), TRUTH))))));
        new GapFiller(new QueueAggregates(fake.client(), Granularity.PT15M), store.intervals, store.jdbc, store.tx,
                GapFillSettings.defaults(), fake.clock).fill(gap);
        assertThat(store.jdbc.queryForObject("SELECT source || offered FROM queue_interval_effective", String.class)).isEqualTo("api12");

        // Late events arrive (e.g. a replay) and the engine's row now equals Genesys's.
        store.jdbc.update("DELETE FROM queue_interval");
        store.eventRow("q-1", "voice", bucket, TRUTH, 2);
        reconciler(ReconcileSettings.defaults()).run(T1H);

        assertThat(store.jdbc.queryForObject("SELECT source || offered || '/rev' || revision FROM queue_interval_effective", String.class))
                .isEqualTo("events12/rev2");
        assertThat(store.jdbc.queryForObject("SELECT count(*) FROM queue_interval_api", Integer.class)).isZero();
        fake.server.verify(2, postRequestedFor(urlEqualTo(Analytics.CONVERSATION_AGGREGATES)));
    }
}
