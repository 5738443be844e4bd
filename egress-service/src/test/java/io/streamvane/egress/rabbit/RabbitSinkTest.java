package io.streamvane.egress.rabbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.egress.delivery.DeliveryEngine;
import io.streamvane.egress.delivery.DeliveryProperties;
import io.streamvane.egress.delivery.StoreFixture;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.testsupport.TestBroker;
import io.streamvane.testsupport.TestBrokers;
import io.streamvane.testsupport.TestDatabases;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

class RabbitSinkTest {

    static final Instant T0 = Instant.parse("2025-03-04T09:00:00Z");

    TestBroker broker;
    StoreFixture store;
    CachingConnectionFactory sinkConnections;
    CachingConnectionFactory testConnections;
    DeliveryEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        broker = TestBrokers.fresh();
        store = new StoreFixture(TestDatabases.freshMigrated().dataSource());
        RabbitSinkProperties props = new RabbitSinkProperties(true, "rabbitmq", URI.create(broker.amqpUri()),
                "streamvane.kpi", Granularity.PT15M, false, 100, Duration.ofSeconds(5), true);
        sinkConnections = RabbitSink.connectionFactory(props);
        testConnections = new CachingConnectionFactory(URI.create(broker.amqpUri()));
        DeliveryProperties p = new DeliveryProperties(true, Duration.ofMillis(50), false, 500, 1000,
                Duration.ofMillis(100), Duration.ofMillis(300), DeliveryProperties.StartFrom.BEGINNING);
        engine = new DeliveryEngine(store.dataSource(), List.of(new RabbitSink(props, sinkConnections, Clock.systemUTC())),
                p, StoreFixture.intervals(), new SimpleMeterRegistry(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        sinkConnections.destroy();
        testConnections.destroy();
    }

    void bindQueue(String name) {
        bindQueue(name, "kpi.queue.#");
    }

    void bindQueue(String name, String pattern) {
        RabbitAdmin admin = new RabbitAdmin(testConnections);
        TopicExchange x = new TopicExchange("streamvane.kpi", true, false);
        admin.declareExchange(x);
        Queue q = new Queue(name, true);
        admin.declareQueue(q);
        admin.declareBinding(BindingBuilder.bind(q).to(x).with(pattern));
    }

    long delivered() throws Exception {
        return store.count("SELECT count(*) FROM sink_delivery WHERE status = 'delivered'");
    }

    /**
     * The message ids in the queue: waits (generously) for {@code expected} distinct ids, then takes whatever else is
     * there without waiting. Every message was confirmed by the broker before its delivery was marked delivered, so
     * nothing more can still be on its way; no guess at the broker's speed decides what is "all".
     */
    Set<String> drain(String queue, int expected) {
        RabbitTemplate t = new RabbitTemplate(testConnections);
        Set<String> ids = new HashSet<>();
        Message m;
        while (ids.size() < expected && (m = t.receive(queue, 30_000)) != null) {
            ids.add(m.getMessageProperties().getMessageId());
        }
        while ((m = t.receive(queue)) != null) {
            ids.add(m.getMessageProperties().getMessageId());
        }
        return ids;
    }

    @Test
    void confirmedMessagesCarryIdRoutingKeyAndProperties() throws Exception {
        bindQueue("wfm");
        store.add("q1", "voice", T0, 10, 8, 6, 1000, true);
        store.add("q2", "chat", T0, 1, 1, 1, 1000, false);
        engine.runOnce();
        assertThat(delivered()).isEqualTo(2);
        Message m = new RabbitTemplate(testConnections).receive("wfm", 30_000);
        assertThat(m).isNotNull();
        assertThat(m.getMessageProperties().getMessageId()).isEqualTo("kpi_q1_voice_PT15M_20250304T0900Z_r1");
        assertThat(m.getMessageProperties().getReceivedRoutingKey()).isEqualTo("kpi.queue.q1.voice.PT15M");
        assertThat(m.getMessageProperties().getContentType()).isEqualTo("application/json");
        assertThat(m.getMessageProperties().getReceivedDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
        assertThat(m.getMessageProperties().getType()).isEqualTo("queue.interval.finalized");
        assertThat(m.getMessageProperties().getTimestamp()).isNotNull();
        assertThat(new String(m.getBody())).contains("\"offered\":10").contains("\"revision\":1");
    }

    @Test
    void agentRowsArePublishedWithTheirOwnKeyAndARestatementIsSentAgainUnderItsRevision() throws Exception {
        bindQueue("agents", "kpi.agent.#");
        store.exec("INSERT INTO app_user (user_id, name) VALUES ('u1', 'Ann')");
        store.exec("INSERT INTO agent_interval (user_id, interval_start, interval_end, handled, handle_ms, idle_ms, "
                + "presence_on_queue_ms, revision) VALUES ('u1', ?, ?, 2, 600000, 300000, 900000, 1)",
                java.sql.Timestamp.from(T0), java.sql.Timestamp.from(T0.plusSeconds(900)));
        store.agentChange("u1", T0);
        engine.runOnce();
        assertThat(delivered()).isEqualTo(1);
        RabbitTemplate t = new RabbitTemplate(testConnections);
        Message m = t.receive("agents", 30_000);
        assertThat(m).isNotNull();
        assertThat(m.getMessageProperties().getMessageId()).isEqualTo("kpi_agent_u1_PT15M_20250304T0900Z_r1");
        assertThat(m.getMessageProperties().getReceivedRoutingKey()).isEqualTo("kpi.agent.u1.PT15M");
        assertThat(m.getMessageProperties().getType()).isEqualTo("agent.interval.updated");
        assertThat(new String(m.getBody())).contains("\"userId\":\"u1\"", "\"agentName\":\"Ann\"",
                "\"idleMs\":300000", "\"presenceOnQueueMs\":900000", "\"ahtSeconds\":300.0",
                "\"occupancy\":0.0");

        // A restatement of the row (the status clock adds time, a late event moves it) is a new revision.
        store.exec("UPDATE agent_interval SET idle_ms = 400000, revision = 2 WHERE user_id = 'u1'");
        store.exec("INSERT INTO kpi_change_log (row_kind, user_id, interval_start, revision, is_final) "
                + "VALUES ('agent', 'u1', ?, 2, false)", java.sql.Timestamp.from(T0));
        engine.runOnce();
        Message again = t.receive("agents", 30_000);
        assertThat(again).isNotNull();
        assertThat(again.getMessageProperties().getMessageId()).isEqualTo("kpi_agent_u1_PT15M_20250304T0900Z_r2");
        assertThat(new String(again.getBody())).contains("\"idleMs\":400000", "\"revision\":2");
    }

    @Test
    void unroutableMessageIsDetectedAndKeptUntilARouteExists() throws Exception {
        store.add("q1", "voice", T0, 1, 1, 1, 1000, false);
        engine.runOnce();
        assertThat(delivered()).isZero();
        assertThat(store.count("SELECT count(*) FROM sink_delivery WHERE status = 'pending' AND attempts = 1 "
                + "AND last_error LIKE 'unroutable%'")).isEqualTo(1);
        bindQueue("late");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            engine.runOnce();
            return delivered() == 1;
        });
        assertThat(drain("late", 1)).containsExactly("kpi_q1_voice_PT15M_20250304T0900Z_r1");
    }

    @Test
    void brokerOutageMidStreamLosesNothing() throws Exception {
        bindQueue("all");
        for (int i = 0; i < 10; i++) {
            store.add("q1", "voice", T0.plusSeconds(900L * i), 1, 1, 1, 1000, false);
        }
        engine.runOnce();
        assertThat(delivered()).isEqualTo(10);
        // Outage on this test's vhost only: the broker refuses the user and drops its connections.
        rabbitmqctl("clear_permissions", "-p", broker.virtualHost(), broker.username());
        rabbitmqctl("close_all_connections", "-p", broker.virtualHost(), "test outage");
        for (int i = 10; i < 20; i++) {
            store.add("q1", "voice", T0.plusSeconds(900L * i), 1, 1, 1, 1000, false);
        }
        // Cycles until the outage has cost a probe two failed attempts (its pause ends after 50-300 ms), however long
        // the machine takes for each: the backlog is kept, nothing goes through.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            engine.runOnce();
            return store.count("SELECT coalesce(max(attempts), 0) FROM sink_delivery WHERE status = 'pending'") >= 2;
        });
        assertThat(delivered()).isEqualTo(10);
        assertThat(store.count("SELECT count(*) FROM sink_delivery WHERE status = 'pending'")).isEqualTo(10);
        rabbitmqctl("set_permissions", "-p", broker.virtualHost(), broker.username(), ".*", ".*", ".*");
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            engine.runOnce();
            return delivered() == 20;
        });
        Set<String> got = drain("all", 20);
        assertThat(got).hasSize(20);
    }

    static void rabbitmqctl(String... args) throws Exception {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "rabbitmqctl";
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", cmd) + ": " + out).isZero();
    }
}
