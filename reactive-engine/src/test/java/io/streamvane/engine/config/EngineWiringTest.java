package io.streamvane.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamvane.engine.EngineApplication;
import io.streamvane.engine.harness.Events;
import io.streamvane.engine.settings.ServiceLevelSettingsSource;
import io.streamvane.testsupport.TestDatabase;
import io.streamvane.testsupport.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine application as deployed, on its own database: LISTEN/NOTIFY wakes the workers (the poll fallback is
 * set far beyond the wait, so only a notification can project in time), the finality job runs, the settings refresh
 * reads queue_media_sl and a settings change starts a replay, and the admin endpoint answers.
 */
@SpringBootTest(classes = EngineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"streamvane.engine.poll-interval=60s", "streamvane.engine.finality.sweep-interval=200ms",
                "streamvane.engine.service-level.refresh-interval=200ms",
                "streamvane.security.api-keys[0].name=ops", "streamvane.security.api-keys[0].key=" + EngineWiringTest.ADMIN_KEY,
                "streamvane.security.api-keys[0].scopes[0]=admin"})
class EngineWiringTest {

    static final String ADMIN_KEY = "engine-test-admin-7c41e9a2b5d80f36";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TestDatabase DB = TestDatabases.fresh();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @Autowired
    ServiceLevelSettingsSource settings;

    @Value("${local.server.port}")
    int port;

    private static long count(String sql) throws SQLException {
        try (Connection c = DB.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void exec(String sql) throws SQLException {
        try (Connection c = DB.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void anInboxRowInsertedBySqlIsProjectedPromptlyThroughListenNotify() throws Exception {
        // Let the listener connect first: a notification before LISTEN would only be caught by the 60 s poll.
        await().atMost(Duration.ofSeconds(10)).until(() ->
                count("SELECT count(*) FROM pg_stat_activity WHERE query = 'LISTEN streamvane_inbox'") > 0);
        String payload = Events.acdStart("wired-1", "s1", "q-wired", "voice",
                java.time.Instant.parse("2025-03-03T10:01:00Z"));
        exec("INSERT INTO engine_inbox (raw_event_id, event_time, topic_kind, payload) VALUES "
                + "(1, '2025-03-03T10:01:00Z', 'ACD_START', '" + payload.replace("'", "''") + "'::jsonb)");

        await().atMost(Duration.ofSeconds(10)).until(() ->
                count("SELECT coalesce(sum(offered), 0) FROM queue_interval WHERE queue_id = 'q-wired'") == 1);
        assertThat(count("SELECT count(*) FROM engine_inbox")).isZero();
        assertThat(count("SELECT count(*) FROM kpi_change_log WHERE queue_id = 'q-wired'")).isPositive();
    }

    @Test
    void theFinalityJobFinalisesIntervalsTheWatermarkPassed() throws Exception {
        exec("INSERT INTO queue_interval (queue_id, media_type, interval_start, interval_end, offered, revision) "
                + "VALUES ('q-final', 'voice', '2025-03-03T09:00:00Z', '2025-03-03T09:15:00Z', 1, 1)");
        exec("INSERT INTO watermark (source, max_event_time, watermark) VALUES "
                + "('http', '2025-03-03T10:05:00Z', '2025-03-03T10:00:00Z') ON CONFLICT DO NOTHING");

        await().atMost(Duration.ofSeconds(10)).until(() ->
                count("SELECT count(*) FROM queue_interval WHERE queue_id = 'q-final' AND is_final") == 1);
        assertThat(count("SELECT count(*) FROM kpi_change_log WHERE queue_id = 'q-final' AND is_final")).isEqualTo(1);
    }

    @Test
    void aSyncedQueueThresholdIsPickedUpAndStartsAReplay() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> settings.refresh() != null);
        exec("INSERT INTO queue_media_sl (queue_id, media_type, sl_threshold_ms) VALUES ('q-sl', 'voice', 7000)");

        await().atMost(Duration.ofSeconds(10)).until(() ->
                settings.get().resolve("q-sl", "voice").slThreshold().equals(Duration.ofSeconds(7)));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("SELECT count(*) FROM engine_replay WHERE status = 'done'") >= 1);
    }

    @Test
    void theAdminEndpointStartsAReplayAndReportsItsProgress() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder().header("X-API-Key", ADMIN_KEY).uri(URI.create("http://localhost:" + port
                + "/api/v1/admin/replay?from=2025-03-03T10:00:00Z&to=2025-03-03T11:00:00Z"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(started.body()).contains("\"id\"");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            HttpResponse<String> progress = http.send(HttpRequest.newBuilder().header("X-API-Key", ADMIN_KEY).uri(
                    URI.create("http://localhost:" + port + location)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(progress.statusCode()).isEqualTo(200);
            assertThat(progress.body()).contains("\"status\":\"done\"").contains("\"chunksTotal\":1");
        });
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder().header("X-API-Key", ADMIN_KEY).uri(URI.create("http://localhost:" + port
                + "/api/v1/admin/replay?from=2025-03-03T11:00:00Z&to=2025-03-03T10:00:00Z"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(bad, 400, "invalid-range");
        assertProblem(http.send(HttpRequest.newBuilder().header("X-API-Key", ADMIN_KEY).uri(URI.create("http://localhost:"
                + port + "/api/v1/admin/replay/999999")).build(), HttpResponse.BodyHandlers.ofString()), 404,
                "unknown-replay");
    }

    @Test
    void replayErrorsAreProblemsWithAReasonAndTheTypeDerivedFromIt() throws Exception {
        String base = "http://localhost:" + port + "/api/v1/admin/replay";
        assertProblem(admin("POST", base + "?from=2025-03-03T11:00:00Z&to=2025-03-03T10:00:00Z"), 400,
                "invalid-range");
        assertProblem(admin("POST", base + "?from=yesterday&to=2025-03-03T10:00:00Z"), 400, "invalid-range");
        assertProblem(admin("POST", base + "?to=2025-03-03T10:00:00Z"), 400, "missing-parameter");
        JsonNode unknown = assertProblem(admin("GET", base + "/999999"), 404, "unknown-replay");
        assertThat(unknown.get("detail").asString()).isEqualTo("no replay with id 999999");
        assertThat(unknown.get("instance").asString()).isEqualTo("/api/v1/admin/replay/999999");
    }

    private HttpResponse<String> admin(String method, String uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(uri)).header("X-API-Key", ADMIN_KEY)
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode assertProblem(HttpResponse<String> r, int status, String reason) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(r.body());
        assertThat(problem.get("reason").asString()).as(r.body()).isEqualTo(reason);
        assertThat(problem.get("type").asString()).isEqualTo("https://streamvane.io/problems/" + reason);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        return problem;
    }

    @Test
    void replayIsRefusedWithoutAnAdminKey() throws Exception {
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/v1/admin/replay?from=2025-03-03T10:00:00Z&to=2025-03-03T11:00:00Z"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(anonymous, 401, "credentials-required");
    }
}
