package io.streamvane.egress.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.egress.EgressIntegrationTest;
import io.streamvane.model.kpi.DerivedKpis;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.QueueMedia;
import io.streamvane.model.kpi.ServiceLevelOverride;
import io.streamvane.model.kpi.ServiceLevelPolicy;
import io.streamvane.model.kpi.ServiceLevelSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class QueueIntervalApiTest extends EgressIntegrationTest {

    private List<QueueIntervalRow> rows(String query) {
        ResponseEntity<QueueIntervalRow[]> r = get("/api/v1/queues/q1/intervals?" + query, READ_KEY)
                .retrieve().toEntity(QueueIntervalRow[].class);
        assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
        return Arrays.asList(r.getBody());
    }

    private void threeBaseBuckets() {
        queueRow("q1", "voice", "2025-01-01T10:00:00Z", 12, 10, 8, 2, 1, 0, 50_000, 10, 3_000_000, 3, true);
        queueRow("q1", "voice", "2025-01-01T10:15:00Z", 5, 4, 1, 1, 0, 2, 90_000, 3, 600_000, 1, true);
        queueRow("q1", "voice", "2025-01-01T10:45:00Z", 7, 6, 6, 0, 0, 1, 12_000, 6, 1_200_000, 2, false);
    }

    @Test
    void timeZoneGivesTheLocalDayOfThatZoneWithItsOffsetOnTheTimestamps() {
        threeBaseBuckets();
        // In January Sydney is at +11:00: its 1 January runs from 2024-12-31T13:00Z to 2025-01-01T13:00Z.
        String query = "from=2024-12-31T13:00:00Z&to=2025-01-01T13:00:00Z&granularity=P1D&timeZone=Australia/Sydney";

        List<QueueIntervalRow> rows = rows(query);
        String json = get("/api/v1/queues/q1/intervals?" + query, READ_KEY).retrieve().body(String.class);

        assertThat(rows).singleElement().satisfies(day -> {
            assertThat(day.offered()).isEqualTo(24);
            assertThat(day.intervalStart().toInstant()).isEqualTo(Instant.parse("2024-12-31T13:00:00Z"));
            assertThat(day.timeZone()).isEqualTo("Australia/Sydney");
        });
        assertThat(rows.get(0).slThresholdSeconds()).isEqualTo(20.0);
        assertThat(rows.get(0).slTarget()).isEqualTo(0.8);
        assertThat(json).contains("\"intervalStart\":\"2025-01-01T00:00:00+11:00\"",
                "\"intervalEnd\":\"2025-01-02T00:00:00+11:00\"");
        // The same rows without timeZone are in the queue's zone: UTC until one is configured.
        assertThat(rows("from=2025-01-01T00:00:00Z&to=2025-01-02T00:00:00Z&granularity=P1D"))
                .singleElement().satisfies(day -> assertThat(day.timeZone()).isEqualTo("UTC"));
        ResponseEntity<String> bad = get("/api/v1/queues/q1/intervals?from=2025-01-01T00:00:00Z"
                + "&to=2025-01-02T00:00:00Z&timeZone=Mars/Olympus", READ_KEY).retrieve().toEntity(String.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody()).contains("invalid-time-zone").doesNotContain("Mars/Olympus");
    }

    @Test
    void theSlTargetAndThresholdOfTheQueueAreOnEveryRow() {
        threeBaseBuckets();
        jdbc.sql("INSERT INTO queue_media_sl (queue_id, media_type, sl_threshold_ms, sl_target_percent) "
                + "VALUES ('q1', 'voice', 30000, 92.5)").update();

        List<QueueIntervalRow> rows = rows("from=2025-01-01T10:00:00Z&to=2025-01-01T11:00:00Z");

        assertThat(rows).hasSize(4).allSatisfy(r -> {
            assertThat(r.slTarget()).isEqualTo(0.925);
            assertThat(r.slThresholdSeconds()).isEqualTo(30.0);
        });
    }

    @Test
    void baseBucketsCarryTheStoredComponentsAndKpisFromTheSharedDefinitions() {
        threeBaseBuckets();
        ServiceLevelPolicy policy = ServiceLevelPolicy.builder()
                .queue("q1", ServiceLevelOverride.NONE.withIncludeFlowOuts(true)).build();
        publish(policy.layers());

        List<QueueIntervalRow> rows = rows("from=2025-01-01T10:00:00Z&to=2025-01-01T11:00:00Z");

        ServiceLevelSettings settings = policy.resolve("q1", "voice");
        assertThat(rows).hasSize(4);
        QueueIntervalRow second = rows.get(1);
        assertThat(second.intervalStart().toInstant()).isEqualTo(Instant.parse("2025-01-01T10:15:00Z"));
        assertThat(second.components()).isEqualTo(IntervalComponents.builder().offered(5).answered(4)
                .answeredWithinSl(1).abandoned(1).flowOuts(2).answerWaitMs(90_000).abandonWaitMs(7000).handled(3)
                .handleMs(600_000).talkMs(420_000).holdMs(60_000).acwMs(120_000).build());
        DerivedKpis expected = DerivedKpis.of(second.components(), settings);
        assertThat(second.serviceLevel()).isEqualTo(expected.serviceLevel()).isEqualTo(1.0 / 7);
        assertThat(second.asaSeconds()).isEqualTo(expected.asaSeconds());
        assertThat(second.ahtSeconds()).isEqualTo(expected.ahtSeconds());
        assertThat(second.abandonRate()).isEqualTo(expected.abandonRate());
        assertThat(second.revision()).isEqualTo(1);
        assertThat(second.isFinal()).isTrue();
    }

    @Test
    void aMissingBucketInsideTheRangeIsReturnedWithZerosAndNullRatios() {
        threeBaseBuckets();

        QueueIntervalRow gap = rows("from=2025-01-01T10:00:00Z&to=2025-01-01T11:00:00Z").get(2);

        assertThat(gap.intervalStart().toInstant()).isEqualTo(Instant.parse("2025-01-01T10:30:00Z"));
        assertThat(gap.intervalEnd().toInstant()).isEqualTo(Instant.parse("2025-01-01T10:45:00Z"));
        assertThat(gap.components()).isEqualTo(IntervalComponents.ZERO);
        assertThat(gap.serviceLevel()).isNull();
        assertThat(gap.asaSeconds()).isNull();
        assertThat(gap.revision()).isZero();
        // No watermark has passed 10:45, so an event may still land in 10:30-10:45.
        assertThat(gap.isFinal()).isFalse();
    }

    @Test
    void anHourIsTheSumOfItsBaseBucketsWithRevisionsSummedAndFinalOnlyWhenAllAre() {
        threeBaseBuckets();

        List<QueueIntervalRow> base = rows("from=2025-01-01T10:00:00Z&to=2025-01-01T11:00:00Z");
        List<QueueIntervalRow> hour = rows("from=2025-01-01T10:00:00Z&to=2025-01-01T11:00:00Z&granularity=PT1H");

        assertThat(hour).hasSize(1);
        IntervalComponents sum = IntervalComponents.sum(base.stream().map(QueueIntervalRow::components).toList());
        QueueIntervalRow h = hour.get(0);
        assertThat(h.components()).isEqualTo(sum);
        assertThat(h.intervalEnd().toInstant()).isEqualTo(Instant.parse("2025-01-01T11:00:00Z"));
        assertThat(h.serviceLevel()).isEqualTo(DerivedKpis.of(sum, ServiceLevelSettings.DEFAULTS).serviceLevel());
        assertThat(h.revision()).isEqualTo(6);
        assertThat(h.isFinal()).isFalse();
    }

    @Test
    void aBucketMissingBaseRowsIsFinalOnceTheWatermarkHasPassedItsEndNotBecauseALaterRowIsFinal() {
        queueRow("q1", "voice", "2025-01-01T10:00:00Z", 1, 1, 1, 0, 0, 0, 1000, 0, 0, 1, true);
        queueRow("q1", "voice", "2025-01-01T11:00:00Z", 1, 1, 1, 0, 0, 0, 1000, 0, 0, 1, true);
        String halfHours = "from=2025-01-01T10:00:00Z&to=2025-01-01T12:00:00Z&granularity=PT30M";

        List<Boolean> withoutWatermark = rows(halfHours).stream().map(QueueIntervalRow::isFinal).toList();
        watermark("2025-01-01T11:29:00Z");
        List<Boolean> withWatermark = rows(halfHours).stream().map(QueueIntervalRow::isFinal).toList();

        assertThat(withoutWatermark).containsExactly(false, false, false, false);
        assertThat(withWatermark).containsExactly(true, true, false, false);
    }

    @Test
    void aBucketWhoseLastBaseRowTheSweepMarkedFinalIsFinalWithoutAnyWatermark() {
        queueRow("q1", "voice", "2025-01-01T10:15:00Z", 1, 1, 1, 0, 0, 0, 1000, 0, 0, 2, true);

        List<QueueIntervalRow> rows = rows("from=2025-01-01T10:00:00Z&to=2025-01-01T11:00:00Z&granularity=PT30M");

        assertThat(rows).extracting(QueueIntervalRow::isFinal).containsExactly(true, false);
    }

    @Test
    void whenEverySourceIsIdleTheFurthestWatermarkStillDecidesFinality() {
        queueRow("q1", "voice", "2025-01-01T10:15:00Z", 1, 1, 1, 0, 0, 0, 1000, 0, 0, 2, true);
        jdbc.sql("INSERT INTO watermark (source, max_event_time, watermark, updated_at) VALUES ('idle', "
                + "'2025-01-01T12:05:00Z', '2025-01-01T12:00:00Z', now() - interval '2 hours')").update();

        List<QueueIntervalRow> rows = rows("from=2025-01-01T10:00:00Z&to=2025-01-01T11:00:00Z&granularity=PT30M");

        // A quiet night: no source is active, none holds finality back, and the hour stays final.
        assertThat(rows).extracting(QueueIntervalRow::isFinal).containsExactly(true, true);
    }

    /** One active watermark source at {@code iso}, lateness already subtracted. */
    private void watermark(String iso) {
        jdbc.sql("INSERT INTO watermark (source, max_event_time, watermark) VALUES ('events', :wm, :wm)")
                .param("wm", ts(iso)).update();
    }

    @Test
    void fromIsInclusiveAndToIsExclusive() {
        threeBaseBuckets();

        List<QueueIntervalRow> rows = rows("from=2025-01-01T10:15:00Z&to=2025-01-01T10:45:00Z");

        assertThat(rows).extracting(r -> r.intervalStart().toInstant())
                .containsExactly(Instant.parse("2025-01-01T10:15:00Z"), Instant.parse("2025-01-01T10:30:00Z"));
    }

    @Test
    void aRangeStartingMidBucketBeginsWithTheNextWholeBucket() {
        threeBaseBuckets();

        List<QueueIntervalRow> rows = rows("from=2025-01-01T10:05:00Z&to=2025-01-01T10:31:00Z");

        assertThat(rows).extracting(r -> r.intervalStart().toInstant())
                .containsExactly(Instant.parse("2025-01-01T10:15:00Z"), Instant.parse("2025-01-01T10:30:00Z"));
    }

    @Test
    void everyMediaTypeOfTheQueueIsZeroFilledAndMediaTypeFiltersThem() {
        threeBaseBuckets();
        queueRow("q1", "chat", "2024-12-01T00:00:00Z", 1, 1, 1, 0, 0, 0, 1000, 1, 1000, 1, true);

        List<QueueIntervalRow> all = rows("from=2025-01-01T10:00:00Z&to=2025-01-01T10:30:00Z");
        List<QueueIntervalRow> chat = rows("from=2025-01-01T10:00:00Z&to=2025-01-01T10:30:00Z&mediaType=CHAT");

        assertThat(all).extracting(QueueIntervalRow::mediaType).containsExactly("chat", "voice", "chat", "voice");
        assertThat(chat).extracting(QueueIntervalRow::mediaType).containsExactly("chat", "chat");
        assertThat(chat).allSatisfy(r -> assertThat(r.offered()).isZero());
    }

    @Test
    void aKnownQueueWithoutRowsHasNoIntervals() {
        jdbc.sql("INSERT INTO queue (queue_id, name) VALUES ('q1', 'Support')").update();

        assertThat(rows("from=2025-01-01T10:00:00Z&to=2025-01-01T11:00:00Z")).isEmpty();
    }

    @Test
    void gapFilledApiRowsReplaceEventRowsInsideARecordedGap() {
        threeBaseBuckets();
        jdbc.sql("""
                INSERT INTO queue_interval_api (queue_id, media_type, interval_start, interval_end, offered, revision)
                VALUES ('q1', 'voice', '2025-01-01T10:00:00Z', '2025-01-01T10:15:00Z', 99, 1)""").update();
        jdbc.sql("""
                INSERT INTO ingest_gap (source, gap_start, gap_end)
                VALUES ('websocket', '2025-01-01T10:05:00Z', '2025-01-01T10:10:00Z')""").update();

        assertThat(rows("from=2025-01-01T10:00:00Z&to=2025-01-01T10:15:00Z").get(0).offered()).isEqualTo(99);
    }

    @Test
    void longRangesArePagedByWholeBucketsWithANextLink() {
        threeBaseBuckets();
        String uri = "/api/v1/queues/q1/intervals?from=2025-01-01T10:00:00Z&to=2025-01-01T11:00:00Z&limit=3";

        List<QueueIntervalRow> paged = new ArrayList<>();
        int pages = 0;
        while (uri != null) {
            ResponseEntity<QueueIntervalRow[]> page = get(uri, READ_KEY).retrieve().toEntity(QueueIntervalRow[].class);
            assertThat(page.getBody().length).isLessThanOrEqualTo(3);
            paged.addAll(Arrays.asList(page.getBody()));
            String link = page.getHeaders().getFirst(HttpHeaders.LINK);
            uri = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            pages++;
        }

        assertThat(pages).isEqualTo(2);
        assertThat(paged).isEqualTo(rows("from=2025-01-01T10:00:00Z&to=2025-01-01T11:00:00Z"));
    }

    @Test
    void anUnchangedResultAnswers304ToItsEtagAndARestatementChangesIt() {
        threeBaseBuckets();
        String uri = "/api/v1/queues/q1/intervals?from=2025-01-01T10:00:00Z&to=2025-01-01T11:00:00Z";
        String etag = get(uri, READ_KEY).retrieve().toBodilessEntity().getHeaders().getETag();

        HttpStatus unchanged = (HttpStatus) get(uri, READ_KEY).header(HttpHeaders.IF_NONE_MATCH, etag)
                .retrieve().toBodilessEntity().getStatusCode();
        jdbc.sql("UPDATE queue_interval SET offered = offered + 1, revision = revision + 1 "
                + "WHERE interval_start = '2025-01-01T10:45:00Z'").update();
        ResponseEntity<Void> restated = get(uri, READ_KEY).header(HttpHeaders.IF_NONE_MATCH, etag)
                .retrieve().toBodilessEntity();

        assertThat(etag).startsWith("W/\"");
        assertThat(unchanged).isEqualTo(HttpStatus.NOT_MODIFIED);
        assertThat(restated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(restated.getHeaders().getETag()).isNotEqualTo(etag);
    }

    @Test
    void aSyncedGenesysThresholdDoesNotChangeStoredCountsButOverridesChangeTheDenominator() {
        queueRow("q1", "voice", "2025-01-01T10:00:00Z", 12, 10, 8, 2, 1, 0, 50_000, 10, 3_000_000, 3, true);
        jdbc.sql("INSERT INTO queue_media_sl (queue_id, media_type, sl_threshold_ms) VALUES ('q1', 'voice', 30000)")
                .update();
        ServiceLevelPolicy configured = ServiceLevelPolicy.builder()
                .global(ServiceLevelOverride.NONE.withExcludeShortAbandons(false)).build();
        publish(configured.layers());

        QueueIntervalRow row = rows("from=2025-01-01T10:00:00Z&to=2025-01-01T10:15:00Z").get(0);

        ServiceLevelSettings settings = configured.withSyncedThresholds(
                Map.of(new QueueMedia("q1", "voice"), Duration.ofSeconds(30))).resolve("q1", "voice");
        assertThat(row.serviceLevel()).isEqualTo(DerivedKpis.of(row.components(), settings).serviceLevel())
                .isEqualTo(8.0 / 12);
    }
}
