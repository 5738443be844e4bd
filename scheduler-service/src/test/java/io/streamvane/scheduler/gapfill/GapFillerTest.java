package io.streamvane.scheduler.gapfill;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.scheduler.AggregatePayloads;
import io.streamvane.scheduler.AggregatePayloads.Bucket;
import io.streamvane.scheduler.FakeGenesys;
import io.streamvane.scheduler.StoreFixture;
import io.streamvane.scheduler.genesys.Analytics;
import io.streamvane.scheduler.genesys.GenesysClient;
import io.streamvane.scheduler.store.QueueAggregates;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GapFillerTest {

    private static final Pattern INTERVAL = Pattern.compile("\"interval\"\\s*:\\s*\"([^\"]+)\"");

    private final FakeGenesys fake = new FakeGenesys();
    private final StoreFixture store = new StoreFixture();

    @AfterEach
    void stop() {
        fake.close();
    }

    private GapFiller filler(GenesysClient client) {
        return new GapFiller(new QueueAggregates(client, Granularity.PT15M), store.intervals, store.jdbc, store.tx,
                GapFillSettings.defaults(), fake.clock);
    }

    private List<String> requestedIntervals() {
        return fake.server.findAll(postRequestedFor(urlEqualTo(Analytics.CONVERSATION_AGGREGATES))).stream()
                .map(LoggedRequest::getBodyAsString).map(b -> {
                    Matcher m = INTERVAL.matcher(b);
                    return m.find() ? m.group(1) : "?";
                }).toList();
    }

    @Test
    void threeDayBackfillIsCutIntoSeventyTwoHourRequests() {
        fake.server.stubFor(post(urlEqualTo(Analytics.CONVERSATION_AGGREGATES)).willReturn(okJson("{\"results\":[]}")));
        Instant from = Instant.parse("2026-02-27T00:00:00Z");
        long gap = store.gap(from, from.plus(Duration.ofDays(3)));

        GapFiller.Progress p = filler(fake.client()).fill(gap);

        assertThat(p).isEqualTo(new GapFiller.Progress(gap, "filled", 72, 72, 72));
        List<String> intervals = requestedIntervals();
        assertThat(intervals).hasSize(72).doesNotHaveDuplicates();
        assertThat(intervals.get(0)).isEqualTo("2026-02-27T00:00:00.000Z/2026-02-27T01:00:00.000Z");
        assertThat(intervals).allSatisfy(i -> assertThat(Analytics.parseInterval(i).duration()).isEqualTo(Duration.ofHours(1)));
        fake.server.verify(72, postRequestedFor(urlEqualTo(Analytics.CONVERSATION_AGGREGATES))
                .withRequestBody(containing("\"granularity\":\"PT15M\"")));
    }

    @Test
    void aCrashMidBackfillResumesAtTheFirstPendingChunk() {
        Instant from = Instant.parse("2026-03-01T00:00:00Z");
        long gap = store.gap(from, from.plus(Duration.ofHours(6)));
        fake.server.stubFor(post(urlEqualTo(Analytics.CONVERSATION_AGGREGATES)).atPriority(5).willReturn(okJson("{\"results\":[]}")));
        fake.server.stubFor(post(urlEqualTo(Analytics.CONVERSATION_AGGREGATES)).atPriority(1)
                .withRequestBody(containing("2026-03-01T03:00:00.000Z/")).willReturn(aResponse().withStatus(503)));

        GapFiller first = filler(fake.client(fake.properties().withMaxAttempts(1)));
        assertThat(first.fillPending()).containsExactly(new GapFiller.Progress(gap, "failed", 3, 6, 0));

        // A new process: nothing in memory, the outage is over.
        fake.server.resetRequests();
        fake.server.removeStub(fake.server.getStubMappings().stream()
                .filter(s -> s.getPriority() != null && s.getPriority() == 1).findFirst().orElseThrow());
        GapFiller.Progress resumed = filler(fake.client()).fill(gap);

        assertThat(resumed).isEqualTo(new GapFiller.Progress(gap, "filled", 6, 6, 3));
        assertThat(requestedIntervals()).containsExactly(
                "2026-03-01T03:00:00.000Z/2026-03-01T04:00:00.000Z",
                "2026-03-01T04:00:00.000Z/2026-03-01T05:00:00.000Z",
                "2026-03-01T05:00:00.000Z/2026-03-01T06:00:00.000Z");
    }

    @Test
    void apiFiguresReplaceEventsForIntervalsOverlappingTheGapAndSinksHearOfIt() {
        Instant t10 = Instant.parse("2026-03-02T10:00:00Z");
        Instant t1015 = t10.plus(Duration.ofMinutes(15));
        IntervalComponents partial = IntervalComponents.builder().offered(3).answered(2).answeredWithinSl(2).build();
        IntervalComponents truth = IntervalComponents.builder().offered(5).answered(4).answeredWithinSl(3).answerWaitMs(40_000)
                .abandoned(1).abandonWaitMs(9_000).handled(4).handleMs(800_000).talkMs(600_000).acwMs(200_000).build();
        store.eventRow("q-1", "voice", t10, partial, 4);
        store.eventRow("q-2", "chat", t1015, IntervalComponents.builder().offered(1).build(), 1);
        store.eventRow("q-1", "voice", t10.plus(Duration.ofHours(1)), partial, 1); // outside the gap: untouched
        long gap = store.gap(t10.plusSeconds(300), t10.plusSeconds(1200));
        fake.server.stubFor(post(urlEqualTo(Analytics.CONVERSATION_AGGREGATES)).willReturn(okJson(
                AggregatePayloads.response(List.of(new Bucket("q-1", "voice", new Interval(t10, t1015), truth))))));

        filler(fake.client()).fill(gap);

        List<Map<String, Object>> effective = store.jdbc.queryForList(
                "SELECT queue_id, interval_start, offered, answered_within_sl, handle_ms, revision, source "
                        + "FROM queue_interval_effective ORDER BY interval_start, queue_id");
        assertThat(effective).extracting(r -> r.get("queue_id") + "@" + ((java.sql.Timestamp) r.get("interval_start")).toInstant()
                        + " offered=" + r.get("offered") + " withinSl=" + r.get("answered_within_sl") + " handleMs=" + r.get("handle_ms")
                        + " rev=" + r.get("revision") + " " + r.get("source"))
                .containsExactly(
                        "q-1@2026-03-02T10:00:00Z offered=5 withinSl=3 handleMs=800000 rev=5 api",
                        "q-2@2026-03-02T10:15:00Z offered=0 withinSl=0 handleMs=0 rev=2 api",
                        "q-1@2026-03-02T11:00:00Z offered=3 withinSl=2 handleMs=0 rev=1 events");
        assertThat(store.jdbc.queryForList("SELECT queue_id || '/' || revision FROM kpi_change_log ORDER BY id", String.class))
                .containsExactlyInAnyOrder("q-1/5", "q-2/2");

        // Filling again with the same figures is idempotent: no new revisions, no change-log noise.
        store.jdbc.update("UPDATE ingest_gap SET status = 'open'");
        store.jdbc.update("DELETE FROM gap_fill_chunk");
        filler(fake.client()).fill(gap);
        assertThat(store.jdbc.queryForObject("SELECT count(*) FROM kpi_change_log", Integer.class)).isEqualTo(2);
    }

    @Test
    void aGapReachingIntoOpenIntervalsIsFilledOnlyUpToTheLastClosedOne() {
        fake.server.stubFor(post(urlEqualTo(Analytics.CONVERSATION_AGGREGATES)).willReturn(okJson("{\"results\":[]}")));
        // clock 12:00, closed lag 2 min: buckets up to 11:45 are closed.
        long gap = store.gap(Instant.parse("2026-03-02T10:30:00Z"), Instant.parse("2026-03-02T12:10:00Z"));

        GapFiller.Progress first = filler(fake.client()).fill(gap);
        assertThat(first.status()).isEqualTo("filling");
        assertThat(requestedIntervals()).containsExactly("2026-03-02T10:30:00.000Z/2026-03-02T11:30:00.000Z");

        fake.clock.advance(Duration.ofMinutes(30));
        GapFiller.Progress later = filler(fake.client()).fill(gap);
        assertThat(later).isEqualTo(new GapFiller.Progress(gap, "filled", 2, 2, 1));
        assertThat(requestedIntervals()).last().isEqualTo("2026-03-02T11:30:00.000Z/2026-03-02T12:15:00.000Z");
    }
}
