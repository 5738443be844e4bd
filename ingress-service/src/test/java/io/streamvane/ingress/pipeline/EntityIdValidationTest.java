package io.streamvane.ingress.pipeline;

import static io.streamvane.ingress.TestEvents.batch;
import static io.streamvane.ingress.TestEvents.notification;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.ingress.StoreRows;
import io.streamvane.ingress.TestEvents;
import io.streamvane.ingress.guard.DedupHorizon;
import io.streamvane.ingress.guard.RawEventStore;
import io.streamvane.ingress.guard.WatermarkTracker;
import io.streamvane.model.event.EventParser;
import io.streamvane.testsupport.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Genesys ids are UUIDs and media types a known list: anything else is refused per item with a reason, before it
 * can open a queue of its own or reach an index. Before, one 680 KB body created 3,150 junk queues and a 6,000
 * character id failed a PostgreSQL index entry, dropping the engine to one-by-one processing.
 */
class EntityIdValidationTest {

    private static final Instant NOW = Instant.parse("2026-03-29T01:30:00Z");
    private final long t0 = NOW.minus(Duration.ofHours(1)).toEpochMilli();
    private StoreRows rows;
    private SimpleMeterRegistry meters;
    private IngestionPipeline pipeline;

    @BeforeEach
    void setUp() {
        DataSource dataSource = TestDatabases.freshMigrated().dataSource();
        rows = new StoreRows(dataSource);
        meters = new SimpleMeterRegistry();
        pipeline = new IngestionPipeline(new EventParser(),
                new RawEventStore(dataSource, new WatermarkTracker(Duration.ofMinutes(5))),
                new DedupHorizon(Duration.ofDays(35)), meters, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private IngestionResult.Ingested ingest(String body) {
        return (IngestionResult.Ingested) pipeline.ingest(body.getBytes(StandardCharsets.UTF_8), Transport.HTTP);
    }

    private String acdStart(String conversationId, String queueId, String mediaType) {
        String body = """
                {"eventTime":%d,"conversationId":"%s","participantId":"%s","sessionId":"%s",\
                "mediaType":"%s","direction":"INBOUND","queueId":"%s","divisionId":"d-1"}"""
                .formatted(t0, conversationId, TestEvents.id("p"), TestEvents.id("s" + conversationId), mediaType,
                        queueId);
        return notification("v2.detail.events.conversation." + conversationId + ".acd.start", body);
    }

    @Test
    void idsThatAreNotUuidsAndUnknownMediaTypesAreRefusedByIndexWithTheirReason() {
        String good = TestEvents.id("c-good");
        var result = ingest(batch(List.of(
                acdStart(good, TestEvents.QUEUE_ID, "VOICE"),
                acdStart(TestEvents.id("c-2"), "x".repeat(6_000), "VOICE"),
                acdStart("not-a-uuid", TestEvents.QUEUE_ID, "VOICE"),
                acdStart(TestEvents.id("c-4"), TestEvents.QUEUE_ID, "TELEPATHY"),
                acdStart(TestEvents.id("c-5"), TestEvents.QUEUE_ID.toUpperCase(), "call"))));

        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.rejected()).extracting(IngestionResult.ItemRejection::index,
                        IngestionResult.ItemRejection::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "invalid-id"),
                        org.assertj.core.groups.Tuple.tuple(2, "invalid-id"),
                        org.assertj.core.groups.Tuple.tuple(3, "unknown-media-type"));
        assertThat(result.rejected().get(0).detail()).startsWith("queueId is not a Genesys id").contains("6000")
                .doesNotContain("xxxxxxxx");
        assertThat(result.rejected().get(1).detail()).startsWith("conversationId is not a Genesys id");
        assertThat(result.rejected().get(2).detail()).contains("voice", "workitem").doesNotContain("TELEPATHY");
        assertThat(rows.rawEvents()).isEqualTo(2);
        assertThat(meters.counter("streamvane.ingress.events", "outcome", "rejected", "transport", "http",
                "reason", "invalid-id").count()).isEqualTo(2);
        assertThat(meters.counter("streamvane.ingress.events", "outcome", "rejected", "transport", "http",
                "reason", "unknown-media-type").count()).isEqualTo(1);
    }

    @Test
    void aBodyOfJunkQueueIdsOpensNoQueue() {
        List<String> junk = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            junk.add(acdStart(TestEvents.id("c-" + i), "junk-queue-" + i, "VOICE"));
        }
        var result = ingest(batch(junk));

        assertThat(result.accepted()).isZero();
        assertThat(result.rejected()).hasSize(2_000).allMatch(r -> r.reason().equals("invalid-id"));
        assertThat(rows.rawEvents()).isZero();
        assertThat(rows.inboxRows()).isZero();
    }
}
