package io.streamvane.engine.replay;

import static io.streamvane.engine.harness.Events.acdEnd;
import static io.streamvane.engine.harness.Events.acdStart;
import static io.streamvane.engine.harness.Events.acw;
import static io.streamvane.engine.harness.Events.routingStatus;
import static io.streamvane.engine.harness.Events.userEnd;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.engine.harness.EngineHarness;
import io.streamvane.engine.projection.RangeRestatement;
import io.streamvane.model.event.EventParser;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.QueueMetric;
import io.streamvane.model.kpi.ServiceLevelOverride;
import io.streamvane.model.kpi.ServiceLevelPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayTest {

    private static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");
    private static final Instant FROM = T0.minusSeconds(3600);
    private static final Instant TO = T0.plusSeconds(4 * 3600);
    private static final ServiceLevelPolicy STRICTER = ServiceLevelPolicy.builder()
            .global(new ServiceLevelOverride(Duration.ofSeconds(10), Duration.ofSeconds(4), null, null, null))
            .build();
    /** Every stored component of the catalogue, so a replay that misses one shows here. */
    private static final String QUEUE_ROWS = "SELECT queue_id, media_type, interval_start, "
            + String.join(", ", QueueMetric.components().stream().map(QueueMetric::column).toList())
            + " FROM queue_interval ORDER BY 1, 2, 3";
    private static final String AGENT_ROWS = "SELECT user_id, interval_start, handled, handle_ms, talk_ms, hold_ms, "
            + "acw_ms, idle_ms, interacting_ms, communicating_ms, not_responding_ms, off_queue_ms, other_ms "
            + "FROM agent_interval ORDER BY 1, 2";

    private final AtomicReference<ServiceLevelPolicy> policy = new AtomicReference<>();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private EngineHarness engine;
    private EngineHarness reference;

    @BeforeAll
    void databases() {
        engine = new EngineHarness(policy::get);
        reference = new EngineHarness(STRICTER);
    }

    @AfterAll
    void stop() {
        background.shutdownNow();
    }

    @BeforeEach
    void clean() throws Exception {
        engine.truncateAll();
        reference.truncateAll();
        policy.set(ServiceLevelPolicy.defaults());
    }

    private ReplayService replay(Duration chunk) {
        return new ReplayService(engine.transactions(),
                new RangeRestatement(Granularity.PT15M, policy::get, new EventParser()),
                new ReplayService.Settings(chunk, Duration.ofHours(12)), background, Clock.systemUTC());
    }

    /**
     * Answers with waits around the 20 s and 10 s thresholds, abandons around 10 s and 4 s, segments (some with the
     * dialing and contacting of outbound calls), statuses.
     */
    private static List<String> day(String prefix, int conversations) {
        List<String> events = new ArrayList<>();
        long[] waits = {3_000, 7_000, 12_000, 18_000, 25_000};
        for (int i = 0; i < conversations; i++) {
            String conv = prefix + i;
            String queue = i % 3 == 0 ? "q2" : "q1";
            Instant start = T0.plusSeconds(i * 97L % 7200);
            long wait = waits[i % waits.length];
            Instant end = start.plusMillis(wait);
            String outcome = i % 4 == 3 ? "ABANDON" : "ANSWERED";
            events.add(acdStart(conv, "s" + i, queue, "voice", start));
            events.add(acdEnd(conv, "s" + i, queue, "voice", end, outcome, wait));
            if (outcome.equals("ANSWERED")) {
                String user = "u" + (i % 3);
                Instant userEnd = end.plusSeconds(200 + i * 13L % 600);
                events.add(i % 5 == 1
                        ? userEnd(conv, "a" + i, user, queue, "voice", userEnd, 150_000 + i, 10_000, 3_000, 7_000)
                        : i % 5 == 2
                        ? userEnd(conv, "a" + i, user, queue, "voice", userEnd, 150_000 + i, 0, 4_000 + i,
                                i % 10 == 2 ? "CONSULT_TRANSFER" : "TRANSFER")
                        : userEnd(conv, "a" + i, user, queue, "voice", userEnd, 150_000 + i, 10_000));
                if (i % 7 == 0) {
                    events.add(userEnd(conv, "m" + i, "u" + ((i + 1) % 3), queue, "voice", end.minusSeconds(1), 0, 0,
                            15_000, "NO_ANSWER_TRANSFER"));
                }
                if (i % 2 == 0) {
                    events.add(acw(conv, "a" + i, user, queue, "voice", userEnd.plusSeconds(i * 31L % 900), 20_000));
                }
            }
        }
        for (int u = 0; u < 3; u++) {
            events.add(routingStatus("u" + u, "IDLE", T0.plusSeconds(u * 60L)));
            events.add(routingStatus("u" + u, "INTERACTING", T0.plusSeconds(1000 + u * 60L)));
            events.add(routingStatus("u" + u, "OFF_QUEUE", T0.plusSeconds(5000 + u * 60L)));
        }
        return events;
    }

    private void projectInChunks(EngineHarness e, List<String> events) throws Exception {
        for (int i = 0; i < events.size(); i += 7) {
            e.feed(events.subList(i, Math.min(events.size(), i + 7)));
            e.drain();
        }
    }

    private long changeLogRows() throws Exception {
        return (Long) engine.row("SELECT count(*) AS n FROM kpi_change_log").get("n");
    }

    private void assertEqualsReference() throws Exception {
        assertThat(engine.rows(QUEUE_ROWS)).isEqualTo(reference.rows(QUEUE_ROWS));
        assertThat(engine.rows(AGENT_ROWS)).isEqualTo(reference.rows(AGENT_ROWS));
    }

    @Test
    void afterAThresholdChangeTheReplayedRangeEqualsAFreshProjectionUnderTheNewSettings() throws Exception {
        List<String> events = day("c", 40);
        projectInChunks(engine, events);
        projectInChunks(reference, events);
        assertThat(engine.rows(QUEUE_ROWS)).isNotEqualTo(reference.rows(QUEUE_ROWS));
        long before = changeLogRows();

        policy.set(STRICTER);
        ReplayService.Progress done = replay(Duration.ofHours(1)).run(FROM, TO);

        assertEqualsReference();
        assertThat(done.status()).isEqualTo("done");
        assertThat(done.chunksDone()).isEqualTo(done.chunksTotal()).isEqualTo(5);
        // Only the rows whose SL components changed were restated: one change-log row and revision + 1 each.
        List<Map<String, Object>> restated = engine.rows("SELECT queue_id, interval_start, revision FROM kpi_change_log "
                + "WHERE id > " + lastIdBefore(before) + " ORDER BY id");
        assertThat(restated).hasSize((int) done.rowsChanged()).isNotEmpty();
        // An SL change touches no agent row.
        assertThat(restated).allSatisfy(r -> assertThat(r.get("queue_id")).isNotNull());
    }

    private long lastIdBefore(long rowsBefore) throws Exception {
        return (Long) engine.row("SELECT coalesce((SELECT id FROM kpi_change_log ORDER BY id OFFSET " + (rowsBefore - 1)
                + " LIMIT 1), 0) AS id").get("id");
    }

    @Test
    void replayingTwiceChangesNothingTheSecondTime() throws Exception {
        projectInChunks(engine, day("c", 30));
        policy.set(STRICTER);
        ReplayService service = replay(Duration.ofMinutes(45));
        assertThat(service.run(FROM, TO).rowsChanged()).isPositive();
        long logRows = changeLogRows();
        List<Map<String, Object>> revisions = engine.rows("SELECT queue_id, media_type, interval_start, revision "
                + "FROM queue_interval ORDER BY 1, 2, 3");

        ReplayService.Progress second = service.run(FROM, TO);

        assertThat(second.rowsChanged()).isZero();
        assertThat(changeLogRows()).isEqualTo(logRows);
        assertThat(engine.rows("SELECT queue_id, media_type, interval_start, revision FROM queue_interval "
                + "ORDER BY 1, 2, 3")).isEqualTo(revisions);
    }

    @Test
    void aReplayWithoutAnyChangeWritesNoChangeLogRow() throws Exception {
        projectInChunks(engine, day("c", 30));
        long logRows = changeLogRows();

        ReplayService.Progress done = replay(Duration.ofHours(2)).run(FROM, TO);

        assertThat(done.rowsChanged()).isZero();
        assertThat(changeLogRows()).isEqualTo(logRows);
    }

    @Test
    void aReplayRunningBesideLiveIngestionEndsEqualToTheReference() throws Exception {
        List<String> first = day("c", 40);
        List<String> live = day("live", 40);
        projectInChunks(engine, first);
        policy.set(STRICTER);
        ReplayService service = replay(Duration.ofMinutes(15));
        long id = service.start(FROM, TO);
        // Feed and project the live events while the replay works through its 20 chunks.
        for (int i = 0; i < live.size(); i += 3) {
            engine.feed(live.subList(i, Math.min(live.size(), i + 3)));
            engine.drain();
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> !service.progress(id).orElseThrow().status().equals("running"));
        engine.drain();

        List<String> all = new ArrayList<>(first);
        all.addAll(live);
        projectInChunks(reference, all);
        assertThat(service.progress(id).orElseThrow().status()).isEqualTo("done");
        assertEqualsReference();
    }

    @Test
    void replayRepairsHandleComponentsThatDriftedFromTheSegments() throws Exception {
        projectInChunks(engine, day("c", 20));
        projectInChunks(reference, day("c", 20));
        policy.set(STRICTER);
        engine.rows("UPDATE queue_interval SET handled = handled + 5, talk_ms = 0 WHERE queue_id = 'q1' RETURNING 1");
        engine.rows("UPDATE agent_interval SET idle_ms = 1 RETURNING 1");

        replay(Duration.ofHours(1)).run(FROM, TO);

        assertEqualsReference();
    }

    @Test
    void eventsStillInTheInboxAreLeftToTheLiveProjection() throws Exception {
        List<String> events = day("c", 20);
        projectInChunks(engine, events.subList(0, 40));
        engine.feed(events.subList(40, events.size()));
        policy.set(STRICTER);

        replay(Duration.ofHours(1)).run(FROM, TO);
        engine.drain();

        projectInChunks(reference, events);
        assertEqualsReference();
    }

    @Test
    void progressIsPersistedPerRun() throws Exception {
        ReplayService service = replay(Duration.ofHours(1));
        ReplayService.Progress done = service.run(T0.plusSeconds(60), T0.plusSeconds(2 * 3600 + 60));
        assertThat(service.progress(done.id())).contains(done);
        assertThat(done.from()).isEqualTo(T0);
        assertThat(done.to()).isEqualTo(T0.plusSeconds(2 * 3600 + 900));
        assertThat(done.chunksTotal()).isEqualTo(3);
        assertThat(done.finishedAt()).isNotNull();
        assertThat(service.progress(done.id() + 1000)).isEmpty();
    }
}
