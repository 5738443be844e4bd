package io.streamvane.egress.wfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.egress.delivery.DeliveryEngine;
import io.streamvane.egress.delivery.DeliveryProperties;
import io.streamvane.egress.delivery.StoreFixture;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.testsupport.TestDatabases;
import io.streamvane.testsupport.webhook.WebhookReceiver;
import java.net.http.HttpClient;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent-activity feed (rows: AGENT) against a real HTTP receiver: per agent and interval, time in each routing
 * status and presence with the handle components; at least once with stable ids, a restatement sent again under its
 * new revision, a replay resending the same ids and bodies, and no queue row on the feed.
 */
class AgentActivityFeedTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final Instant T0 = Instant.parse("2025-03-04T09:00:00Z");
    static final JsonMapper JSON = JsonMapper.builder().build();

    StoreFixture store;
    WebhookReceiver receiver;
    DeliveryEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        store = new StoreFixture(TestDatabases.freshMigrated().dataSource());
        receiver = new WebhookReceiver(SECRET);
        store.exec("INSERT INTO app_user (user_id, name) VALUES ('u1', 'Ann'), ('u2', 'Bob')");
    }

    @AfterEach
    void tearDown() {
        if (engine != null) {
            engine.stop();
        }
        receiver.close();
    }

    DeliveryEngine engine(WfmProperties.Feed feed) {
        DeliveryProperties p = new DeliveryProperties(true, Duration.ofMillis(50), true, 500, 1000,
                Duration.ofMillis(100), Duration.ofMillis(400), DeliveryProperties.StartFrom.BEGINNING);
        engine = new DeliveryEngine(store.dataSource(), List.of(new WfmFeedSink(feed, HttpClient.newHttpClient(),
                Clock.systemUTC())), p, StoreFixture.intervals(), new SimpleMeterRegistry(), Clock.systemUTC());
        return engine;
    }

    WfmProperties.Feed feed(WfmProperties.Format format, List<WfmProperties.Column> columns) {
        return new WfmProperties.Feed("wfm-agents", receiver.url(), Granularity.PT15M, false, format, columns,
                new WfmProperties.Csv(true, ","), 1, SECRET, Map.of(), null, Duration.ofSeconds(5), true,
                WfmProperties.Rows.AGENT);
    }

    void agentRow(String user, Instant start, long idleMs, long onQueueMs, long breakMs, int revision) throws Exception {
        store.exec("INSERT INTO agent_interval (user_id, interval_start, interval_end, handled, handle_ms, talk_ms, "
                + "acw_ms, idle_ms, interacting_ms, off_queue_ms, presence_on_queue_ms, presence_break_ms, revision) "
                + "VALUES (?, ?, ?, 1, 300000, 240000, 60000, ?, 300000, ?, ?, ?, ?) ON CONFLICT (user_id, interval_start) "
                + "DO UPDATE SET idle_ms = excluded.idle_ms, off_queue_ms = excluded.off_queue_ms, "
                + "presence_on_queue_ms = excluded.presence_on_queue_ms, presence_break_ms = excluded.presence_break_ms, "
                + "revision = excluded.revision", user, Timestamp.from(start), Timestamp.from(start.plusSeconds(900)),
                idleMs, breakMs, onQueueMs, breakMs, revision);
        store.exec("INSERT INTO kpi_change_log (row_kind, user_id, interval_start, revision, is_final) "
                + "VALUES ('agent', ?, ?, ?, false)", user, Timestamp.from(start), revision);
    }

    static JsonNode data(WebhookReceiver.Received r) {
        return JSON.readTree(r.body()).get("data");
    }

    @Test
    void agentRowsArriveAtLeastOnceWithStableIdsAndARestatementUnderItsRevision() throws Exception {
        agentRow("u1", T0, 600_000, 900_000, 0, 1);
        agentRow("u2", T0, 0, 600_000, 300_000, 1);
        store.add("q1", "voice", T0, 10, 8, 6, 120_000, false);
        AtomicInteger refused = new AtomicInteger();
        receiver.answer = () -> refused.incrementAndGet() <= 2 ? new WebhookReceiver.Answer(503, null)
                : WebhookReceiver.Answer.OK;
        engine(feed(WfmProperties.Format.JSON, List.of())).start();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                store.count("SELECT count(*) FROM sink_delivery WHERE status = 'delivered'") == 2);

        assertThat(receiver.badSignatures.get()).isZero();
        assertThat(receiver.acceptedIds()).containsExactlyInAnyOrder("kpi_agent_u1_PT15M_20250304T0900Z_r1",
                "kpi_agent_u2_PT15M_20250304T0900Z_r1");
        JsonNode bob = receiver.accepted.stream().map(AgentActivityFeedTest::data)
                .filter(d -> d.get("userId").asString().equals("u2")).findFirst().orElseThrow();
        assertThat(JSON.readTree(receiver.accepted.get(0).body()).get("type").asString())
                .isEqualTo("agent.interval.updated");
        assertThat(bob.get("agentName").asString()).isEqualTo("Bob");
        assertThat(bob.get("presenceOnQueueSeconds").asLong()).isEqualTo(600);
        assertThat(bob.get("presenceBreakSeconds").asLong()).isEqualTo(300);
        assertThat(bob.get("offQueueMs").asLong()).isEqualTo(300_000);
        assertThat(bob.get("talkSeconds").asLong()).isEqualTo(240);
        assertThat(bob.get("utilization").asDouble()).isEqualTo(300_000.0 / 900_000);
        assertThat(bob.has("queueId")).isFalse();

        // The status clock or a late event restates Ann's quarter: sent again, under revision 2.
        agentRow("u1", T0, 500_000, 900_000, 0, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.acceptedIds()
                .contains("kpi_agent_u1_PT15M_20250304T0900Z_r2"));
        JsonNode restated = receiver.accepted.stream().filter(r -> r.id().endsWith("_r2")).map(AgentActivityFeedTest::data)
                .findFirst().orElseThrow();
        assertThat(restated.get("idleMs").asLong()).isEqualTo(500_000);
        assertThat(restated.get("revision").asInt()).isEqualTo(2);
        // The queue row went to no agent feed.
        assertThat(receiver.acceptedIds()).noneMatch(id -> id.contains("q1"));
    }

    @Test
    void aCsvAgentFeedMapsColumnsAndAReplayResendsTheSameBodies() throws Exception {
        agentRow("u1", T0, 600_000, 900_000, 0, 1);
        agentRow("u1", T0.plusSeconds(900), 0, 0, 900_000, 1);
        DeliveryEngine e = engine(feed(WfmProperties.Format.CSV, List.of(
                new WfmProperties.Column("Agent", "userId", null),
                new WfmProperties.Column("Date", "intervalDate", null),
                new WfmProperties.Column("Time", "intervalTime", null),
                new WfmProperties.Column("OnQueueSec", "presenceOnQueueSeconds", null),
                new WfmProperties.Column("BreakSec", "presenceBreakSeconds", null),
                new WfmProperties.Column("Handled", "handled", null),
                new WfmProperties.Column("Source", null, "streamvane"))));
        e.runOnce();
        assertThat(receiver.accepted).hasSize(2);
        assertThat(receiver.accepted.get(0).body()).isEqualTo(
                "Agent,Date,Time,OnQueueSec,BreakSec,Handled,Source\r\nu1,2025-03-04,09:00,900,0,1,streamvane\r\n");
        int n = e.store().replay("wfm-agents", e.sink("wfm-agents").shape(), T0, T0.plusSeconds(1800));
        assertThat(n).isEqualTo(2);
        e.runOnce();
        assertThat(receiver.accepted).hasSize(4);
        assertThat(receiver.accepted.get(2).id()).isEqualTo(receiver.accepted.get(0).id());
        assertThat(receiver.accepted.get(3).body()).isEqualTo(receiver.accepted.get(1).body());
    }
}
