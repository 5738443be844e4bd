package io.streamvane.egress.wfm;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.egress.delivery.DeliveryEngine;
import io.streamvane.egress.delivery.DeliveryProperties;
import io.streamvane.egress.delivery.StoreFixture;
import io.streamvane.egress.retention.OutboxRetention;
import io.streamvane.model.kpi.Granularity;
import java.net.http.HttpClient;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Nothing the delivery engine does depends on old delivered rows: once retention has purged them (and the change log
 * behind them), zero-fill and take-over do not send them again, and a replay still re-sends a row with its id.
 */
class PurgedOutboxTest extends StoreAndReceiverTest {

    WfmFeedSink sink(boolean finalOnly) {
        return new WfmFeedSink(new WfmProperties.Feed("wfm", receiver.url(), Granularity.PT15M, finalOnly,
                WfmProperties.Format.JSON, List.of(), new WfmProperties.Csv(true, ","), 1, SECRET, Map.of(), null,
                Duration.ofSeconds(5)), HttpClient.newHttpClient(), Clock.systemUTC());
    }

    DeliveryEngine engine(WfmFeedSink sink) {
        DeliveryProperties p = new DeliveryProperties(true, Duration.ofMillis(50), false, 500, 100,
                Duration.ofMillis(100), Duration.ofMillis(400), DeliveryProperties.StartFrom.BEGINNING);
        return new DeliveryEngine(store.dataSource(), List.of(sink), p, StoreFixture.intervals(), new SimpleMeterRegistry(), Clock.systemUTC());
    }

    /** Ages every settled delivery past 7 days and every change-log row past 2, then runs the retention. */
    OutboxRetention.Purged ageAndPurge() throws Exception {
        store.exec("UPDATE sink_delivery SET updated_at = now() - interval '8 days'");
        store.exec("UPDATE kpi_change_log SET changed_at = now() - interval '3 days'");
        return new OutboxRetention(store.dataSource(), new OutboxRetention.Limits(Duration.ofDays(7),
                Duration.ofDays(30), Duration.ofDays(2), 5000), List.of("wfm"), new SimpleMeterRegistry()).runOnce();
    }

    void watermark(Instant wm) throws Exception {
        store.exec("INSERT INTO watermark AS w (source, max_event_time, watermark) VALUES ('events', ?, ?) "
                + "ON CONFLICT (source) DO UPDATE SET max_event_time = GREATEST(w.max_event_time, excluded.max_event_time), "
                + "watermark = GREATEST(w.watermark, excluded.watermark), updated_at = now()",
                Timestamp.from(wm.plusSeconds(300)), Timestamp.from(wm));
    }

    @Test
    void zeroRowsAndLoggedRowsAreNotSentAgainAfterTheirDeliveriesAndChangeLogWerePurged() throws Exception {
        store.slThreshold("q3", "voice", 30_000); // known queue x media, never any event
        store.add("q1", "voice", T0, 5, 4, 3, 60_000, true);
        DeliveryEngine e = engine(sink(true));
        watermark(T0.plusSeconds(2700 + 120)); // 09:47: 09:00, 09:15, 09:30 final
        e.runOnce();
        List<String> sent = List.of("kpi_q1_voice_PT15M_20250304T0900Z_r1", "kpi_q1_voice_PT15M_20250304T0915Z_r0",
                "kpi_q1_voice_PT15M_20250304T0930Z_r0", "kpi_q3_voice_PT15M_20250304T0900Z_r0",
                "kpi_q3_voice_PT15M_20250304T0915Z_r0", "kpi_q3_voice_PT15M_20250304T0930Z_r0");
        assertThat(receiver.acceptedIds()).containsExactlyInAnyOrderElementsOf(sent);

        assertThat(ageAndPurge()).isEqualTo(new OutboxRetention.Purged(6, 1, 4));
        assertThat(store.count("SELECT count(*) FROM sink_delivery")).isZero();
        assertThat(store.count("SELECT count(*) FROM kpi_change_log")).isZero();

        // The zero-fill cursor is past the purged r0 rows and the change-log cursor past the purged change.
        e.runOnce();
        watermark(T0.plusSeconds(2700 + 240)); // moves within the open 09:45 bucket
        e.runOnce();
        assertThat(receiver.acceptedIds()).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(store.count("SELECT count(*) FROM sink_delivery")).isZero();

        // The next quarter passes: only its zero rows go out.
        watermark(T0.plusSeconds(3600));
        e.runOnce();
        assertThat(receiver.acceptedIds()).hasSize(8).doesNotHaveDuplicates().contains(
                "kpi_q1_voice_PT15M_20250304T0945Z_r0", "kpi_q3_voice_PT15M_20250304T0945Z_r0");
        assertThat(receiver.badSignatures.get()).isZero();
    }

    @Test
    void aReplayAfterThePurgeSendsTheRowAgainWithItsIdAndBody() throws Exception {
        store.add("q1", "voice", T0, 7, 6, 5, 90_000, true);
        WfmFeedSink sink = sink(false);
        DeliveryEngine e = engine(sink);
        e.runOnce();
        String id = "kpi_q1_voice_PT15M_20250304T0900Z_r1";
        assertThat(receiver.acceptedIds()).containsExactly(id);
        assertThat(ageAndPurge().deliveries()).isEqualTo(1);
        assertThat(store.count("SELECT count(*) FROM sink_delivery")).isZero();

        assertThat(e.store().replay("wfm", sink.shape(), T0, T0.plusSeconds(900))).isEqualTo(1);
        e.runOnce();

        assertThat(receiver.acceptedIds()).containsExactly(id, id);
        assertThat(JSON.readTree(receiver.accepted.get(1).body()).get("data"))
                .isEqualTo(JSON.readTree(receiver.accepted.get(0).body()).get("data"));
        assertThat(store.count("SELECT count(*) FROM sink_delivery WHERE payload_id = ? AND status = 'delivered'", id))
                .isEqualTo(1);
        assertThat(receiver.badSignatures.get()).isZero();
    }
}
