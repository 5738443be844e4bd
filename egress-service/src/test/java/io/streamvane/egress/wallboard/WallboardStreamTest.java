package io.streamvane.egress.wallboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.egress.EgressIntegrationTest;
import io.streamvane.egress.api.QueueIntervalRow;
import io.streamvane.egress.api.QueueRealtime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WallboardStreamTest extends EgressIntegrationTest {

    private static final Duration PUSH = Duration.ofSeconds(5);
    /** Generous: a push normally takes well under a second, but the machine may be shared. */
    private static final Duration SLOW_PUSH = Duration.ofSeconds(30);

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JsonMapper json;

    EngineLikeWrites engine;

    @BeforeEach
    void engineWrites() {
        jdbc.sql("TRUNCATE watermark, kpi_change_log").update();
        engine = new EngineLikeWrites(jdbc, tx);
    }

    private String stream(String query) {
        return "http://localhost:" + port + "/wallboard/stream" + query;
    }

    /** The page's way in: a header key exchanged for a single-use stream token. */
    private String withToken(String key) {
        WallboardToken token = RestClient.create().post().uri("http://localhost:" + port + "/api/v1/wallboard/tokens")
                .header("X-API-Key", key).retrieve().body(WallboardToken.class);
        return "?token=" + token.token();
    }

    @Test
    void streamWithoutCredentialsIsRefusedWithProblemJson() throws Exception {
        try (SseClient sse = SseClient.open(stream(""))) {
            assertThat(sse.status()).isEqualTo(401);
            assertThat(sse.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void aRefusedStreamAnswersThePlatformsProblemWithItsReason() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String[][] cases = {{"", "401", "credentials-required"}, {"?token=not-a-token", "401", "invalid-credentials"},
                {"?key=" + READ_KEY, "401", "invalid-credentials"}, {"?key=" + ADMIN_KEY, "401", "invalid-credentials"}};
        for (String[] c : cases) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stream(c[0]))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(c[0]).isEqualTo(Integer.parseInt(c[1]));
            JsonNode problem = json.readTree(r.body());
            assertThat(problem.propertyNames()).as(c[0])
                    .containsExactly("type", "title", "status", "detail", "instance", "reason");
            assertThat(problem.get("reason").asString()).as(c[0]).isEqualTo(c[2]);
            assertThat(problem.get("type").asString()).isEqualTo("https://streamvane.io/problems/" + c[2]);
            assertThat(problem.get("instance").asString()).isEqualTo("/wallboard/stream");
            assertThat(r.body()).doesNotContain("not-a-token", READ_KEY, ADMIN_KEY);
        }
    }

    @Test
    void aStreamTokenOpensOneStreamAndOnlyAReadCredentialGetsOne() throws Exception {
        String token = withToken(READ_KEY);
        try (SseClient reader = SseClient.open(stream(token))) {
            assertThat(reader.status()).isEqualTo(200);
            assertThat(reader.contentType()).startsWith("text/event-stream");
            assertThat(reader.next(PUSH).name()).isEqualTo("snapshot");
        }
        try (SseClient replayed = SseClient.open(stream(token));
                SseClient admin = SseClient.open(stream(withToken(ADMIN_KEY)))) {
            assertThat(replayed.status()).isEqualTo(401);
            assertThat(admin.status()).isEqualTo(200);
        }
        var tokens = "http://localhost:" + port + "/api/v1/wallboard/tokens";
        HttpClient http = HttpClient.newHttpClient();
        var ingest = http.send(HttpRequest.newBuilder(URI.create(tokens)).header("X-API-Key", INGEST_KEY)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        var anonymous = http.send(HttpRequest.newBuilder(URI.create(tokens))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        var issued = http.send(HttpRequest.newBuilder(URI.create(tokens)).header("X-API-Key", READ_KEY)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ingest.statusCode()).isEqualTo(403);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(issued.headers().firstValue("Cache-Control")).hasValue("no-store");
        WallboardToken body = json.readValue(issued.body(), WallboardToken.class);
        assertThat(body.token()).hasSizeGreaterThanOrEqualTo(43).doesNotContain(READ_KEY);
        // token-ttl, 60 s by default, counted on the service's clock from the moment of issue.
        assertThat(Duration.between(CLOCK.instant(), body.expiresAt())).isPositive()
                .isLessThanOrEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void noPathAcceptsAKeyInItsUrl() throws Exception {
        for (String path : new String[] {"/api/v1/queues", "/wallboard/stream"}) {
            var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path + "?key=" + READ_KEY)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(401);
        }
    }

    @Test
    void headerKeyOpensTheStreamToo() throws Exception {
        try (SseClient sse = SseClient.open(stream(""), "X-API-Key", READ_KEY)) {
            assertThat(sse.status()).isEqualTo(200);
            assertThat(sse.next(PUSH).name()).isEqualTo("snapshot");
        }
    }

    @Test
    void committedChangeIsPushedWithTheNumbersTheApiAnswers() throws Exception {
        Instant now = CLOCK.instant();
        Instant interval = now.truncatedTo(ChronoUnit.HOURS).plus(
                Duration.ofMinutes(now.atZone(java.time.ZoneOffset.UTC).getMinute() / 15 * 15));
        jdbc.sql("INSERT INTO queue (queue_id, name) VALUES ('q-sales', 'Sales')").update();
        jdbc.sql("INSERT INTO queue_media_sl (queue_id, media_type, sl_threshold_ms, sl_target_percent) "
                + "VALUES ('q-sales', 'voice', 30000, 90)").update();
        try (SseClient sse = SseClient.open(stream(withToken(READ_KEY)))) {
            SseClient.Event snapshot = sse.next(PUSH);
            assertThat(snapshot.name()).isEqualTo("snapshot");

            engine.intervalChange("q-sales", "voice", interval, 10, 8, 6, 2, 80_000, 8, 2_400_000, now);
            engine.contactWaiting("c-1", "q-sales", "voice", storeNow().minusSeconds(42));
            engine.agent("u-1", "ON_QUEUE", "IDLE", "q-sales");

            JsonNode tile = awaitTile(sse, "q-sales|voice", t -> t.path("waiting").asLong() == 1
                    && t.path("agentsAvailable").asLong() == 1);
            QueueIntervalRow day = get("/api/v1/queues/q-sales/intervals?from=" + interval.truncatedTo(ChronoUnit.DAYS)
                    + "&to=" + interval.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)) + "&granularity=P1D",
                    READ_KEY).retrieve().body(QueueIntervalRow[].class)[0];
            QueueRealtime realtime = get("/api/v1/queues/q-sales/realtime", READ_KEY).retrieve()
                    .body(QueueRealtime[].class)[0];

            assertThat(tile.path("queueName").asString()).isEqualTo("Sales");
            assertThat(tile.path("slTarget").asDouble()).isEqualTo(0.9);
            assertThat(tile.path("slThresholdSeconds").asDouble()).isEqualTo(30.0);
            assertThat(tile.path("today").path("serviceLevel").asDouble()).isEqualTo(day.serviceLevel());
            assertThat(tile.path("today").path("asaSeconds").asDouble()).isEqualTo(day.asaSeconds());
            assertThat(tile.path("today").path("ahtSeconds").asDouble()).isEqualTo(day.ahtSeconds());
            assertThat(tile.path("today").path("abandonRate").asDouble()).isEqualTo(day.abandonRate());
            assertThat(tile.path("current").path("serviceLevel").asDouble()).isEqualTo(0.6);
            assertThat(tile.path("current").path("final").asBoolean()).isFalse();
            assertThat(tile.path("waiting").asLong()).isEqualTo(realtime.waiting());
            assertThat(tile.path("longestWaitSeconds").asLong()).isBetween(41L, realtime.longestWaitSeconds());
            assertThat(tile.path("agentsOnQueue").asLong()).isEqualTo(realtime.agentsOnQueue());
            assertThat(tile.path("intervals")).anySatisfy(p -> assertThat(p.path("offered").asLong()).isEqualTo(10));
        }
    }

    /**
     * The level is the server's: SL now 100% is normal for the strict queue, 83.3% crosses its critical 90% (a
     * queue layer of {@code streamvane.kpi.thresholds}), and the next pushed update carries the critical level; the
     * same figures on a queue with the defaults (critical below 60%, warning below 80%) stay normal.
     */
    @Test
    void aQueueCrossingItsCriticalServiceLevelIsPushedWithTheCriticalLevel() throws Exception {
        Instant now = CLOCK.instant();
        Instant interval = now.truncatedTo(ChronoUnit.HOURS).plus(
                Duration.ofMinutes(now.atZone(java.time.ZoneOffset.UTC).getMinute() / 15 * 15));
        jdbc.sql("INSERT INTO queue (queue_id, name) VALUES (:vip, 'VIP'), ('q-std', 'Standard')")
                .param("vip", STRICT_QUEUE).update();
        jdbc.sql("INSERT INTO queue_media_sl (queue_id, media_type, sl_threshold_ms) VALUES (:vip, 'voice', 20000), "
                + "('q-std', 'voice', 20000)").param("vip", STRICT_QUEUE).update();
        String vip = STRICT_QUEUE + "|voice";
        try (SseClient sse = SseClient.open(stream(withToken(READ_KEY)))) {
            assertThat(sse.next(SLOW_PUSH).name()).isEqualTo("snapshot");

            // 10 of 10 within SL: 100%.
            engine.intervalChange(STRICT_QUEUE, "voice", interval, 10, 10, 10, 0, 10 * 5_000, 10, 10 * 240_000, now);
            JsonNode before = awaitTile(sse, vip, SLOW_PUSH,
                    t -> t.path("current").path("serviceLevel").asDouble() == 1.0);
            assertThat(before.path("level").asString()).isEqualTo("NORMAL");
            assertThat(before.path("alerts").path("serviceLevel").path("level").asString()).isEqualTo("NORMAL");
            assertThat(before.path("alerts").path("serviceLevel").path("critical").asDouble()).isEqualTo(0.9);

            // Two more answered outside SL: 10 of 12, 83.3%, on both queues.
            engine.intervalChange(STRICT_QUEUE, "voice", interval, 2, 2, 0, 0, 2 * 45_000, 2, 2 * 240_000, now);
            engine.intervalChange("q-std", "voice", interval, 12, 12, 10, 0, 10 * 5_000 + 2 * 45_000, 12,
                    12 * 240_000, now);
            Map<String, JsonNode> after = awaitTiles(sse, SLOW_PUSH, tiles -> Stream.of(vip, "q-std|voice")
                    .allMatch(k -> tiles.containsKey(k)
                            && tiles.get(k).path("current").path("serviceLevel").asDouble() < 0.9));
            assertThat(after.get(vip).path("alerts").path("serviceLevel").path("level").asString())
                    .isEqualTo("CRITICAL");
            assertThat(after.get(vip).path("level").asString()).isEqualTo("CRITICAL");
            assertThat(after.get("q-std|voice").path("alerts").path("serviceLevel").path("level").asString())
                    .isEqualTo("NORMAL");
            assertThat(after.get("q-std|voice").path("level").asString()).isEqualTo("NORMAL");
        }
    }

    @Test
    void reconnectWithLastEventIdGetsAFullSnapshot() throws Exception {
        jdbc.sql("INSERT INTO queue (queue_id, name) VALUES ('q-a', 'Alpha')").update();
        jdbc.sql("INSERT INTO queue_media_sl (queue_id, media_type, sl_threshold_ms) VALUES ('q-a', 'chat', 60000)")
                .update();
        String lastId;
        try (SseClient first = SseClient.open(stream(withToken(READ_KEY)))) {
            lastId = first.next(PUSH).id();
        }
        engine.contactWaiting("c-9", "q-a", "chat", storeNow());
        try (SseClient again = SseClient.open(stream(withToken(READ_KEY)), "Last-Event-ID", lastId)) {
            SseClient.Event e = again.next(PUSH);
            assertThat(e.name()).isEqualTo("snapshot");
            assertThat(Long.parseLong(e.id())).isGreaterThanOrEqualTo(Long.parseLong(lastId));
            // The change may land in the snapshot or, when it committed during the debounce, in the update after it.
            JsonNode tile = null;
            for (JsonNode t : json.readTree(e.data()).path("tiles")) {
                tile = t.path("key").asString().equals("q-a|chat") ? t : tile;
            }
            if (tile == null || tile.path("waiting").asLong() != 1) {
                tile = awaitTile(again, "q-a|chat", t -> t.path("waiting").asLong() == 1);
            }
            assertThat(tile.path("waiting").asLong()).isEqualTo(1);
        }
    }

    @Test
    void rootAndBarePathRedirectToThePageDroppingAnyQuery() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        var root = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/?key=abc")).build(),
                HttpResponse.BodyHandlers.discarding());
        var bare = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/wallboard")).build(),
                HttpResponse.BodyHandlers.discarding());
        var page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/wallboard/")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValue("wallboard/");
        assertThat(bare.headers().firstValue("Location")).hasValue("wallboard/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script type=\"module\" src=\"wallboard.js\">");
    }

    private JsonNode awaitTile(SseClient sse, String key, java.util.function.Predicate<JsonNode> done)
            throws Exception {
        return awaitTile(sse, key, PUSH, done);
    }

    private JsonNode awaitTile(SseClient sse, String key, Duration within,
            java.util.function.Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            SseClient.Event e = sse.next(within);
            for (JsonNode t : json.readTree(e.data()).path("tiles")) {
                if (t.path("key").asString().equals(key) && done.test(t)) {
                    return t;
                }
            }
        }
        throw new AssertionError("tile " + key + " never reached the expected state");
    }

    /** The latest version of every tile the stream has sent, once {@code done} holds for them. */
    private Map<String, JsonNode> awaitTiles(SseClient sse, Duration within,
            java.util.function.Predicate<Map<String, JsonNode>> done) throws Exception {
        Map<String, JsonNode> latest = new HashMap<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode t : json.readTree(sse.next(within).data()).path("tiles")) {
                latest.put(t.path("key").asString(), t);
            }
            if (done.test(latest)) {
                return latest;
            }
        }
        throw new AssertionError("tiles never reached the expected state: " + latest.keySet());
    }
}
