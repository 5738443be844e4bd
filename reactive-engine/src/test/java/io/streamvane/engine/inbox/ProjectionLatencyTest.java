package io.streamvane.engine.inbox;

import static io.streamvane.engine.harness.Events.acdEnd;
import static io.streamvane.engine.harness.Events.acdStart;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.engine.harness.EngineHarness;
import io.streamvane.engine.projection.Projector;
import io.streamvane.model.event.EventParser;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.ServiceLevelPolicy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code streamvane.engine.projection.latency} on real PostgreSQL: events go in through ingress's insert (the
 * harness), their inbox rows are backdated so the expected latency is known without sleeping, then drained.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionLatencyTest {

    private static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");
    private EngineHarness engine;
    private Timer latency;
    private InboxConsumer consumer;

    @BeforeAll
    void startEngine() {
        engine = new EngineHarness();
    }

    @BeforeEach
    void freshConsumerAndTimer() throws SQLException {
        engine.truncateAll();
        latency = InboxMetrics.projectionLatency(new SimpleMeterRegistry());
        consumer = new InboxConsumer(engine.transactions(),
                new Projector(Granularity.PT15M, ServiceLevelPolicy::defaults), new EventParser(), latency::record);
    }

    @Test
    void eachProjectedEventIsTimedFromItsAcceptanceByIngressToTheProjectionCommit() throws Exception {
        engine.feed(acdStart("c1", "s1", "q1", "voice", T0.plusSeconds(60)),
                acdEnd("c1", "s1", "q1", "voice", T0.plusSeconds(90), "ANSWERED", 4_000),
                acdStart("c2", "s2", "q1", "voice", T0.plusSeconds(70)));
        exec("UPDATE engine_inbox SET enqueued_at = enqueued_at - interval '2 seconds'");

        assertThat(consumer.drain(100)).isEqualTo(3);

        assertThat(latency.count()).isEqualTo(3);
        // At least the two backdated seconds each; far less than a minute more on any machine.
        assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).isBetween(3 * 2_000.0, 3 * 60_000.0);
        assertThat(latency.max(TimeUnit.MILLISECONDS)).isBetween(2_000.0, 60_000.0);
        assertThat(engine.row("SELECT offered FROM queue_interval WHERE queue_id = 'q1'"))
                .containsEntry("offered", 2L);
    }

    @Test
    void anEventThatCannotBeProjectedIsDroppedWithoutBeingTimed() throws Exception {
        exec("INSERT INTO engine_inbox (raw_event_id, event_time, topic_kind, payload) "
                + "VALUES (1, '2025-03-03T10:01:00Z', 'ACD_START', '{\"not\": \"an envelope\"}'::jsonb)");

        assertThat(consumer.drain(100)).isEqualTo(1);

        assertThat(consumer.droppedCount()).isEqualTo(1);
        assertThat(latency.count()).isZero();
    }

    @Test
    void anEmptyInboxRecordsNothing() throws Exception {
        assertThat(consumer.drain(100)).isZero();
        assertThat(latency.count()).isZero();
        assertThat(consumer.projectedCount()).isZero();
    }

    private void exec(String sql) throws SQLException {
        try (Connection c = engine.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
