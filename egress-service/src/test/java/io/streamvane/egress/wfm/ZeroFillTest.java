package io.streamvane.egress.wfm;

import io.streamvane.testsupport.webhook.WebhookReceiver;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.egress.delivery.DeliveryEngine;
import io.streamvane.egress.delivery.DeliveryProperties;
import io.streamvane.egress.delivery.StoreFixture;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.KpiSettings;
import io.streamvane.model.kpi.QueueTimeZones;
import io.streamvane.model.store.KpiSettingsStore;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * SPEC §3.3 "all intervals including zeros": the engine stores rows only where events landed, the delivery engine's
 * zero-fill step sends the rest as final zero rows (revision 0) once the finality watermark has passed them.
 */
class ZeroFillTest extends StoreAndReceiverTest {

    DeliveryEngine engine;

    DeliveryEngine engine(Granularity g, boolean finalOnly) {
        WfmProperties.Feed feed = new WfmProperties.Feed("wfm", receiver.url(), g, finalOnly,
                WfmProperties.Format.JSON, List.of(), new WfmProperties.Csv(true, ","), 1, SECRET, Map.of(), null,
                Duration.ofSeconds(5));
        DeliveryProperties p = new DeliveryProperties(true, Duration.ofMillis(50), false, 500, 100,
                Duration.ofMillis(100), Duration.ofMillis(400), DeliveryProperties.StartFrom.BEGINNING);
        return new DeliveryEngine(store.dataSource(), List.of(new WfmFeedSink(feed, HttpClient.newHttpClient(),
                Clock.systemUTC())), p, StoreFixture.intervals(), new SimpleMeterRegistry(), Clock.systemUTC());
    }

    /** The ingress's monotonic watermark write for one source, lateness already subtracted. */
    void watermark(Instant wm) throws Exception {
        store.exec("INSERT INTO watermark AS w (source, max_event_time, watermark) VALUES ('events', ?, ?) "
                + "ON CONFLICT (source) DO UPDATE SET max_event_time = GREATEST(w.max_event_time, excluded.max_event_time), "
                + "watermark = GREATEST(w.watermark, excluded.watermark), updated_at = now()",
                Timestamp.from(wm.plusSeconds(300)), Timestamp.from(wm));
    }

    static JsonNode data(WebhookReceiver.Received r) {
        return JSON.readTree(r.body()).get("data");
    }

    JsonNode row(String id) {
        return receiver.accepted.stream().filter(r -> r.id().equals(id)).map(ZeroFillTest::data).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not received; got " + receiver.acceptedIds()));
    }

    @Test
    void aQuietIntervalBetweenTwoBusyOnesAndAQueueWithoutEventsAreDeliveredAsFinalZeros() throws Exception {
        store.slThreshold("q3", "voice", 30_000); // known queue x media, never any event
        store.add("q1", "voice", T0, 5, 4, 3, 60_000, true);
        store.add("q1", "voice", T0.plusSeconds(1800), 6, 6, 6, 60_000, true);
        DeliveryEngine e = engine(Granularity.PT15M, true);

        e.runOnce(); // no watermark yet: nothing is final, nothing is zero-filled
        assertThat(receiver.acceptedIds()).containsExactlyInAnyOrder("kpi_q1_voice_PT15M_20250304T0900Z_r1",
                "kpi_q1_voice_PT15M_20250304T0930Z_r1");

        watermark(T0.plusSeconds(2700 + 120)); // 09:47: 09:00, 09:15, 09:30 final; 09:45 open
        e.runOnce();
        assertThat(receiver.acceptedIds()).containsExactlyInAnyOrder("kpi_q1_voice_PT15M_20250304T0900Z_r1",
                "kpi_q1_voice_PT15M_20250304T0930Z_r1", "kpi_q1_voice_PT15M_20250304T0915Z_r0",
                "kpi_q3_voice_PT15M_20250304T0900Z_r0", "kpi_q3_voice_PT15M_20250304T0915Z_r0",
                "kpi_q3_voice_PT15M_20250304T0930Z_r0");
        assertThat(receiver.badSignatures.get()).isZero();
        JsonNode quiet = row("kpi_q1_voice_PT15M_20250304T0915Z_r0");
        assertThat(quiet.get("queueName").asString()).isEqualTo("Sales EN");
        assertThat(quiet.get("intervalStart").asString()).isEqualTo("2025-03-04T09:15:00Z");
        assertThat(quiet.get("offered").asLong()).isZero();
        assertThat(quiet.get("handled").asLong()).isZero();
        assertThat(quiet.get("revision").asInt()).isZero();
        assertThat(quiet.get("isFinal").asBoolean()).isTrue();
        assertThat(quiet.get("serviceLevel").isNull()).isTrue();
        assertThat(row("kpi_q3_voice_PT15M_20250304T0900Z_r0").get("slThresholdSeconds").asInt()).isEqualTo(30);

        // Running the step again (and again after the watermark moved within the open bucket) sends nothing new.
        e.runOnce();
        watermark(T0.plusSeconds(2700 + 240));
        e.runOnce();
        assertThat(receiver.accepted).hasSize(6);
        assertThat(store.count("SELECT count(*) FROM sink_delivery")).isEqualTo(6);

        // A late event lands on the zero-filled quarter: the restatement goes out with a higher revision.
        int revision = store.add("q1", "voice", T0.plusSeconds(900), 1, 1, 1, 30_000, true);
        e.runOnce();
        assertThat(revision).isEqualTo(1);
        JsonNode restated = row("kpi_q1_voice_PT15M_20250304T0915Z_r1");
        assertThat(restated.get("offered").asLong()).isEqualTo(1);
        assertThat(restated.get("isFinal").asBoolean()).isTrue();
        assertThat(receiver.accepted).hasSize(7);

        // The next quarter passes: the quiet ones are zero-filled, the restated one is not zero-filled again.
        watermark(T0.plusSeconds(3600));
        e.runOnce();
        assertThat(receiver.acceptedIds()).hasSize(9).contains("kpi_q1_voice_PT15M_20250304T0945Z_r0",
                "kpi_q3_voice_PT15M_20250304T0945Z_r0");
    }

    @Test
    void aDailyFeedSendsEachQueuesLocalDayOnceItsSiteDayIsOver() throws Exception {
        // q1's site is Sydney (+11:00 in March): its 4 March runs from 3 March 13:00Z to 4 March 13:00Z. q3 is UTC.
        try (Connection c = store.dataSource().getConnection()) {
            KpiSettingsStore.publish(c, KpiSettings.DEFAULTS.withTimeZones(new QueueTimeZones(ZoneId.of("UTC"),
                    Map.of("q1", ZoneId.of("Australia/Sydney")))), KpiSettingsStore.Role.OWNER, "test");
        }
        store.slThreshold("q3", "voice", 30_000);
        store.add("q1", "voice", T0, 5, 4, 3, 60_000, true);
        DeliveryEngine e = engine(Granularity.P1D, true);

        watermark(Instant.parse("2025-03-04T13:05:00Z")); // Sydney's 4 March is over; UTC's is not
        e.runOnce();
        assertThat(receiver.acceptedIds()).containsExactly("kpi_q1_voice_P1D_20250303T1300Z_r1");
        JsonNode day = row("kpi_q1_voice_P1D_20250303T1300Z_r1");
        assertThat(day.get("intervalStart").asString()).isEqualTo("2025-03-03T13:00:00Z");
        assertThat(day.get("intervalStartLocal").asString()).isEqualTo("2025-03-04T00:00:00+11:00");
        assertThat(day.get("intervalEndLocal").asString()).isEqualTo("2025-03-05T00:00:00+11:00");
        assertThat(day.get("intervalDate").asString()).isEqualTo("2025-03-04");
        assertThat(day.get("intervalTime").asString()).isEqualTo("00:00");
        assertThat(day.get("timeZone").asString()).isEqualTo("Australia/Sydney");
        assertThat(day.get("intervalMinutes").asInt()).isEqualTo(1440);
        assertThat(day.get("offered").asLong()).isEqualTo(5);

        watermark(Instant.parse("2025-03-05T00:05:00Z")); // now UTC's 4 March is over too
        e.runOnce();
        assertThat(receiver.acceptedIds()).containsExactlyInAnyOrder("kpi_q1_voice_P1D_20250303T1300Z_r1",
                "kpi_q3_voice_P1D_20250304T0000Z_r0");
        assertThat(row("kpi_q3_voice_P1D_20250304T0000Z_r0").get("intervalStartLocal").asString())
                .isEqualTo("2025-03-04T00:00:00Z");
        e.runOnce();
        assertThat(receiver.accepted).hasSize(2);
    }

    @Test
    void aWeeklyFeedSendsTheIsoWeekFromMondayOnceItIsOver() throws Exception {
        store.add("q1", "voice", T0, 5, 4, 3, 60_000, true); // Tuesday 4 March 2025
        store.add("q1", "voice", Instant.parse("2025-03-09T22:00:00Z"), 2, 2, 2, 10_000, true); // Sunday night
        DeliveryEngine e = engine(Granularity.P7D, true);

        watermark(Instant.parse("2025-03-09T23:59:00Z"));
        e.runOnce();
        assertThat(receiver.accepted).isEmpty();

        watermark(Instant.parse("2025-03-10T00:05:00Z"));
        e.runOnce();
        assertThat(receiver.acceptedIds()).containsExactly("kpi_q1_voice_P7D_20250303T0000Z_r2");
        JsonNode week = row("kpi_q1_voice_P7D_20250303T0000Z_r2");
        assertThat(week.get("intervalDate").asString()).isEqualTo("2025-03-03");
        assertThat(week.get("intervalMinutes").asInt()).isEqualTo(7 * 24 * 60);
        assertThat(week.get("offered").asLong()).isEqualTo(7);
    }

    @Test
    void finalOnlyHalfHourWithOnlyItsFirstQuarterStoredIsSentOnceTheWatermarkPassesItsEnd() throws Exception {
        store.add("q1", "voice", T0, 10, 8, 6, 120_000, true); // 09:00 final; 09:15 quiet, no row ever
        DeliveryEngine e = engine(Granularity.PT30M, true);
        watermark(T0.plusSeconds(1200)); // 09:20: the half-hour is not over
        e.runOnce();
        assertThat(receiver.accepted).isEmpty();

        watermark(T0.plusSeconds(1800)); // 09:30: it is
        e.runOnce();
        assertThat(receiver.acceptedIds()).containsExactly("kpi_q1_voice_PT30M_20250304T0900Z_r1");
        JsonNode half = row("kpi_q1_voice_PT30M_20250304T0900Z_r1");
        assertThat(half.get("offered").asLong()).isEqualTo(10);
        assertThat(half.get("intervalMinutes").asInt()).isEqualTo(30);
        assertThat(half.get("isFinal").asBoolean()).isTrue();

        e.runOnce();
        assertThat(receiver.accepted).hasSize(1);

        // A late event creates the second quarter: the half-hour is restated (revision 1 + 1).
        store.add("q1", "voice", T0.plusSeconds(900), 2, 2, 2, 10_000, true);
        e.runOnce();
        assertThat(receiver.acceptedIds()).containsExactly("kpi_q1_voice_PT30M_20250304T0900Z_r1",
                "kpi_q1_voice_PT30M_20250304T0900Z_r2");
        assertThat(row("kpi_q1_voice_PT30M_20250304T0900Z_r2").get("offered").asLong()).isEqualTo(12);
    }

    @Test
    void aQuarterWhoseFinalisationIsStillPendingIsLeftToTheChangeLogNotSentAsZeroOrOpen() throws Exception {
        store.add("q1", "voice", T0, 3, 3, 3, 3_000, false); // stored, not yet swept final
        DeliveryEngine e = engine(Granularity.PT30M, true);
        watermark(T0.plusSeconds(1800));
        e.runOnce();
        assertThat(receiver.accepted).isEmpty();
        store.add("q1", "voice", T0, 0, 0, 0, 0, true); // the finality sweep: revision 2, final, change logged
        e.runOnce();
        assertThat(receiver.acceptedIds()).containsExactly("kpi_q1_voice_PT30M_20250304T0900Z_r2");
    }

    @Test
    void aSourceIdleLongerThanTheTimeoutDoesNotHoldTheActiveOnesBack() throws Exception {
        store.add("q1", "voice", T0, 1, 1, 1, 1_000, true);
        store.exec("INSERT INTO watermark (source, max_event_time, watermark, updated_at) "
                + "VALUES ('stale', ?, ?, now() - interval '2 hours')", Timestamp.from(T0.plusSeconds(600)),
                Timestamp.from(T0.plusSeconds(600)));
        store.exec("INSERT INTO watermark (source, max_event_time, watermark, updated_at) "
                + "VALUES ('live', ?, ?, now())", Timestamp.from(T0.plusSeconds(1800)),
                Timestamp.from(T0.plusSeconds(1800)));
        DeliveryEngine e = engine(Granularity.PT15M, true);
        e.runOnce();
        assertThat(receiver.acceptedIds()).containsExactlyInAnyOrder("kpi_q1_voice_PT15M_20250304T0900Z_r1",
                "kpi_q1_voice_PT15M_20250304T0915Z_r0");
    }

    @Test
    void whenEverySourceIsIdleTheFurthestWatermarkStands() throws Exception {
        store.add("q1", "voice", T0, 1, 1, 1, 1_000, true);
        store.exec("INSERT INTO watermark (source, max_event_time, watermark, updated_at) "
                + "VALUES ('quiet-night', ?, ?, now() - interval '2 hours')", Timestamp.from(T0.plusSeconds(1800)),
                Timestamp.from(T0.plusSeconds(1800)));
        DeliveryEngine e = engine(Granularity.PT15M, true);
        e.runOnce();
        assertThat(receiver.acceptedIds()).containsExactlyInAnyOrder("kpi_q1_voice_PT15M_20250304T0900Z_r1",
                "kpi_q1_voice_PT15M_20250304T0915Z_r0");
    }
}
