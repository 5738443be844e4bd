package io.streamvane.scheduler.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.Interval;
import io.streamvane.scheduler.RecordingSleeper;
import io.streamvane.scheduler.agents.UserAggregates;
import io.streamvane.scheduler.genesys.GenesysClient;
import io.streamvane.scheduler.genesys.GenesysProperties;
import io.streamvane.scheduler.observe.ObservationPoll;
import io.streamvane.scheduler.reference.ReferenceSync;
import io.streamvane.simulator.api.FakeApiSettings;
import io.streamvane.simulator.api.FakeGenesysApi;
import io.streamvane.simulator.faults.FaultConfig;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The observation poll and the user-aggregates job against the simulator's fake Genesys and the engine's state. */
class SimulatedJobsTest {

    static final List<UserAggregates.Pass> PASSES = List.of(
            new UserAggregates.Pass("T+1h", Duration.ofHours(1)), new UserAggregates.Pass("T+48h", Duration.ofHours(48)));

    private static GenesysClient client(FakeGenesysApi api) {
        return new GenesysClient(GenesysProperties.forBaseUrl(api.baseUrl(), FakeApiSettings.DEFAULT_CLIENT_ID,
                FakeApiSettings.DEFAULT_CLIENT_SECRET), Clock.systemUTC(), new RecordingSleeper());
    }

    @Test
    void observationPollStoresGenesysStateAndExpiresOnlyStaleWaitingSessions() throws Exception {
        SimulatedDay day = new SimulatedDay(FaultConfig.none());
        Instant now = SimulatedDay.START.plus(Duration.ofMinutes(95)).plusMillis(13_500);
        day.ingestAndProject(now);
        try (FakeGenesysApi api = FakeGenesysApi.start(day.run, FakeApiSettings.defaults().withSimulationNow(() -> now))) {
            GenesysClient client = client(api);
            JsonMapper json = JsonMapper.builder().build();
            new ReferenceSync(client, day.store.jdbc, day.store.tx, json, 100, SimulatedDay.CLOCK).run();
            String queue = day.run.config().queues().get(0).id();
            // A contact whose acd.end was lost (waiting for 10 minutes in the events, unknown to Genesys), and one
            // that started 30 s ago (its acd.start may simply be ahead of Genesys's view): only the first goes.
            session(day, "lost-end", queue, now.minus(Duration.ofMinutes(10)));
            session(day, "just-arrived", queue, now.minus(Duration.ofSeconds(30)));
            long waitingBefore = waiting(day);

            ObservationPoll.Result r = new ObservationPoll(client, day.store.jdbc, day.store.tx, json,
                    Clock.fixed(now, ZoneOffset.UTC), Duration.ofMinutes(2), 100).run();

            assertThat(r.queues()).isEqualTo(2);
            assertThat(r.apiRequests()).isEqualTo(1);
            assertThat(r.sessionsExpired()).isEqualTo(1);
            assertThat(api.requestLog().count("POST " + FakeGenesysApi.QUEUE_OBSERVATIONS)).isEqualTo(1);
            assertThat(day.store.jdbc.queryForObject("SELECT expired FROM acd_session WHERE conversation_id = 'lost-end'",
                    Boolean.class)).isTrue();
            assertThat(waiting(day)).isEqualTo(waitingBefore - 1);
            // After the correction, the event-derived waiting count per queue x media equals Genesys's oWaiting
            // (the 30-second-old unknown contact aside).
            List<Map<String, Object>> obs = day.store.jdbc.queryForList("""
                    SELECT o.queue_id, o.media_type, (o.stats->>'count')::bigint AS api_waiting,
                           (SELECT count(*) FROM acd_session s WHERE s.queue_id = o.queue_id AND s.media_type = o.media_type
                              AND s.ended_at IS NULL AND NOT s.expired AND s.conversation_id <> 'just-arrived') AS events_waiting
                    FROM queue_observation o WHERE o.metric = 'oWaiting'""");
            assertThat(obs).hasSize(4);
            assertThat(obs).allSatisfy(o -> assertThat(o.get("events_waiting")).isEqualTo(
                    o.get("api_waiting") == null ? 0L : o.get("api_waiting")));
            assertThat(day.store.jdbc.queryForObject("SELECT count(*) FROM queue_observation WHERE media_type = '' "
                    + "AND metric = 'oOnQueueUsers'", Integer.class)).isPositive();
            System.out.printf("observation poll: %s, waiting per queue x media %s%n", r, obs);
        }
    }

    @Test
    void userAggregatesStoreGenesysTimeInStatusBesideTheEvents() throws Exception {
        SimulatedDay day = new SimulatedDay(FaultConfig.none());
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        day.ingestAndProject();
        // The finality sweep counts every agent's current state up to the watermark; here up to the model's end.
        Instant horizon = day.endOfAgentData();
        day.advanceStatusClock(horizon);
        try (FakeGenesysApi api = FakeGenesysApi.start(day.run, FakeApiSettings.defaults())) {
            GenesysClient client = client(api);
            new ReferenceSync(client, day.store.jdbc, day.store.tx, JsonMapper.builder().build(), 100,
                    SimulatedDay.CLOCK).run();
            UserAggregates job = new UserAggregates(client, day.store.jdbc, day.store.tx,
                    Clock.fixed(SimulatedDay.START.plus(Duration.ofDays(1)), ZoneOffset.UTC), Granularity.PT15M,
                    PASSES, Duration.ofHours(1), Duration.ofDays(2), 100, meters);
            long requests = 0;
            long driftCounted = 0;
            for (Instant h = SimulatedDay.START; h.isBefore(horizon); h = h.plus(Duration.ofHours(1))) {
                UserAggregates.Result r = job.fetch(new Interval(h, h.plus(Duration.ofHours(1))), "T+1h");
                requests += r.apiRequests();
                driftCounted += r.driftRows();
            }
            assertThat(api.requestLog().count("POST " + FakeGenesysApi.USER_AGGREGATES)).isEqualTo(requests);
            int rows = day.store.jdbc.queryForObject("SELECT count(*) FROM agent_status_drift WHERE interval_start < ?",
                    Integer.class, Timestamp.from(horizon));
            List<Map<String, Object>> drift = day.store.jdbc.queryForList("SELECT * FROM agent_status_drift "
                    + "WHERE interval_start < ? AND api_ms IS DISTINCT FROM coalesce(events_ms, 0) "
                    + "ORDER BY user_id, interval_start, metric, qualifier", Timestamp.from(horizon));
            // The other way round: time the events have and Genesys does not, per agent, interval and metric.
            List<Map<String, Object>> unreported = day.store.jdbc.queryForList("""
                    SELECT e.user_id, e.interval_start, x.metric, x.events_ms, coalesce(sum(a.value_ms), 0) AS api_ms
                    FROM agent_interval e
                    CROSS JOIN LATERAL (VALUES ('tAgentRoutingStatus', e.idle_ms + e.interacting_ms
                            + e.communicating_ms + e.not_responding_ms + e.off_queue_ms + e.other_ms),
                        ('tSystemPresence', e.presence_available_ms + e.presence_away_ms + e.presence_busy_ms
                            + e.presence_offline_ms + e.presence_idle_ms + e.presence_on_queue_ms + e.presence_meal_ms
                            + e.presence_training_ms + e.presence_meeting_ms + e.presence_break_ms
                            + e.presence_other_ms)) AS x(metric, events_ms)
                    LEFT JOIN agent_interval_api a ON a.user_id = e.user_id AND a.interval_start = e.interval_start
                        AND a.metric = x.metric
                    WHERE e.interval_start < ?
                    GROUP BY e.user_id, e.interval_start, x.metric, x.events_ms
                    HAVING x.events_ms <> coalesce(sum(a.value_ms), 0)""", Timestamp.from(horizon));
            System.out.printf("user aggregates: %d requests, %d status and presence rows before %s, %d with drift, "
                    + "%d agent rows with time Genesys lacks%s%n", requests, rows, horizon, drift.size(),
                    unreported.size(), drift.stream().limit(5).toList());
            assertThat(drift).isEmpty();
            assertThat(unreported).isEmpty();
            assertThat(driftCounted).isZero();
            // A row the events got wrong is drift, counted by metric when its range is fetched again.
            Instant first = SimulatedDay.START.plus(Duration.ofHours(2));
            day.store.jdbc.update("UPDATE agent_interval SET presence_on_queue_ms = presence_on_queue_ms + 1000 "
                    + "WHERE interval_start = ? AND presence_on_queue_ms > 0", Timestamp.from(first));
            UserAggregates.Result again = job.fetch(new Interval(first, first.plus(Duration.ofHours(1))), "T+48h");
            assertThat(again.driftRows()).isPositive();
            assertThat(meters.counter("streamvane.scheduler.agent.drift", "pass", "T+48h", "metric", "tSystemPresence")
                    .count()).isEqualTo(again.driftRows());
            assertThat(rows).isGreaterThan(100);
            assertThat(day.store.jdbc.queryForObject("SELECT count(*) FROM agent_interval_api WHERE metric = 'tSystemPresence'",
                    Integer.class)).isPositive();
            // Per agent and bucket, time in routing status and in presence never exceeds the bucket.
            assertThat(day.store.jdbc.queryForObject("SELECT coalesce(max(t), 0) FROM (SELECT sum(value_ms) AS t "
                    + "FROM agent_interval_api GROUP BY user_id, interval_start, metric) x", Long.class)).isLessThanOrEqualTo(900_000L);
            // Re-fetching replaces, never duplicates.
            int before = day.store.jdbc.queryForObject("SELECT count(*) FROM agent_interval_api", Integer.class);
            job.fetch(new Interval(SimulatedDay.START, SimulatedDay.START.plus(Duration.ofHours(1))), "T+1h");
            assertThat(day.store.jdbc.queryForObject("SELECT count(*) FROM agent_interval_api", Integer.class)).isEqualTo(before);
            // A scheduled run goes through both passes of the reconciliation, each from its own cursor.
            job.run();
            assertThat(day.store.jdbc.queryForList("SELECT pass, reconciled_until FROM reconcile_cursor "
                    + "WHERE pass LIKE 'user-aggregates %' ORDER BY pass")).extracting(m -> m.get("pass") + " "
                    + ((Timestamp) m.get("reconciled_until")).toInstant()).containsExactly(
                    "user-aggregates T+1h " + SimulatedDay.START.plus(Duration.ofHours(23)),
                    "user-aggregates T+48h " + SimulatedDay.START.minus(Duration.ofDays(1)));
        }
    }

    /**
     * A deployment that starts mid-day: the stream only says when states change, so without the users API an agent
     * who keeps a state from before the start has no time in it until its next change. The reference sync reads every
     * agent's current state and since when (expand=presence,routingStatus) and stores it as an activity event: from
     * the start on, time in status then equals Genesys' in every row.
     */
    @Test
    void theUsersApiGivesEveryAgentsStateSoTimeInStatusIsRightFromTheStartOfADeployment() throws Exception {
        Instant start = SimulatedDay.START.plus(Duration.ofHours(2));
        long[] drift = new long[2];
        for (boolean seeded : new boolean[] {false, true}) {
            SimulatedDay day = new SimulatedDay(FaultConfig.none());
            Instant horizon = day.endOfAgentData();
            // Genesys as it stood at the deployment's start, for the reference sync ...
            try (FakeGenesysApi then = FakeGenesysApi.start(day.run,
                    FakeApiSettings.defaults().withSimulationNow(() -> start))) {
                ReferenceSync.Result sync = new ReferenceSync(client(then), day.store.jdbc, day.store.tx,
                        JsonMapper.builder().build(), 100, SimulatedDay.CLOCK).run();
                if (!seeded) {
                    day.store.jdbc.update("DELETE FROM engine_inbox");
                    day.store.jdbc.update("DELETE FROM raw_event WHERE source = ?", ReferenceSync.STATE_SOURCE);
                } else {
                    assertThat(sync.agentStates()).isEqualTo(16);
                }
            }
            day.ingestAndProject(start, Instant.MAX);
            day.advanceStatusClock(horizon);
            // ... and at the end of the day, for the user aggregates.
            try (FakeGenesysApi later = FakeGenesysApi.start(day.run, FakeApiSettings.defaults())) {
                UserAggregates job = new UserAggregates(client(later), day.store.jdbc, day.store.tx,
                        Clock.fixed(SimulatedDay.START.plus(Duration.ofDays(1)), ZoneOffset.UTC), Granularity.PT15M,
                        PASSES, Duration.ofHours(1), Duration.ofDays(2), 100, new SimpleMeterRegistry());
                for (Instant h = start; h.isBefore(horizon); h = h.plus(Duration.ofHours(1))) {
                    drift[seeded ? 1 : 0] += job.fetch(new Interval(h, h.plus(Duration.ofHours(1))), "T+1h").driftRows();
                }
            }
        }
        System.out.printf("deployment at %s: %d drift rows without the users API's states, %d with them%n", start,
                drift[0], drift[1]);
        assertThat(drift[0]).isPositive();
        assertThat(drift[1]).isZero();
    }

    private static void session(SimulatedDay day, String conversation, String queue, Instant started) {
        day.store.jdbc.update("INSERT INTO acd_session (conversation_id, session_key, queue_id, media_type, started_at) "
                + "VALUES (?, 's1', ?, 'voice', ?)", conversation, queue, Timestamp.from(started));
    }

    private static long waiting(SimulatedDay day) {
        return day.store.jdbc.queryForObject("SELECT count(*) FROM acd_session WHERE ended_at IS NULL AND NOT expired",
                Long.class);
    }
}
