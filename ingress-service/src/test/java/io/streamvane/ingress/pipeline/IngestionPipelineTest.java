package io.streamvane.ingress.pipeline;

import static io.streamvane.ingress.TestEvents.acdStart;
import static io.streamvane.ingress.TestEvents.acdStartBody;
import static io.streamvane.ingress.TestEvents.acdStartTopic;
import static io.streamvane.ingress.TestEvents.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.ingress.guard.DedupHorizon;
import io.streamvane.ingress.StoreRows;
import io.streamvane.ingress.TestEvents;
import io.streamvane.ingress.guard.RawEventStore;
import io.streamvane.ingress.guard.WatermarkTracker;
import io.streamvane.model.event.EventParser;
import io.streamvane.testsupport.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class IngestionPipelineTest {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final long t0 = now.minus(Duration.ofHours(1)).toEpochMilli();
    private DataSource dataSource;
    private StoreRows rows;
    private SimpleMeterRegistry meters;
    private IngestionPipeline pipeline;

    @BeforeEach
    void setUp() {
        dataSource = TestDatabases.freshMigrated().dataSource();
        rows = new StoreRows(dataSource);
        meters = new SimpleMeterRegistry();
        pipeline = pipeline(dataSource);
    }

    private IngestionPipeline pipeline(DataSource store) {
        return new IngestionPipeline(new EventParser(), new RawEventStore(store, new WatermarkTracker(Duration.ofMinutes(5))),
                new DedupHorizon(Duration.ofDays(35)), meters, Clock.fixed(now, ZoneOffset.UTC));
    }

    private IngestionResult.Ingested ingest(String body) {
        return (IngestionResult.Ingested) pipeline.ingest(body.getBytes(StandardCharsets.UTF_8), Transport.HTTP);
    }

    @Test
    void newEventsGoToRawEventAndEngineInboxTogether() {
        var result = ingest(batch(List.of(acdStart("c-1", t0), acdStart("c-2", t0 + 1000))));

        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.duplicates()).isZero();
        assertThat(rows.rawEvents()).isEqualTo(2);
        assertThat(rows.inboxRows()).isEqualTo(2);
        assertThat(rows.count("FROM raw_event r JOIN engine_inbox i ON i.raw_event_id = r.id "
                + "AND i.event_time = r.event_time AND i.topic_kind = r.topic_kind")).isEqualTo(2);
        assertThat(rows.queryString("SELECT DISTINCT source FROM raw_event")).isEqualTo("http");
        assertThat(rows.queryString("SELECT topic_kind FROM raw_event LIMIT 1")).isEqualTo("ACD_START");
    }

    @Test
    void inboxPayloadCarriesTheConcreteTopicVersionTwoAndTheOriginalEventBody() {
        ingest(TestEvents.eventBridge(acdStartTopic("c-9"), acdStartBody("c-9", t0)));

        assertThat(rows.queryString("SELECT payload::jsonb->>'topicName' FROM engine_inbox"))
                .isEqualTo(acdStartTopic("c-9"));
        assertThat(rows.queryString("SELECT payload::jsonb->>'version' FROM engine_inbox")).isEqualTo("2");
        assertThat(rows.count("FROM engine_inbox i JOIN raw_event r ON r.id = i.raw_event_id "
                + "WHERE i.payload::jsonb->'eventBody' = r.body AND r.body->>'conversationId' = '" + TestEvents.id("c-9") + "'")).isEqualTo(1);
        assertThat(rows.queryString("SELECT envelope->'layers'->>0 FROM raw_event")).isEqualTo("EVENT_BRIDGE");
        assertThat(rows.queryString("SELECT envelope->'ids'->>'correlationId' FROM raw_event")).isEqualTo("corr-1");
    }

    @Test
    void duplicatesWithinOneBodyAreCollapsedAndCounted() {
        var result = ingest(batch(List.of(acdStart("c-1", t0), acdStart("c-1", t0),
                TestEvents.eventBridge(acdStartTopic("c-1"), acdStartBody("c-1", t0)))));

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(result.duplicates()).isEqualTo(2);
        assertThat(rows.rawEvents()).isEqualTo(1);
        assertThat(rows.inboxRows()).isEqualTo(1);
    }

    @Test
    void sameBodyTwiceReportsDuplicatesTheSecondTimeAndAddsNoRows() {
        String body = batch(List.of(acdStart("c-1", t0), acdStart("c-2", t0)));
        ingest(body);

        var second = ingest(body);

        assertThat(second.accepted()).isZero();
        assertThat(second.duplicates()).isEqualTo(2);
        assertThat(rows.rawEvents()).isEqualTo(2);
        assertThat(rows.inboxRows()).isEqualTo(2);
    }

    @Test
    void sameEventInEveryEnvelopeIsStoredOnce() {
        for (TestEvents.Form form : TestEvents.FORMS) {
            ingest(form.wrap(acdStartTopic("c-1"), acdStartBody("c-1", t0)));
        }
        assertThat(rows.rawEvents()).isEqualTo(1);
        assertThat(counter("duplicate")).isEqualTo(TestEvents.FORMS.size() - 1);
    }

    @Test
    void badItemsAreRejectedByIndexWhileTheRestIsStored() {
        var result = ingest(batch(List.of(acdStart("c-1", t0), "{\"hello\":1}",
                TestEvents.notification(acdStartTopic("c-3"), "{\"conversationId\":\"c-3\"}"))));

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(result.rejected()).extracting(IngestionResult.ItemRejection::index,
                        IngestionResult.ItemRejection::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "unknown-envelope"),
                        org.assertj.core.groups.Tuple.tuple(2, "missing-field"));
        assertThat(rows.rawEvents()).isEqualTo(1);
        assertThat(meters.counter(IngressMetrics.EVENTS, "outcome", "rejected", "transport", "http",
                "reason", "missing-field").count()).isEqualTo(1);
    }

    @Test
    void controlFramesAreCountedAndNeverStored() {
        var result = ingest(batch(List.of("{\"topicName\":\"channel.metadata\",\"eventBody\":{\"message\":\"WebSocket Heartbeat\"}}",
                acdStart("c-1", t0))));

        assertThat(result.controlFrames()).isEqualTo(1);
        assertThat(result.accepted()).isEqualTo(1);
        assertThat(rows.rawEvents()).isEqualTo(1);
    }

    @Test
    void unreadableBodyStoresNothingAndNamesTheReason() {
        var result = pipeline.ingest("{not json".getBytes(StandardCharsets.UTF_8), Transport.SERVICE_BUS);

        assertThat(result).isInstanceOf(IngestionResult.Unreadable.class);
        assertThat(((IngestionResult.Unreadable) result).reason()).isEqualTo("malformed-json");
        assertThat(rows.rawEvents()).isZero();
        assertThat(meters.counter(IngressMetrics.EVENTS, "outcome", "rejected", "transport", "servicebus",
                "reason", "malformed-json").count()).isEqualTo(1);
    }

    @Test
    void eventWithoutAnyTimeIsStoredUnderItsReceiveDayAndDeduplicatedThatDay() {
        String other = TestEvents.notification("v2.routing.queues.q-1.members", "{\"memberCount\":3}");

        var first = ingest(other);
        var second = ingest(other);

        assertThat(first.accepted()).isEqualTo(1);
        assertThat(second.duplicates()).isEqualTo(1);
        // The receive day is the pipeline's clock's, not the store's (the two may disagree, e.g. under a faked clock).
        assertThat(rows.queryString("SELECT event_time = '" + now.truncatedTo(ChronoUnit.DAYS) + "'::timestamptz "
                + "FROM raw_event")).isEqualTo("t");
        assertThat(rows.queryString("SELECT topic_kind FROM engine_inbox")).isEqualTo("OTHER");
        assertThat(rows.queryString("SELECT late FROM raw_event")).isEqualTo("f");
    }

    @Test
    void eventHoldingANulCharacterIsRejectedAloneBecauseTheStoreCannotHoldIt() {
        var result = ingest(batch(List.of(acdStart("c-1", t0),
                TestEvents.notification("v2.some.other.topic", "{\"note\":\"a\\u0000b\"}"))));

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(result.rejected()).singleElement().satisfies(rejection -> {
            assertThat(rejection.index()).isEqualTo(1);
            assertThat(rejection.reason()).isEqualTo("invalid-field");
        });
    }

    @Test
    void metricsCountOutcomesBatchSizeAndLag() {
        ingest(batch(List.of(acdStart("c-1", t0), acdStart("c-2", t0))));
        ingest(acdStart("c-1", t0));

        assertThat(counter("accepted")).isEqualTo(2);
        assertThat(counter("duplicate")).isEqualTo(1);
        assertThat(meters.summary(IngressMetrics.BATCH_SIZE, "transport", "http").count()).isEqualTo(2);
        assertThat(meters.summary(IngressMetrics.BATCH_SIZE, "transport", "http").max()).isEqualTo(2);
        var lag = meters.timer(IngressMetrics.LAG, "transport", "http");
        assertThat(lag.count()).isEqualTo(2);
        assertThat(lag.max(java.util.concurrent.TimeUnit.MINUTES)).isEqualTo(60);
    }

    @Test
    void largeBatchIsStoredInOneCall() {
        List<String> events = IntStream.range(0, 1000).mapToObj(i -> acdStart("c-" + i, t0 + i)).toList();

        var result = ingest(batch(events));

        assertThat(result.accepted()).isEqualTo(1000);
        assertThat(rows.rawEvents()).isEqualTo(1000);
        assertThat(rows.inboxRows()).isEqualTo(1000);
    }

    @Test
    void unreachableStoreIsReportedAsUnavailableSoTheTransportRetries() {
        PGSimpleDataSource closed = new PGSimpleDataSource();
        closed.setURL("jdbc:postgresql://127.0.0.1:9/nowhere?connectTimeout=1");
        IngestionPipeline down = pipeline(closed);

        assertThatThrownBy(() -> down.ingest(acdStart("c-1", t0).getBytes(StandardCharsets.UTF_8), Transport.HTTP))
                .isInstanceOf(StoreUnavailableException.class);
    }

    private double counter(String outcome) {
        return meters.counter(IngressMetrics.EVENTS, "outcome", outcome, "transport", "http", "reason",
                IngressMetrics.NO_REASON).count();
    }
}
