package io.streamvane.egress.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.egress.EgressIntegrationTest;
import io.streamvane.model.kpi.Occupancy;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RealtimeAndAgentApiTest extends EgressIntegrationTest {

    @Test
    void queuesListsDimensionAndSeenQueuesWithTheirMediaTypes() {
        jdbc.sql("INSERT INTO queue (queue_id, name) VALUES ('q1', 'Support')").update();
        jdbc.sql("INSERT INTO queue_media_sl (queue_id, media_type, sl_threshold_ms) VALUES ('q1', 'chat', 60000)")
                .update();
        queueRow("q1", "voice", "2025-01-01T10:00:00Z", 1, 1, 1, 0, 0, 0, 1000, 0, 0, 1, true);
        queueRow("q2", "email", "2025-01-01T10:00:00Z", 1, 1, 1, 0, 0, 0, 1000, 0, 0, 1, true);

        QueueSummary[] queues = get("/api/v1/queues", READ_KEY).retrieve().body(QueueSummary[].class);

        assertThat(queues).containsExactly(new QueueSummary("q1", "Support", List.of("chat", "voice")),
                new QueueSummary("q2", "q2", List.of("email")));
    }

    @Test
    void realtimeCountsWaitingSessionsAndAgentsOnQueueAndAvailable() {
        jdbc.sql("INSERT INTO queue (queue_id, name) VALUES ('q1', 'Support')").update();
        Instant now = storeNow();
        jdbc.sql("""
                INSERT INTO acd_session (conversation_id, session_key, queue_id, media_type, started_at, ended_at)
                VALUES ('c1', 's1', 'q1', 'voice', :a, NULL), ('c2', 's2', 'q1', 'voice', :b, NULL),
                       ('c3', 's3', 'q1', 'voice', :b, :b)""")
                .param("a", java.sql.Timestamp.from(now.minusSeconds(95)))
                .param("b", java.sql.Timestamp.from(now.minusSeconds(10))).update();
        jdbc.sql("""
                INSERT INTO agent_state (user_id, presence, routing_status, active_queue_ids)
                VALUES ('u1', 'ON_QUEUE', 'IDLE', '{q1}'), ('u2', 'On Queue', 'INTERACTING', '{q1,q2}'),
                       ('u3', 'AVAILABLE', 'IDLE', '{q1}'), ('u4', 'ON_QUEUE', 'IDLE', '{q2}')""").update();

        QueueRealtime[] rt = get("/api/v1/queues/q1/realtime", READ_KEY).retrieve().body(QueueRealtime[].class);

        assertThat(rt).hasSize(1);
        assertThat(rt[0].mediaType()).isEqualTo("voice");
        assertThat(rt[0].waiting()).isEqualTo(2);
        assertThat(rt[0].longestWaitSeconds()).isBetween(94L, 120L);
        assertThat(rt[0].agentsOnQueue()).isEqualTo(2);
        assertThat(rt[0].agentsAvailable()).isEqualTo(1);
    }

    @Test
    void agentIntervalsRollUpAndDeriveOccupancyFromTheSharedDefinition() {
        jdbc.sql("""
                INSERT INTO agent_interval (user_id, interval_start, interval_end, handled, handle_ms, talk_ms,
                    hold_ms, acw_ms, idle_ms, interacting_ms, communicating_ms, revision, is_final)
                VALUES ('u1', '2025-01-01T10:00:00Z', '2025-01-01T10:15:00Z', 2, 600000, 500000, 0, 100000,
                        100000, 700000, 0, 2, true),
                       ('u1', '2025-01-01T10:15:00Z', '2025-01-01T10:30:00Z', 1, 300000, 200000, 50000, 50000,
                        300000, 500000, 100000, 1, true)""").update();

        AgentIntervalRow[] base = get("/api/v1/agents/u1/intervals?from=2025-01-01T10:00:00Z"
                + "&to=2025-01-01T11:00:00Z", READ_KEY).retrieve().body(AgentIntervalRow[].class);
        AgentIntervalRow[] hour = get("/api/v1/agents/u1/intervals?from=2025-01-01T10:00:00Z"
                + "&to=2025-01-01T11:00:00Z&granularity=PT1H", READ_KEY).retrieve().body(AgentIntervalRow[].class);

        assertThat(base).hasSize(4);
        assertThat(Arrays.stream(base).skip(2)).allSatisfy(r -> assertThat(r.handled()).isZero());
        assertThat(hour).hasSize(1);
        AgentIntervalRow h = hour[0];
        assertThat(h.handled()).isEqualTo(3);
        assertThat(h.handleMs()).isEqualTo(900_000);
        assertThat(h.ahtSeconds()).isEqualTo(300.0);
        assertThat(h.occupancy()).isEqualTo(Occupancy.of(1_200_000, 400_000, 100_000));
        assertThat(h.revision()).isEqualTo(3);
        assertThat(h.isFinal()).isFalse();
    }

    @Test
    void anAgentHalfHourWithAQuietSecondQuarterIsFinalByTheSameRuleAsAQueueRow() {
        jdbc.sql("""
                INSERT INTO agent_interval (user_id, interval_start, interval_end, handled, handle_ms, revision,
                    is_final)
                VALUES ('u1', '2025-01-01T10:00:00Z', '2025-01-01T10:15:00Z', 1, 60000, 1, true)""").update();
        String halfHour = "/api/v1/agents/u1/intervals?from=2025-01-01T10:00:00Z&to=2025-01-01T10:30:00Z"
                + "&granularity=PT30M";

        boolean before = get(halfHour, READ_KEY).retrieve().body(AgentIntervalRow[].class)[0].isFinal();
        jdbc.sql("INSERT INTO watermark (source, max_event_time, watermark) "
                + "VALUES ('events', '2025-01-01T10:35:00Z', '2025-01-01T10:30:00Z')").update();
        boolean after = get(halfHour, READ_KEY).retrieve().body(AgentIntervalRow[].class)[0].isFinal();

        assertThat(before).isFalse();
        assertThat(after).isTrue();
    }

    @Test
    void agentStateShowsPresenceRoutingStatusAndName() {
        jdbc.sql("INSERT INTO app_user (user_id, name) VALUES ('u1', 'Ann')").update();
        jdbc.sql("""
                INSERT INTO agent_state (user_id, presence, presence_time, routing_status, active_queue_ids)
                VALUES ('u1', 'ON_QUEUE', '2025-01-01T09:00:00Z', 'IDLE', '{q1}')""").update();

        AgentState s = get("/api/v1/agents/u1/state", READ_KEY).retrieve().body(AgentState.class);

        assertThat(s.name()).isEqualTo("Ann");
        assertThat(s.presence()).isEqualTo("ON_QUEUE");
        assertThat(s.routingStatus()).isEqualTo("IDLE");
        assertThat(s.presenceTime()).isEqualTo(Instant.parse("2025-01-01T09:00:00Z"));
        assertThat(s.activeQueueIds()).containsExactly("q1");
        assertThat(get("/api/v1/agents/nobody/state", READ_KEY).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void manyAgentsPerCallArePagedByWholeBucketsOfEveryAgentWithPresenceTime() {
        jdbc.sql("""
                INSERT INTO agent_interval (user_id, interval_start, interval_end, idle_ms, presence_on_queue_ms,
                    presence_break_ms, revision)
                VALUES ('u1', '2025-01-01T10:00:00Z', '2025-01-01T10:15:00Z', 900000, 600000, 300000, 1),
                       ('u2', '2025-01-01T10:15:00Z', '2025-01-01T10:30:00Z', 900000, 900000, 0, 1),
                       ('u3', '2025-01-02T10:15:00Z', '2025-01-02T10:30:00Z', 900000, 900000, 0, 1)""").update();
        String all = "/api/v1/agents/intervals?from=2025-01-01T10:00:00Z&to=2025-01-01T11:00:00Z&limit=4";

        var first = get(all, READ_KEY).retrieve().toEntity(AgentIntervalRow[].class);
        AgentIntervalRow[] rows = first.getBody();
        // Two agents have rows in the range (u3's is a day later): 4 rows are two buckets of each.
        assertThat(rows).extracting(AgentIntervalRow::userId).containsExactly("u1", "u1", "u2", "u2");
        assertThat(rows[0].presenceOnQueueMs()).isEqualTo(600_000);
        assertThat(rows[0].presenceBreakMs()).isEqualTo(300_000);
        assertThat(rows[1].presenceOnQueueMs()).isZero();
        // Logged in 15 minutes, interacting none of them; no logged-in time, no utilization.
        assertThat(rows[0].utilization()).isEqualTo(0.0);
        assertThat(rows[1].utilization()).isNull();
        String next = first.getHeaders().getFirst("Link");
        assertThat(next).contains("from=2025-01-01T10:30:00Z").endsWith("rel=\"next\"");

        AgentIntervalRow[] named = get("/api/v1/agents/intervals?from=2025-01-01T10:00:00Z&to=2025-01-01T10:30:00Z"
                + "&userId=u2&userId=u3&granularity=PT30M", READ_KEY).retrieve().body(AgentIntervalRow[].class);
        assertThat(named).extracting(AgentIntervalRow::userId).containsExactly("u2", "u3");
        assertThat(named[0].idleMs()).isEqualTo(900_000);
        assertThat(named[1].idleMs()).isZero();
        assertThat(get("/api/v1/agents/intervals?from=2025-01-01T10:00:00Z&to=2025-01-01T10:30:00Z&userId=nobody",
                READ_KEY).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void agentStatesAreListedInUserOrderByQueueAndPaged() {
        jdbc.sql("INSERT INTO app_user (user_id, name) VALUES ('u1', 'Ann'), ('u2', 'Bob'), ('u4', 'Dee')").update();
        jdbc.sql("""
                INSERT INTO agent_state (user_id, presence, routing_status, active_queue_ids)
                VALUES ('u1', 'ON_QUEUE', 'IDLE', '{q1}'), ('u2', 'BREAK', 'OFF_QUEUE', '{q2}'),
                       ('u3', 'ON_QUEUE', 'INTERACTING', '{q1,q2}')""").update();

        var page = get("/api/v1/agents/states?limit=2", READ_KEY).retrieve().toEntity(AgentState[].class);
        assertThat(page.getBody()).extracting(AgentState::userId).containsExactly("u1", "u2");
        assertThat(page.getHeaders().getFirst("Link")).contains("after=u2");
        AgentState[] rest = get("/api/v1/agents/states?limit=2&after=u2", READ_KEY).retrieve()
                .body(AgentState[].class);
        assertThat(rest).extracting(AgentState::userId).containsExactly("u3", "u4");
        assertThat(rest[1].presence()).isNull();
        AgentState[] q2 = get("/api/v1/agents/states?queueId=q2", READ_KEY).retrieve().body(AgentState[].class);
        assertThat(q2).extracting(AgentState::userId).containsExactly("u2", "u3");
        assertThat(get("/api/v1/agents/states?limit=0", READ_KEY).retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void anAgentsWorkPerQueueIsOneZeroFilledSeriesPerQueueAndMediaRolledUpLikeEveryRow() {
        jdbc.sql("INSERT INTO app_user (user_id, name) VALUES ('u1', 'Ann')").update();
        jdbc.sql("""
                INSERT INTO agent_queue_interval (user_id, queue_id, media_type, interval_start, interval_end, handled,
                    handle_ms, alerts, alert_ms, not_responding, transferred, blind_transferred, revision)
                VALUES ('u1', 'q1', 'voice', '2025-01-01T10:00:00Z', '2025-01-01T10:15:00Z', 2, 600000, 3, 30000, 1,
                        1, 1, 1),
                       ('u1', 'q1', 'voice', '2025-01-01T10:15:00Z', '2025-01-01T10:30:00Z', 1, 300000, 1, 5000, 0,
                        0, 0, 2),
                       ('u1', 'q2', 'chat', '2025-01-01T10:45:00Z', '2025-01-01T11:00:00Z', 1, 60000, 1, 1000, 0,
                        0, 0, 1)""").update();

        AgentQueueIntervalRow[] hour = get("/api/v1/agents/u1/queue-intervals?from=2025-01-01T10:00:00Z"
                + "&to=2025-01-01T11:00:00Z&granularity=PT1H", READ_KEY).retrieve().body(AgentQueueIntervalRow[].class);
        AgentQueueIntervalRow[] q1 = get("/api/v1/agents/u1/queue-intervals?from=2025-01-01T10:00:00Z"
                + "&to=2025-01-01T11:00:00Z&queueId=q1", READ_KEY).retrieve().body(AgentQueueIntervalRow[].class);

        assertThat(hour).extracting(AgentQueueIntervalRow::queueId).containsExactly("q1", "q2");
        assertThat(hour[0].handled()).isEqualTo(3);
        assertThat(hour[0].alerts()).isEqualTo(4);
        assertThat(hour[0].alertMs()).isEqualTo(35_000);
        assertThat(hour[0].notResponding()).isEqualTo(1);
        assertThat(hour[0].blindTransferred()).isEqualTo(1);
        assertThat(hour[0].ahtSeconds()).isEqualTo(300.0);
        assertThat(hour[0].revision()).isEqualTo(3);
        assertThat(hour[1].mediaType()).isEqualTo("chat");
        assertThat(q1).hasSize(4).extracting(AgentQueueIntervalRow::handled).containsExactly(2L, 1L, 0L, 0L);
        assertThat(get("/api/v1/agents/nobody/queue-intervals?from=2025-01-01T10:00:00Z&to=2025-01-01T11:00:00Z",
                READ_KEY).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(404);
    }
}
