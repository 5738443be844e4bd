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
}
