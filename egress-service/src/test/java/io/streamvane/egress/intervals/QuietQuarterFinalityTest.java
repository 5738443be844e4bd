package io.streamvane.egress.intervals;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.egress.EgressIntegrationTest;
import io.streamvane.egress.api.QueueIntervalRow;
import io.streamvane.egress.delivery.DeliveryEngine;
import io.streamvane.egress.delivery.DeliveryProperties;
import io.streamvane.egress.delivery.StoreFixture;
import io.streamvane.egress.wfm.WfmFeedSink;
import io.streamvane.egress.wfm.WfmProperties;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.testsupport.webhook.WebhookReceiver;
import java.net.http.HttpClient;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The measured defect of issue 16: a half-hour whose first quarter is stored and final and whose second quarter had
 * no event at all. The REST API and the WFM feed must judge it alike: final once the watermark has passed 09:30.
 */
class QuietQuarterFinalityTest extends EgressIntegrationTest {

    private static final Instant T0 = Instant.parse("2025-03-04T09:00:00Z");
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DataSource dataSource;

    StoreFixture store;
    WebhookReceiver receiver;

    @BeforeEach
    void storeAndReceiver() throws Exception {
        jdbc.sql("TRUNCATE kpi_change_log, sink_cursor, sink_delivery").update();
        store = new StoreFixture(dataSource);
        receiver = new WebhookReceiver(SECRET);
        store.queue("q1", "Sales EN");
        store.add("q1", "voice", T0, 10, 8, 6, 120_000, false);
        store.add("q1", "voice", T0, 0, 0, 0, 0, true); // the sweep marks 09:00-09:15 final: revision 2
    }

    @AfterEach
    void cleanUp() {
        receiver.close();
        jdbc.sql("TRUNCATE watermark, kpi_change_log, sink_cursor, sink_delivery").update();
    }

    @Test
    void aHalfHourWithAQuietSecondQuarterIsFinalThroughRestAndTheWfmFeedOnceTheWatermarkPassedItsEnd()
            throws Exception {
        watermark(T0.plusSeconds(1800 + 60));

        assertThat(restHalfHour().isFinal()).isTrue();
        JsonNode fed = fedHalfHour();
        assertThat(fed.get("isFinal").asBoolean()).isTrue();
        assertThat(fed.get("final").asBoolean()).isTrue();
        assertThat(fed.get("revision").asInt()).isEqualTo(2).isEqualTo((int) restHalfHour().revision());
        assertThat(fed.get("offered").asLong()).isEqualTo(10).isEqualTo(restHalfHour().offered());
    }

    @Test
    void theSameHalfHourIsOpenThroughRestAndTheWfmFeedWhileTheWatermarkIsBeforeItsEnd() throws Exception {
        watermark(T0.plusSeconds(1200));

        assertThat(restHalfHour().isFinal()).isFalse();
        JsonNode fed = fedHalfHour();
        assertThat(fed.get("isFinal").asBoolean()).isFalse();
        assertThat(fed.get("revision").asInt()).isEqualTo(2);
    }

    private QueueIntervalRow restHalfHour() {
        QueueIntervalRow[] rows = get("/api/v1/queues/q1/intervals?from=2025-03-04T09:00:00Z&to=2025-03-04T09:30:00Z"
                + "&granularity=PT30M", READ_KEY).retrieve().body(QueueIntervalRow[].class);
        assertThat(rows).hasSize(1);
        return rows[0];
    }

    /** The half-hour as an every-revision PT30M feed sends it, taken over from the change log. */
    private JsonNode fedHalfHour() throws Exception {
        WfmProperties.Feed feed = new WfmProperties.Feed("wfm-half-hours", receiver.url(), Granularity.PT30M, false,
                WfmProperties.Format.JSON, List.of(), new WfmProperties.Csv(true, ","), 1, SECRET, Map.of(), null,
                Duration.ofSeconds(5), false);
        DeliveryProperties p = new DeliveryProperties(true, Duration.ofMillis(50), false, 500, 100,
                Duration.ofMillis(100), Duration.ofMillis(400), DeliveryProperties.StartFrom.BEGINNING);
        DeliveryEngine engine = new DeliveryEngine(dataSource, List.of(new WfmFeedSink(feed, HttpClient.newHttpClient(),
                Clock.systemUTC())), p, StoreFixture.intervals(), new SimpleMeterRegistry(), Clock.systemUTC());
        engine.runOnce();
        assertThat(receiver.acceptedIds()).containsExactly("kpi_q1_voice_PT30M_20250304T0900Z_r2");
        return JSON.readTree(receiver.accepted.get(0).body()).get("data");
    }

    private void watermark(Instant wm) {
        jdbc.sql("INSERT INTO watermark (source, max_event_time, watermark) VALUES ('events', :max, :wm)")
                .param("max", Timestamp.from(wm.plusSeconds(300))).param("wm", Timestamp.from(wm)).update();
    }
}
