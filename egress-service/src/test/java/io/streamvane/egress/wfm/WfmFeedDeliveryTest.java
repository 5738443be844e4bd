package io.streamvane.egress.wfm;

import io.streamvane.testsupport.webhook.WebhookReceiver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.egress.delivery.DeliveryEngine;
import io.streamvane.egress.delivery.DeliveryProperties;
import io.streamvane.egress.delivery.StoreFixture;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.testsupport.TestDatabases;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WfmFeedDeliveryTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final Instant T0 = Instant.parse("2025-03-04T09:00:00Z");
    static final JsonMapper JSON = JsonMapper.builder().build();

    StoreFixture store;
    WebhookReceiver receiver;
    List<DeliveryEngine> engines = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        store = new StoreFixture(TestDatabases.freshMigrated().dataSource());
        receiver = new WebhookReceiver(SECRET);
        store.queue("q1", "Sales EN");
        store.queue("q2", "Support; \"Tier 2\"");
    }

    @AfterEach
    void tearDown() {
        engines.forEach(DeliveryEngine::stop);
        receiver.close();
    }

    WfmProperties.Feed feed(String name, Granularity g, boolean finalOnly, WfmProperties.Format format,
            List<WfmProperties.Column> columns, int batchSize) {
        return new WfmProperties.Feed(name, receiver.url(), g, finalOnly, format, columns,
                new WfmProperties.Csv(true, ","), batchSize, SECRET, Map.of(), null, Duration.ofSeconds(5));
    }

    DeliveryEngine engine(int maxAttempts, WfmProperties.Feed... feeds) {
        DeliveryProperties p = new DeliveryProperties(true, Duration.ofMillis(50), true, 500, maxAttempts,
                Duration.ofMillis(100), Duration.ofMillis(400), DeliveryProperties.StartFrom.BEGINNING);
        HttpClient http = HttpClient.newHttpClient();
        List<io.streamvane.egress.delivery.Sink> sinks = new ArrayList<>();
        for (WfmProperties.Feed f : feeds) {
            sinks.add(new WfmFeedSink(f, http, Clock.systemUTC()));
        }
        DeliveryEngine e = new DeliveryEngine(store.dataSource(), sinks, p, StoreFixture.intervals(), new SimpleMeterRegistry(), Clock.systemUTC());
        engines.add(e);
        return e;
    }

    static JsonNode data(WebhookReceiver.Received r) {
        return JSON.readTree(r.body()).get("data");
    }

    @Test
    void receiverDownForAWhileThenBackEveryRowArrivesOnceOrAsAnIdenticalSignedDuplicate() throws Exception {
        for (int i = 0; i < 12; i++) {
            for (String q : List.of("q1", "q2")) {
                store.add(q, "voice", T0.plusSeconds(900L * i), 10 + i, 8, 6, 120_000, false);
            }
        }
        AtomicInteger refused = new AtomicInteger();
        receiver.answer = () -> {
            refused.incrementAndGet();
            return new WebhookReceiver.Answer(503, null);
        };
        DeliveryEngine e = engine(1000, feed("wfm-json", Granularity.PT15M, false, WfmProperties.Format.JSON, List.of(), 1));
        e.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> refused.get() >= 3
                && store.count("SELECT count(*) FROM sink_delivery WHERE status = 'pending'") == 24);
        assertThat(receiver.accepted).isEmpty();
        receiver.answer = () -> WebhookReceiver.Answer.OK;
        await().atMost(Duration.ofSeconds(30)).until(() ->
                store.count("SELECT count(*) FROM sink_delivery WHERE status = 'delivered'") == 24);

        assertThat(receiver.badSignatures.get()).isZero();
        assertThat(new HashSet<>(receiver.acceptedIds())).hasSize(24);
        Map<String, String> bodyById = new HashMap<>();
        for (WebhookReceiver.Received r : receiver.accepted) {
            String before = bodyById.putIfAbsent(r.id(), r.body());
            assertThat(before == null || before.equals(r.body())).as("duplicate of %s is identical", r.id()).isTrue();
            assertThat(data(r).get("id").asString()).isEqualTo(r.id());
        }
        JsonNode first = receiver.accepted.stream().map(WfmFeedDeliveryTest::data)
                .filter(d -> d.get("queueId").asString().equals("q1")
                        && d.get("intervalStart").asString().equals("2025-03-04T09:00:00Z"))
                .findFirst().orElseThrow();
        assertThat(first.get("queueName").asString()).isEqualTo("Sales EN");
        assertThat(first.get("intervalMinutes").asInt()).isEqualTo(15);
        assertThat(first.get("offered").asLong()).isEqualTo(10);
        assertThat(first.get("serviceLevel").asDouble()).isEqualTo(0.75);
        assertThat(first.get("slThresholdSeconds").asInt()).isEqualTo(20);
        assertThat(first.get("asaSeconds").asDouble()).isEqualTo(5.0);
        assertThat(first.get("revision").asInt()).isEqualTo(1);
        assertThat(first.get("isFinal").asBoolean()).isFalse();
        assertThat(receiver.acceptedIds()).contains("kpi_q1_voice_PT15M_20250304T0900Z_r1");
    }

    /**
     * The one resend that needs no crash: the receiver took the request but its answer came after the feed's timeout,
     * so the sender cannot know and sends again, with the same webhook-id and body (receivers dedupe on the id).
     */
    @Test
    void anAnswerLaterThanTheTimeoutMeansTheSamePayloadIsSentAgain() throws Exception {
        store.add("q1", "voice", T0, 10, 8, 6, 120_000, false);
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch resent = new CountDownLatch(1);
        receiver.answer = () -> {
            if (calls.incrementAndGet() == 1) {
                try {
                    // The first answer waits for the resend, so it comes after the 250 ms timeout below however
                    // fast or slow the machine is (the receiver answers each request on its own thread).
                    resent.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                resent.countDown();
            }
            return WebhookReceiver.Answer.OK;
        };
        WfmProperties.Feed slow = new WfmProperties.Feed("wfm-slow", receiver.url(), Granularity.PT15M, false,
                WfmProperties.Format.JSON, List.of(), new WfmProperties.Csv(true, ","), 1, SECRET, Map.of(), null,
                Duration.ofMillis(250));
        engine(1000, slow).start();

        String id = "kpi_q1_voice_PT15M_20250304T0900Z_r1";
        // Each receipt is one attempt the store counted, and the payload ends delivered: nothing went out uncounted.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            long receipts = receiver.acceptedIds().stream().filter(id::equals).count();
            // No row until the last attempt's outcome is committed: 0 then, so the wait goes on.
            return receipts >= 2 && receipts == store.count("SELECT coalesce(max(attempts), 0) FROM sink_delivery "
                    + "WHERE payload_id = ? AND status = 'delivered'", id);
        });
        List<WebhookReceiver.Received> receipts = receiver.accepted.stream().filter(r -> r.id().equals(id)).toList();
        assertThat(receipts).extracting(WebhookReceiver.Received::body).containsOnly(receipts.get(0).body());
    }

    @Test
    void restatedFinalIntervalIsSentAgainWithAHigherRevisionAndItsOwnId() throws Exception {
        store.slThreshold("q1", "voice", 30_000);
        store.add("q1", "voice", T0, 10, 8, 6, 100_000, false);
        store.add("q1", "voice", T0, 0, 0, 0, 0, true);
        DeliveryEngine e = engine(100, feed("final", Granularity.PT15M, true, WfmProperties.Format.JSON, List.of(), 1));
        e.runOnce();
        assertThat(receiver.acceptedIds()).containsExactly("kpi_q1_voice_PT15M_20250304T0900Z_r2");
        assertThat(data(receiver.accepted.get(0)).get("slThresholdSeconds").asInt()).isEqualTo(30);

        store.add("q1", "voice", T0, 1, 1, 1, 60_000, false); // a late event restates the final interval
        e.runOnce();
        assertThat(receiver.acceptedIds()).containsExactly("kpi_q1_voice_PT15M_20250304T0900Z_r2",
                "kpi_q1_voice_PT15M_20250304T0900Z_r3");
        JsonNode restated = data(receiver.accepted.get(1));
        assertThat(restated.get("offered").asLong()).isEqualTo(11);
        assertThat(restated.get("revision").asInt()).isEqualTo(3);
        assertThat(JSON.readTree(receiver.accepted.get(1).body()).get("type").asString())
                .isEqualTo("queue.interval.finalized");
    }

    @Test
    void finalOnlyFeedSkipsOpenRevisionsAndEveryRevisionFeedCollapsesPendingOnesToTheLatest() throws Exception {
        store.add("q1", "voice", T0, 1, 1, 1, 1000, false);
        store.add("q1", "voice", T0, 1, 1, 1, 1000, false);
        store.agentChange("u1", T0);
        DeliveryEngine e = engine(100, feed("final", Granularity.PT15M, true, WfmProperties.Format.JSON, List.of(), 1),
                feed("every", Granularity.PT15M, false, WfmProperties.Format.JSON, List.of(), 1));
        e.store().takeOver("every", e.sink("every").shape(), 1); // revision 2 is current: enqueued as r2
        store.add("q1", "voice", T0, 1, 1, 1, 1000, false);      // r3 arrives before r2 was sent
        e.runOnce();
        assertThat(receiver.acceptedIds()).containsExactly("kpi_q1_voice_PT15M_20250304T0900Z_r3");
        assertThat(store.count("SELECT count(*) FROM sink_delivery WHERE sink = 'every' AND status = 'superseded'"))
                .isEqualTo(1);
        assertThat(store.count("SELECT count(*) FROM sink_delivery WHERE sink = 'final'")).isZero();
        assertThat(store.count("SELECT last_change_id FROM sink_cursor WHERE sink_name = 'final'")).isEqualTo(4);
    }

    @Test
    void replayResendsTheRangeWithTheSameIdsAndBodies() throws Exception {
        for (int i = 0; i < 4; i++) {
            store.add("q1", "voice", T0.plusSeconds(900L * i), 5, 5, 5, 1000, true);
        }
        DeliveryEngine e = engine(100, feed("wfm", Granularity.PT15M, false, WfmProperties.Format.JSON, List.of(), 1));
        e.runOnce();
        assertThat(receiver.accepted).hasSize(4);
        int n = e.store().replay("wfm", e.sink("wfm").shape(), T0.plusSeconds(900), T0.plusSeconds(2700));
        assertThat(n).isEqualTo(2);
        e.runOnce();
        assertThat(receiver.accepted).hasSize(6);
        assertThat(receiver.accepted.get(4).id()).isEqualTo(receiver.accepted.get(1).id());
        assertThat(receiver.accepted.get(4).body()).isEqualTo(receiver.accepted.get(1).body());
        assertThat(receiver.accepted.get(5).id()).isEqualTo("kpi_q1_voice_PT15M_20250304T0930Z_r1");
    }

    @Test
    void csvFeedWithGenesysHistoricalImportColumnsAndHalfHourRows() throws Exception {
        store.add("q2", "voice", T0, 10, 8, 6, 120_500, true);
        store.add("q2", "voice", T0.plusSeconds(900), 4, 2, 1, 60_000, false);
        store.add("q1", "voice", T0.plusSeconds(900), 3, 3, 3, 3_000, false);
        List<WfmProperties.Column> genesys = List.of(
                new WfmProperties.Column("Interval Start UTC Date", "intervalStart", null),
                new WfmProperties.Column("Queue", "queueName", null),
                new WfmProperties.Column("Media Type", "mediaType", null),
                new WfmProperties.Column("Skill Set", null, ""),
                new WfmProperties.Column("Offered", "offered", null),
                new WfmProperties.Column("Interactions Handled", "handled", null),
                new WfmProperties.Column("Total Handle Time (Seconds)", "handleSeconds", null),
                new WfmProperties.Column("Revision", "revision", null));
        DeliveryEngine e = engine(100, feed("genesys-wfm", Granularity.PT30M, false, WfmProperties.Format.CSV, genesys, 50));
        e.runOnce();
        assertThat(receiver.accepted).hasSize(1);
        WebhookReceiver.Received r = receiver.accepted.get(0);
        assertThat(r.contentType()).startsWith("text/csv");
        assertThat(r.id()).startsWith("kpibatch_");
        assertThat(r.body()).isEqualTo("Interval Start UTC Date,Queue,Media Type,Skill Set,Offered,"
                + "Interactions Handled,Total Handle Time (Seconds),Revision\r\n"
                + "2025-03-04T09:00:00Z,\"Support; \"\"Tier 2\"\"\",voice,,14,10,180.5,2\r\n"
                + "2025-03-04T09:00:00Z,Sales EN,voice,,3,3,3,1\r\n");

        store.add("q2", "voice", T0.plusSeconds(900), 0, 0, 0, 0, true); // second quarter final: coarse row final
        DeliveryEngine finalOnly = engine(100, feed("calabrio", Granularity.PT30M, true, WfmProperties.Format.CSV,
                List.of(new WfmProperties.Column("len", "intervalMinutes", null),
                        new WfmProperties.Column("date", "intervalDate", null),
                        new WfmProperties.Column("time", "intervalTime", null),
                        new WfmProperties.Column("queue", "queueId", null),
                        new WfmProperties.Column("offered", "offered", null)), 1));
        finalOnly.runOnce();
        assertThat(receiver.accepted.get(1).body()).isEqualTo("len,date,time,queue,offered\r\n"
                + "30,2025-03-04,09:00,q2,14\r\n");
        assertThat(receiver.accepted.get(1).id()).isEqualTo("kpi_q2_voice_PT30M_20250304T0900Z_r3");
    }

    @Test
    void retryAfterIsHonouredAndGoneOrExhaustedDeliveriesAreDeadLettered() throws Exception {
        store.add("q1", "voice", T0, 1, 1, 1, 1000, false);
        AtomicInteger calls = new AtomicInteger();
        receiver.answer = () -> calls.incrementAndGet() == 1 ? new WebhookReceiver.Answer(429, "2")
                : WebhookReceiver.Answer.OK;
        DeliveryEngine e = engine(3, feed("wfm", Granularity.PT15M, false, WfmProperties.Format.JSON, List.of(), 1));
        e.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted.size() == 1);
        assertThat(receiver.attempts).hasSize(2);
        assertThat(receiver.attempts.get(1) - receiver.attempts.get(0)).isGreaterThanOrEqualTo(1900);

        receiver.answer = () -> new WebhookReceiver.Answer(500, null);
        store.add("q1", "voice", T0.plusSeconds(900), 1, 1, 1, 1000, false);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                store.count("SELECT count(*) FROM sink_delivery WHERE status = 'dead_lettered'") == 1);
        assertThat(e.store().deadLetters("wfm", 10)).singleElement()
                .satisfies(d -> assertThat(d.attempts()).isEqualTo(3))
                .satisfies(d -> assertThat(d.lastError()).contains("HTTP 500"));

        receiver.answer = () -> new WebhookReceiver.Answer(410, null);
        store.add("q1", "voice", T0.plusSeconds(1800), 1, 1, 1, 1000, false);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                store.count("SELECT count(*) FROM sink_delivery WHERE status = 'dead_lettered'") == 2);
        assertThat(store.count("SELECT attempts FROM sink_delivery WHERE payload_id LIKE '%0930Z_r1'")).isEqualTo(1);

        receiver.answer = () -> WebhookReceiver.Answer.OK;
        assertThat(e.store().retryDeadLetters("wfm")).isEqualTo(2);
        e.resume("wfm");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.accepted.size() == 3);
    }
}
