package io.streamvane.engine.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The agent-state (presence, routing status, active queues: last-writer-wins per field on event time) and queue
 * observation (latest value per queue × media × metric × qualifier) paths of the engine, fed ingress-style into
 * raw_event + engine_inbox and drained by the real {@code InboxConsumer}. Every scenario is applied in several
 * arrival orders, one event per drained batch and all in one batch, and must give the same tables.
 * Bodies follow {@code shared/genesys/interfaces.md} §2.9 and §2.11.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentStateAndObservationsHarnessTest {

    private static final String U1 = "6f0b5c1e-2d3a-4b8e-9f10-0a1b2c3d4e51";
    private static final String Q1 = "a1b2c3d4-1111-4f4f-9a9a-abcdefabcd01";
    private static final String Q2 = "a1b2c3d4-2222-4f4f-9a9a-abcdefabcd02";
    private static final String ON_QUEUE_ID = "e08eaf1b-ee47-4fa9-a231-1200e284798f";
    private static final String BREAK_ID = "3fd96123-badb-4f69-bc03-1b1ccc6d8014";
    private static final String AVAILABLE_ID = "6a3af858-942f-489d-9700-5f9bcdcdae9b";
    private static final Instant T0 = Instant.parse("2025-03-04T10:00:00Z");

    private EngineHarness engine;

    @BeforeAll
    void startEngine() {
        engine = new EngineHarness();
    }

    @BeforeEach
    void clean() throws Exception {
        engine.truncateAll();
    }

    // ------------------------------------------------------------------------------------------------------------
    // agent_state: last-writer-wins per field by event time
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void eachAgentStateFieldHoldsItsNewestValueByEventTimeWhateverOrderTheTopicsArriveIn() throws Exception {
        List<String> events = List.of(
                // 08:00 log-in: on queue, in Q1 and Q2, idle.
                activity(U1, "IDLE", T0.minusSeconds(7200), "ON_QUEUE", ON_QUEUE_ID, T0.minusSeconds(7200),
                        List.of(Q1, Q2), T0.minusSeconds(7200)),
                // 10:00 a call: interacting (routingStatus topic).
                routingStatus(U1, "INTERACTING", T0),
                // 10:04 the activity topic repeats the call's status and reports Q2 left at 09:30.
                activity(U1, "INTERACTING", T0, "ON_QUEUE", ON_QUEUE_ID, T0.minusSeconds(7200), List.of(Q1),
                        T0.minusSeconds(1800)),
                // 10:06 back to idle.
                routingStatus(U1, "IDLE", T0.plusSeconds(360)),
                // 10:10 break (presence topic, presence-definition spelling), 10:25 back on queue.
                presence(U1, "Break", BREAK_ID, T0.plusSeconds(600)),
                presence(U1, "OnQueue", ON_QUEUE_ID, T0.plusSeconds(1500)),
                // 10:26 Q2 joined again.
                activity(U1, "IDLE", T0.plusSeconds(360), "ON_QUEUE", ON_QUEUE_ID, T0.plusSeconds(1500),
                        List.of(Q2, Q1), T0.plusSeconds(1560)),
                // 10:30 the last routing status: interacting.
                routingStatus(U1, "INTERACTING", T0.plusSeconds(1800)));

        Map<String, Object> expected = Map.of(
                "routing_status", "INTERACTING", "routing_status_time", T0.plusSeconds(1800),
                "presence_time", T0.plusSeconds(1500),
                "active_queue_ids", List.of(Q1, Q2), "active_queue_ids_time", T0.plusSeconds(1560));

        for (List<String> order : orders(events)) {
            for (boolean oneBatch : new boolean[] {false, true}) {
                engine.truncateAll();
                apply(order, oneBatch);
                Map<String, Object> state = agentState(U1);
                // The newest presence is "on queue", stored in one spelling whichever the topic used (OnQueue here).
                assertThat(state).as("arrival order %s, one batch %s", order, oneBatch)
                        .containsAllEntriesOf(expected).containsEntry("presence", "ON_QUEUE");
            }
        }
    }

    @Test
    void anOlderEventArrivingAfterANewerOneChangesNoField() throws Exception {
        engine.feed(activity(U1, "IDLE", T0.plusSeconds(600), "ON_QUEUE", ON_QUEUE_ID, T0.plusSeconds(600),
                List.of(Q1), T0.plusSeconds(600)));
        engine.drain();
        Map<String, Object> before = agentState(U1);

        // Each field older than what is stored, through each topic.
        engine.feed(activity(U1, "INTERACTING", T0, "AWAY", null, T0, List.of(Q1, Q2), T0));
        engine.drain();
        engine.feed(routingStatus(U1, "OFF_QUEUE", T0.plusSeconds(599)));
        engine.drain();
        engine.feed(presence(U1, "Break", BREAK_ID, T0.plusSeconds(599)));
        engine.drain();

        assertThat(agentState(U1)).isEqualTo(before)
                .containsEntry("routing_status", "IDLE").containsEntry("presence", "ON_QUEUE")
                .containsEntry("active_queue_ids", List.of(Q1));
    }

    @Test
    void anActivityWithoutQueueChangeTimeOrdersItsActiveQueuesByItsOwnEventTime() throws Exception {
        engine.feed(activity(U1, "IDLE", T0, "ON_QUEUE", ON_QUEUE_ID, T0, List.of(Q1, Q2), T0));
        engine.drain();
        // Activities without dateActiveQueuesChanged (the simulator sends none): the list is as current as the
        // activity, so a newer one replaces it and an older one does not.
        engine.feed(activity(U1, "INTERACTING", T0.plusSeconds(60), "ON_QUEUE", ON_QUEUE_ID, T0, List.of(Q2), null));
        engine.feed(activity(U1, "IDLE", T0.plusSeconds(30), "ON_QUEUE", ON_QUEUE_ID, T0, List.of(Q1), null));
        engine.drain();

        assertThat(agentState(U1)).containsEntry("routing_status", "INTERACTING")
                .containsEntry("active_queue_ids", List.of(Q2));
    }

    // ------------------------------------------------------------------------------------------------------------
    // reporting.queue_realtime: agentsOnQueue / agentsAvailable (SPEC §2)
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void agentsOnQueueAndAvailableFollowPresenceActiveQueuesAndRoutingStatusWhateverTheOrder() throws Exception {
        Instant login = T0.minusSeconds(3600);
        List<String> events = new ArrayList<>(List.of(
                // Calls waiting on Q1 (voice, message) and Q2 (voice): the queues the view reports.
                Events.acdStart("c-1", "s-1", Q1, "voice", T0.plusSeconds(100)),
                Events.acdStart("c-2", "s-2", Q1, "message", T0.plusSeconds(110)),
                Events.acdStart("c-3", "s-3", Q2, "voice", T0.plusSeconds(120)),
                // u-1: on queue in Q1 and Q2, idle → on and available in both.
                activity(user(1), "IDLE", T0, "ON_QUEUE", ON_QUEUE_ID, login, List.of(Q1, Q2), login),
                // u-2: on queue in Q1, interacting → on Q1, not available.
                activity(user(2), "INTERACTING", T0, "ON_QUEUE", ON_QUEUE_ID, login, List.of(Q1), login),
                // u-3: idle routing status but presence Available (not on queue) → counted nowhere.
                activity(user(3), "IDLE", T0, "AVAILABLE", AVAILABLE_ID, login, List.of(Q1), login),
                // u-4: on queue in Q2 only, idle.
                activity(user(4), "IDLE", T0, "ON_QUEUE", ON_QUEUE_ID, login, List.of(Q2), login),
                // u-5: left Q1 at 09:30 (newer) — the older activity with Q1 active must not win.
                activity(user(5), "IDLE", T0, "ON_QUEUE", ON_QUEUE_ID, login, List.of(Q1), login),
                activity(user(5), "IDLE", T0, "ON_QUEUE", ON_QUEUE_ID, login, List.of(), T0.minusSeconds(1800)),
                // u-6: on queue at login, on break since 10:05 → counted nowhere.
                activity(user(6), "IDLE", T0, "ON_QUEUE", ON_QUEUE_ID, login, List.of(Q1, Q2), login),
                presence(user(6), "Break", BREAK_ID, T0.plusSeconds(300)),
                // u-7: routing status from its own topic: was idle, interacting since 10:02 → on Q1, not available.
                activity(user(7), "IDLE", T0, "ON_QUEUE", ON_QUEUE_ID, login, List.of(Q1), login),
                routingStatus(user(7), "INTERACTING", T0.plusSeconds(120)),
                // u-8: presence from the presence topic in the definitions' spelling (OnQueue), idle on Q1.
                activity(user(8), "IDLE", T0, "AVAILABLE", AVAILABLE_ID, login, List.of(Q1), login),
                presence(user(8), "OnQueue", ON_QUEUE_ID, T0.plusSeconds(200))));

        // Q1: u-1, u-2, u-7, u-8 on queue; u-1, u-8 idle. Q2: u-1, u-4 on queue and idle. Repeated per media.
        List<Map<String, Object>> expected = List.of(
                realtime(Q1, "message", 1, 4, 2), realtime(Q1, "voice", 1, 4, 2), realtime(Q2, "voice", 1, 2, 2));

        for (List<String> order : orders(events)) {
            for (boolean oneBatch : new boolean[] {false, true}) {
                engine.truncateAll();
                apply(order, oneBatch);
                assertThat(engine.rows("SELECT queue_id, media_type, waiting, agents_on_queue, agents_available "
                        + "FROM reporting.queue_realtime ORDER BY queue_id, media_type"))
                        .as("arrival order %s, one batch %s", order, oneBatch)
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // queue_observation: latest value per (queue, media, metric, qualifier)
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void queueObservationsKeepTheLatestValuePerQueueMediaMetricAndQualifierWhateverTheArrivalOrder()
            throws Exception {
        String instant1 = instant(T0.plusSeconds(900));
        String instant2 = instant(T0.plusSeconds(903));
        String instant3 = instant(T0.plusSeconds(905));
        List<String> events = List.of(
                // Instant observations (zero-width T/T interval), one message per change, at most 1/s.
                observations(Q1, "voice", instant1, metric("oWaiting", null, "{\"count\":3}"),
                        metric("oInteracting", null, "{\"count\":11}")),
                observations(Q1, "voice", instant2, metric("oWaiting", null, "{\"count\":2}"),
                        metric("oInteracting", null, "{\"count\":12}")),
                observations(Q1, "voice", instant3, metric("oWaiting", null, "{\"count\":1}")),
                observations(Q1, "message", instant2, metric("oWaiting", null, "{\"count\":7}")),
                // User metrics: a group without mediaType, qualified by routing status.
                observations(Q1, null, instant1, metric("oUserRoutingStatuses", "IDLE", "{\"count\":4}"),
                        metric("oUserRoutingStatuses", "INTERACTING", "{\"count\":2}"),
                        metric("oOnQueueUsers", "IDLE", "{\"count\":4}")),
                observations(Q1, null, instant3, metric("oUserRoutingStatuses", "IDLE", "{\"count\":3}"),
                        metric("oOnQueueUsers", "IDLE", "{\"count\":3}")),
                // Aggregate messages: running totals of the current 30-minute bucket; a new bucket supersedes.
                observations(Q1, "voice", "2025-03-04T09:30:00.000Z/2025-03-04T10:00:00.000Z",
                        metric("tAnswered", null, "{\"count\":42,\"sum\":903411,\"max\":61200,\"min\":800}"),
                        metric("oServiceLevel", null,
                                "{\"ratio\":0.8,\"numerator\":40,\"denominator\":50,\"target\":0.8}")),
                observations(Q1, "voice", "2025-03-04T10:00:00.000Z/2025-03-04T10:30:00.000Z",
                        metric("tAnswered", null, "{\"count\":5,\"sum\":101000,\"max\":40000,\"min\":3000}"),
                        metric("oServiceLevel", null,
                                "{\"ratio\":0.5,\"numerator\":3,\"denominator\":6,\"target\":0.8}")),
                observations(Q2, "voice", instant1, metric("oWaiting", null, "{\"count\":0}")));

        List<Map<String, Object>> expected = List.of(
                observation(Q1, "", "oOnQueueUsers", "IDLE", instant3, "{\"count\": 3}"),
                observation(Q1, "", "oUserRoutingStatuses", "IDLE", instant3, "{\"count\": 3}"),
                // Absent from the newest message: keeps its latest value (never "unchanged" as a delta).
                observation(Q1, "", "oUserRoutingStatuses", "INTERACTING", instant1, "{\"count\": 2}"),
                observation(Q1, "message", "oWaiting", "", instant2, "{\"count\": 7}"),
                observation(Q1, "voice", "oInteracting", "", instant2, "{\"count\": 12}"),
                observation(Q1, "voice", "oServiceLevel", "", "2025-03-04T10:00:00.000Z/2025-03-04T10:30:00.000Z",
                        "{\"ratio\": 0.5, \"target\": 0.8, \"numerator\": 3, \"denominator\": 6}"),
                observation(Q1, "voice", "oWaiting", "", instant3, "{\"count\": 1}"),
                observation(Q1, "voice", "tAnswered", "", "2025-03-04T10:00:00.000Z/2025-03-04T10:30:00.000Z",
                        "{\"max\": 40000, \"min\": 3000, \"sum\": 101000, \"count\": 5}"),
                observation(Q2, "voice", "oWaiting", "", instant1, "{\"count\": 0}"));

        for (List<String> order : orders(events)) {
            for (boolean oneBatch : new boolean[] {false, true}) {
                engine.truncateAll();
                apply(order, oneBatch);
                assertThat(engine.rows("SELECT queue_id, media_type, metric, qualifier, observation_interval, "
                        + "stats::text AS stats FROM queue_observation ORDER BY queue_id, media_type, metric, qualifier"))
                        .as("arrival order %s, one batch %s", order, oneBatch)
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void aRedeliveredObservationIsADuplicateAndAnOlderOneDoesNotOverwrite() throws Exception {
        String newer = observations(Q1, "voice", instant(T0.plusSeconds(10)), metric("oWaiting", null, "{\"count\":1}"));
        String older = observations(Q1, "voice", instant(T0.plusSeconds(5)), metric("oWaiting", null, "{\"count\":9}"));

        assertThat(engine.feed(newer, newer)).isEqualTo(1);
        engine.drain();
        assertThat(engine.feed(newer)).isZero();
        engine.feed(older);
        engine.drain();

        assertThat(engine.row("SELECT stats->>'count' AS waiting, observed_at FROM queue_observation"))
                .containsEntry("waiting", "1").containsEntry("observed_at", T0.plusSeconds(10));
    }

    // ------------------------------------------------------------------------------------------------------------

    /** The given order, its reverse, and three seeded shuffles. */
    private static List<List<String>> orders(List<String> events) {
        List<List<String>> orders = new ArrayList<>();
        orders.add(events);
        List<String> reversed = new ArrayList<>(events);
        Collections.reverse(reversed);
        orders.add(reversed);
        for (long seed : new long[] {1, 7, 42}) {
            List<String> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, new Random(seed));
            orders.add(shuffled);
        }
        return orders;
    }

    private void apply(List<String> order, boolean oneBatch) throws Exception {
        if (oneBatch) {
            engine.feed(order);
            engine.drain();
        } else {
            for (String event : order) {
                engine.feed(event);
                engine.drain();
            }
        }
        assertThat(engine.rows("SELECT seq FROM engine_inbox")).isEmpty();
    }

    private Map<String, Object> agentState(String user) throws Exception {
        Map<String, Object> row = new LinkedHashMap<>(engine.row("SELECT presence, presence_time, routing_status, "
                + "routing_status_time, active_queue_ids, active_queue_ids_time FROM agent_state WHERE user_id = '"
                + user + "'"));
        row.put("active_queue_ids", Arrays.asList((Object[]) ((Array) row.get("active_queue_ids")).getArray()));
        return row;
    }

    private static String user(int n) {
        return "6f0b5c1e-2d3a-4b8e-9f10-0a1b2c3d4e" + (50 + n);
    }

    private static Map<String, Object> realtime(String queue, String media, long waiting, long onQueue,
            long available) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("queue_id", queue);
        row.put("media_type", media);
        row.put("waiting", waiting);
        row.put("agents_on_queue", onQueue);
        row.put("agents_available", available);
        return row;
    }

    private static Map<String, Object> observation(String queue, String media, String metric, String qualifier,
            String interval, String stats) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("queue_id", queue);
        row.put("media_type", media);
        row.put("metric", metric);
        row.put("qualifier", qualifier);
        row.put("observation_interval", interval);
        row.put("stats", stats);
        return row;
    }

    // Bodies per interfaces.md §2.11 (user topics) and §2.9 (queue observations).

    private static String routingStatus(String user, String status, Instant start) {
        return notification("v2.users." + user + ".routingStatus",
                "{\"id\":\"" + user + "\",\"routingStatus\":{\"status\":\"" + status + "\",\"startTime\":\""
                        + iso(start) + "\"}}");
    }

    private static String presence(String user, String systemPresence, String definitionId, Instant modified) {
        return notification("v2.users." + user + ".presence",
                "{\"source\":\"PURECLOUD\",\"presenceDefinition\":{\"id\":\"" + definitionId
                        + "\",\"systemPresence\":\"" + systemPresence + "\"},\"primary\":true,\"message\":\"\","
                        + "\"modifiedDate\":\"" + iso(modified) + "\"}");
    }

    private static String activity(String user, String status, Instant statusStart, String systemPresence,
            String definitionId, Instant presenceModified, List<String> activeQueues, Instant queuesChanged) {
        String definition = definitionId == null ? "{\"systemPresence\":\"" + systemPresence + "\"}"
                : "{\"id\":\"" + definitionId + "\",\"systemPresence\":\"" + systemPresence + "\"}";
        String queues = activeQueues.stream().map(q -> "\"" + q + "\"").collect(Collectors.joining(",", "[", "]"));
        return notification("v2.users." + user + ".activity",
                "{\"id\":\"" + user + "\",\"routingStatus\":{\"status\":\"" + status + "\",\"startTime\":\""
                        + iso(statusStart) + "\"},\"presence\":{\"presenceDefinition\":" + definition
                        + ",\"presenceMessage\":\"\",\"modifiedDate\":\"" + iso(presenceModified) + "\"},"
                        + "\"outOfOffice\":{\"active\":false,\"modifiedDate\":\"2025-02-01T00:00:00.000Z\"},"
                        + "\"activeQueueIds\":" + queues
                        + (queuesChanged == null ? "" : ",\"dateActiveQueuesChanged\":\"" + iso(queuesChanged) + "\"")
                        + "}");
    }

    private static String observations(String queue, String media, String interval, String... metrics) {
        String group = media == null ? "{\"queueId\":\"" + queue + "\"}"
                : "{\"queueId\":\"" + queue + "\",\"mediaType\":\"" + media + "\"}";
        return notification("v2.analytics.queues." + queue + ".observations",
                "{\"group\":" + group + ",\"data\":[{\"interval\":\"" + interval + "\",\"metrics\":["
                        + String.join(",", metrics) + "]}]}");
    }

    private static String metric(String name, String qualifier, String stats) {
        return "{\"metric\":\"" + name + "\"" + (qualifier == null ? "" : ",\"qualifier\":\"" + qualifier + "\"")
                + ",\"stats\":" + stats + "}";
    }

    private static String instant(Instant t) {
        return iso(t) + "/" + iso(t);
    }

    /** Genesys' millisecond ISO form, e.g. {@code 2025-03-04T10:15:00.000Z}. */
    private static String iso(Instant t) {
        return java.time.format.DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .replaceFirst("(\\d\\d:\\d\\d:\\d\\d)Z$", "$1.000Z");
    }

    private static String notification(String topic, String body) {
        return "{\"topicName\":\"" + topic + "\",\"version\":\"2\",\"eventBody\":" + body
                + ",\"metadata\":{\"CorrelationId\":\"7c3e1a52-0d4b-4e0a-8f7e-3b2c1d0e9f88\"}}";
    }
}
