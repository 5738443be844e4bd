package io.streamvane.ingress.guard;

import static io.streamvane.ingress.TestEvents.acdStart;
import static io.streamvane.ingress.TestEvents.batch;
import io.streamvane.ingress.TestEvents;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.ingress.StoreRows;
import io.streamvane.ingress.pipeline.IngestionPipeline;
import io.streamvane.ingress.pipeline.IngestionResult;
import io.streamvane.ingress.pipeline.Transport;
import io.streamvane.model.event.EventParser;
import io.streamvane.testsupport.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WatermarkAndLatenessTest {

    private static final Instant T = Instant.parse("2025-03-04T10:00:00Z");
    /** Received the same day, so the events are well within the dedup horizon. */
    private static final Clock RECEIVED = Clock.fixed(T.plus(Duration.ofHours(3)), java.time.ZoneOffset.UTC);
    private DataSource dataSource;
    private StoreRows rows;
    private SimpleMeterRegistry meters;
    private IngestionPipeline pipeline;

    @BeforeEach
    void setUp() {
        dataSource = TestDatabases.freshMigrated().dataSource();
        rows = new StoreRows(dataSource);
        meters = new SimpleMeterRegistry();
        pipeline = newPipeline();
    }

    private IngestionPipeline newPipeline() {
        return new IngestionPipeline(new EventParser(),
                new RawEventStore(dataSource, new WatermarkTracker(Duration.ofMinutes(5))),
                new DedupHorizon(Duration.ofDays(35)), meters, RECEIVED);
    }

    private IngestionResult.Ingested ingest(IngestionPipeline into, Transport transport, String body) {
        return (IngestionResult.Ingested) into.ingest(body.getBytes(StandardCharsets.UTF_8), transport);
    }

    private WatermarkTracker.Watermark watermark(String source) throws Exception {
        return WatermarkTracker.read(dataSource, source).orElseThrow();
    }

    @Test
    void watermarkIsTheMaxEventTimeMinusAllowedLateness() throws Exception {
        ingest(pipeline, Transport.HTTP, batch(List.of(acdStart("c-1", T.toEpochMilli()),
                acdStart("c-2", T.plusSeconds(600).toEpochMilli()))));

        assertThat(watermark("http").maxEventTime()).isEqualTo(T.plusSeconds(600));
        assertThat(watermark("http").watermark()).isEqualTo(T.plusSeconds(300));
    }

    @Test
    void watermarkNeverMovesBackEvenFromAnotherReplica() throws Exception {
        ingest(pipeline, Transport.HTTP, acdStart("c-1", T.plusSeconds(3600).toEpochMilli()));
        IngestionPipeline otherReplica = newPipeline();

        ingest(otherReplica, Transport.HTTP, acdStart("c-2", T.toEpochMilli()));

        assertThat(watermark("http").maxEventTime()).isEqualTo(T.plusSeconds(3600));
        assertThat(watermark("http").watermark()).isEqualTo(T.plusSeconds(3300));
    }

    @Test
    void anEventStampedFarAheadIsStoredButMovesTheWatermarkOnlyToNowPlusTheClockSkew() throws Exception {
        IngestionPipeline atT = pipelineAt(T);

        var result = ingest(atT, Transport.HTTP, acdStart("c-tomorrow", T.plus(Duration.ofHours(22)).toEpochMilli()));

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(rows.inboxRows()).isEqualTo(1);
        assertThat(watermark("http").maxEventTime()).isEqualTo(T.plusSeconds(120));
        assertThat(watermark("http").watermark()).isEqualTo(T.minusSeconds(180));

        // Time goes on: ordinary events move the watermark again, it is not stuck at the clamped bound.
        ingest(pipelineAt(T.plusSeconds(600)), Transport.HTTP, acdStart("c-now", T.plusSeconds(590).toEpochMilli()));

        assertThat(watermark("http").maxEventTime()).isEqualTo(T.plusSeconds(590));
    }

    private IngestionPipeline pipelineAt(Instant now) {
        Clock clock = Clock.fixed(now, java.time.ZoneOffset.UTC);
        return new IngestionPipeline(new EventParser(), new RawEventStore(dataSource,
                new WatermarkTracker(Duration.ofMinutes(5), Duration.ofMinutes(2), clock)), new DedupHorizon(Duration.ofDays(35)), meters, clock);
    }

    @Test
    void eachTransportHasItsOwnWatermark() throws Exception {
        ingest(pipeline, Transport.HTTP, acdStart("c-1", T.plusSeconds(3600).toEpochMilli()));
        ingest(pipeline, Transport.SERVICE_BUS, acdStart("c-2", T.toEpochMilli()));

        assertThat(watermark("servicebus").maxEventTime()).isEqualTo(T);
        assertThat(rows.queryString("SELECT late FROM raw_event WHERE source = 'servicebus'")).isEqualTo("f");
    }

    @Test
    void eventBehindTheWatermarkIsAcceptedFlaggedLateAndCounted() {
        ingest(pipeline, Transport.HTTP, acdStart("c-1", T.plusSeconds(3600).toEpochMilli()));

        var result = ingest(pipeline, Transport.HTTP, batch(List.of(
                acdStart("c-late", T.toEpochMilli()),
                acdStart("c-on-time", T.plusSeconds(3400).toEpochMilli()))));

        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.late()).isEqualTo(1);
        assertThat(rows.queryString("SELECT late FROM raw_event WHERE body->>'conversationId' = '" + TestEvents.id("c-late") + "'"))
                .isEqualTo("t");
        assertThat(rows.queryString("SELECT late FROM raw_event WHERE body->>'conversationId' = '" + TestEvents.id("c-on-time") + "'"))
                .isEqualTo("f");
        assertThat(meters.counter("streamvane.ingress.events", "outcome", "late", "transport", "http", "reason", "none").count())
                .isEqualTo(1);
        assertThat(rows.inboxRows()).isEqualTo(3);
    }

    @Test
    void aDuplicateOfALateEventIsADuplicateNotLate() {
        ingest(pipeline, Transport.HTTP, acdStart("c-1", T.plusSeconds(3600).toEpochMilli()));
        ingest(pipeline, Transport.HTTP, acdStart("c-late", T.toEpochMilli()));

        var again = ingest(pipeline, Transport.HTTP, acdStart("c-late", T.toEpochMilli()));

        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(again.late()).isZero();
    }
}
