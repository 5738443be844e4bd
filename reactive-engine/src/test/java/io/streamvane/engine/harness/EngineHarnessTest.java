package io.streamvane.engine.harness;

import static io.streamvane.engine.harness.Events.acdEnd;
import static io.streamvane.engine.harness.Events.acdStart;
import static io.streamvane.engine.harness.Events.acw;
import static io.streamvane.engine.harness.Events.routingStatus;
import static io.streamvane.engine.harness.Events.userEnd;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EngineHarnessTest {

    private static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");
    private EngineHarness engine;

    @BeforeAll
    void startEngine() {
        engine = new EngineHarness();
    }

    @BeforeEach
    void clean() throws Exception {
        engine.truncateAll();
    }

    @Test
    void acdEventsLandInTheBucketOfTheirOwnEventTime() throws Exception {
        engine.feed(acdStart("c1", "s1", "q1", "VOICE", T0.plusSeconds(60)),
                acdEnd("c1", "s1", "q1", "voice", T0.plusSeconds(16 * 60), "ANSWERED", 12_000),
                acdStart("c2", "s2", "q1", "voice", T0.plusSeconds(70)),
                acdEnd("c2", "s2", "q1", "voice", T0.plusSeconds(80), "ABANDON", 5_000));
        engine.drain();

        assertThat(engine.rows("SELECT interval_start, offered, answered, answered_within_sl, answer_wait_ms, "
                + "abandoned, short_abandoned FROM queue_interval ORDER BY interval_start")).containsExactly(
                Map.of("interval_start", T0, "offered", 2L, "answered", 0L, "answered_within_sl", 0L,
                        "answer_wait_ms", 0L, "abandoned", 1L, "short_abandoned", 1L),
                Map.of("interval_start", T0.plusSeconds(900), "offered", 0L, "answered", 1L, "answered_within_sl", 1L,
                        "answer_wait_ms", 12_000L, "abandoned", 0L, "short_abandoned", 0L));
        assertThat(engine.rows("SELECT * FROM engine_inbox")).isEmpty();
        assertThat(engine.row("SELECT started_at, ended_at, outcome FROM acd_session WHERE conversation_id = 'c1'"))
                .containsEntry("outcome", "ANSWERED");
    }

    @Test
    void aLaterAcwMovesTheSegmentFromTheUserEndBucketToItsOwn() throws Exception {
        engine.feed(userEnd("c1", "p1", "u1", "q1", "voice", T0.plusSeconds(600), 100_000, 20_000));
        engine.drain();
        assertThat(engine.row("SELECT interval_start, handled, talk_ms, hold_ms, handle_ms FROM queue_interval"))
                .containsEntry("interval_start", T0).containsEntry("handled", 1L).containsEntry("talk_ms", 100_000L);

        engine.feed(acw("c1", "p1", "u1", "q1", "voice", T0.plusSeconds(1000), 30_000));
        engine.drain();

        assertThat(engine.rows("SELECT interval_start, handled, talk_ms, hold_ms, acw_ms, handle_ms FROM queue_interval "
                + "ORDER BY interval_start")).containsExactly(
                Map.of("interval_start", T0, "handled", 0L, "talk_ms", 0L, "hold_ms", 0L, "acw_ms", 0L,
                        "handle_ms", 0L),
                Map.of("interval_start", T0.plusSeconds(900), "handled", 1L, "talk_ms", 100_000L, "hold_ms", 20_000L,
                        "acw_ms", 30_000L, "handle_ms", 150_000L));
        assertThat(engine.rows("SELECT interval_start, handled, handle_ms FROM agent_interval WHERE user_id = 'u1' "
                + "AND handled > 0")).containsExactly(Map.of("interval_start", T0.plusSeconds(900), "handled", 1L,
                "handle_ms", 150_000L));
    }

    @Test
    void heldLongerThanInteractingAndOutboundDialingAreAllHandleTimeAndMoveWithTheSegment() throws Exception {
        // The public Genesys user.end figures, plus the dialing and contacting an outbound call reports.
        engine.feed(userEnd("c1", "p1", "u1", "q1", "voice", T0.plusSeconds(600), 217_521, 307_338, 4_000, 6_000));
        engine.drain();
        engine.feed(acw("c1", "p1", "u1", "q1", "voice", T0.plusSeconds(1000), 45_000));
        engine.drain();

        assertThat(engine.rows("SELECT interval_start, handled, talk_ms, hold_ms, acw_ms, handle_ms, dialing_ms, "
                + "contacting_ms FROM queue_interval WHERE handled <> 0 OR handle_ms <> 0")).containsExactly(
                Map.of("interval_start", T0.plusSeconds(900), "handled", 1L, "talk_ms", 217_521L, "hold_ms", 307_338L,
                        "acw_ms", 45_000L, "handle_ms", 579_859L, "dialing_ms", 4_000L, "contacting_ms", 6_000L));
        assertThat(engine.rows("SELECT interval_start, handle_ms, talk_ms, hold_ms FROM agent_interval "
                + "WHERE user_id = 'u1' AND handled > 0")).containsExactly(Map.of("interval_start",
                T0.plusSeconds(900), "handle_ms", 579_859L, "talk_ms", 217_521L, "hold_ms", 307_338L));
    }

    @Test
    void alertsMissedAlertsAndTransfersLandWithTheirUserEndAndHoldAndAcwAreCountedOncePerSegment() throws Exception {
        engine.feed(userEnd("c1", "p-miss", "u1", "q1", "voice", T0.plusSeconds(100), 0, 0, 8_277,
                "NO_ANSWER_TRANSFER"));
        engine.feed(userEnd("c1", "p-take", "u2", "q1", "voice", T0.plusSeconds(400), 90_000, 15_000, 3_000,
                "CONSULT_TRANSFER"));
        engine.feed(acw("c1", "p-take", "u2", "q1", "voice", T0.plusSeconds(1000), 20_000));
        engine.feed(userEnd("c2", "p-blind", "u3", "q1", "voice", T0.plusSeconds(500), 60_000, 0, 2_000, "TRANSFER"));
        engine.feed(userEnd("c3", "p-gone", "u1", "q1", "voice", T0.plusSeconds(600), 0, 0, 1_500, "PEER"));
        engine.drain();

        String columns = "interval_start, alerts, alert_ms, not_responding, not_responding_ms, transferred, "
                + "blind_transferred, consult_transferred, held, wrapped_up, handled";
        assertThat(engine.rows("SELECT " + columns + " FROM queue_interval ORDER BY interval_start")).containsExactly(
                Map.ofEntries(Map.entry("interval_start", T0), Map.entry("alerts", 4L),
                        Map.entry("alert_ms", 14_777L), Map.entry("not_responding", 1L),
                        Map.entry("not_responding_ms", 8_277L), Map.entry("transferred", 2L),
                        Map.entry("blind_transferred", 1L), Map.entry("consult_transferred", 1L),
                        Map.entry("held", 0L), Map.entry("wrapped_up", 0L), Map.entry("handled", 1L)),
                Map.ofEntries(Map.entry("interval_start", T0.plusSeconds(900)), Map.entry("alerts", 0L),
                        Map.entry("alert_ms", 0L), Map.entry("not_responding", 0L),
                        Map.entry("not_responding_ms", 0L), Map.entry("transferred", 0L),
                        Map.entry("blind_transferred", 0L), Map.entry("consult_transferred", 0L),
                        Map.entry("held", 1L), Map.entry("wrapped_up", 1L), Map.entry("handled", 1L)));
    }

    @Test
    void anAcwBeforeItsUserEndGivesTheSameTables() throws Exception {
        engine.feed(acw("c1", "p1", "u1", "q1", "voice", T0.plusSeconds(1000), 30_000));
        engine.drain();
        engine.feed(userEnd("c1", "p1", "u1", "q1", "voice", T0.plusSeconds(600), 100_000, 20_000));
        engine.drain();

        assertThat(engine.rows("SELECT interval_start, handled, handle_ms FROM queue_interval WHERE handled <> 0"))
                .containsExactly(Map.of("interval_start", T0.plusSeconds(900), "handled", 1L, "handle_ms", 150_000L));
    }

    @Test
    void aDuplicateDeliveryCountsOnce() throws Exception {
        String start = acdStart("c1", "s1", "q1", "voice", T0);
        assertThat(engine.feed(start, start)).isEqualTo(1);
        engine.feed(start);
        engine.drain();
        assertThat(engine.row("SELECT offered FROM queue_interval")).containsEntry("offered", 1L);
    }

    @Test
    void theWatermarkFinalisesPassedIntervalsAndALateEventRestatesThem() throws Exception {
        engine.feed(acdStart("c1", "s1", "q1", "voice", T0.plusSeconds(60)));
        engine.drain();
        assertThat(engine.row("SELECT revision, is_final FROM queue_interval"))
                .containsEntry("revision", 1).containsEntry("is_final", false);

        engine.advanceWatermark(T0.plusSeconds(15 * 60 + 4 * 60)); // 10:19 − 5 min lateness = 10:14: not yet
        assertThat(engine.sweep()).isZero();
        engine.advanceWatermark(T0.plusSeconds(20 * 60)); // 10:15: the 10:00 bucket is final
        assertThat(engine.sweep()).isEqualTo(1);
        assertThat(engine.row("SELECT revision, is_final FROM queue_interval"))
                .containsEntry("revision", 2).containsEntry("is_final", true);

        engine.feed(acdStart("c2", "s2", "q1", "voice", T0.plusSeconds(120)));
        engine.drain();

        assertThat(engine.row("SELECT offered, revision, is_final FROM queue_interval"))
                .containsEntry("offered", 2L).containsEntry("revision", 3).containsEntry("is_final", true);
        List<Map<String, Object>> log = engine.rows("SELECT row_kind, queue_id, media_type, interval_start, revision, "
                + "is_final FROM kpi_change_log ORDER BY id");
        assertThat(log).extracting(r -> r.get("revision") + "/" + r.get("is_final"))
                .containsExactly("1/false", "2/true", "3/true");
        assertThat(log).allSatisfy(r -> assertThat(r).containsEntry("queue_id", "q1").containsEntry("interval_start", T0));
    }

    @Test
    void aWatermarkNeverMovesBackwards() throws Exception {
        engine.advanceWatermark(T0.plusSeconds(3600));
        engine.advanceWatermark(T0);
        assertThat(engine.finality().currentWatermark().value()).isEqualTo(T0.plusSeconds(3600 - 300));
    }

    @Test
    void timeInStatusDoesNotDependOnTheOrderStatusChangesArrive() throws Exception {
        engine.feed(routingStatus("u1", "IDLE", T0));
        engine.drain();
        engine.feed(routingStatus("u1", "OFF_QUEUE", T0.plusSeconds(1200)));
        engine.drain();
        engine.feed(routingStatus("u1", "INTERACTING", T0.plusSeconds(600)));
        engine.drain();

        // IDLE 10:00–10:10, INTERACTING 10:10–10:20 (5 min in each bucket), OFF_QUEUE still open: not counted.
        assertThat(engine.rows("SELECT interval_start, idle_ms, interacting_ms, off_queue_ms FROM agent_interval "
                + "ORDER BY interval_start")).containsExactly(
                Map.of("interval_start", T0, "idle_ms", 600_000L, "interacting_ms", 300_000L, "off_queue_ms", 0L),
                Map.of("interval_start", T0.plusSeconds(900), "idle_ms", 0L, "interacting_ms", 300_000L,
                        "off_queue_ms", 0L));
        assertThat(engine.row("SELECT routing_status FROM agent_state WHERE user_id = 'u1'"))
                .containsEntry("routing_status", "OFF_QUEUE");
    }

    @Test
    void aSessionWithoutEndIsExpiredAfterTheBound() throws Exception {
        engine.feed(acdStart("c1", "s1", "q1", "voice", Instant.now().minusSeconds(5 * 3600)),
                acdStart("c2", "s2", "q1", "voice", Instant.now().minusSeconds(60)));
        engine.drain();
        int expired = new io.streamvane.engine.finality.AcdSessionExpiry(engine.transactions(),
                java.time.Duration.ofHours(4), java.time.Clock.systemUTC()).expire();
        assertThat(expired).isEqualTo(1);
        assertThat(engine.row("SELECT conversation_id FROM acd_session WHERE expired"))
                .containsEntry("conversation_id", "c1");
    }
}
