package io.streamvane.scheduler.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.scheduler.FakeGenesys;
import io.streamvane.testsupport.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin API answers typed records: the OpenAPI document names a schema for every response, the JSON keeps the
 * fields and values it answered as maps (snake_case columns and millisecond UTC instants for gaps and drift), and its
 * errors are problem+json with a reason.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SchedulerAdminResponsesTest {

    static final FakeGenesys FAKE = new FakeGenesys();
    static final String ADMIN_KEY = "scheduler-admin-responses-7c41e9a2b5d80f36";
    static final String BASE = "/api/v1/scheduler";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        TestDatabases.fresh().springProperties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("streamvane.scheduler.genesys.client-id", () -> "client");
        registry.add("streamvane.scheduler.genesys.client-secret", () -> "secret");
        registry.add("streamvane.scheduler.genesys.api-base-url", FAKE.server::baseUrl);
        registry.add("streamvane.scheduler.genesys.login-base-url", FAKE.server::baseUrl);
        registry.add("streamvane.scheduler.jobs.enabled", () -> "false");
        registry.add("streamvane.security.api-keys[0].name", () -> "ops");
        registry.add("streamvane.security.api-keys[0].key", () -> ADMIN_KEY);
        registry.add("streamvane.security.api-keys[0].scopes[0]", () -> "admin");
    }

    @AfterAll
    static void stop() {
        FAKE.close();
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private ResponseEntity<String> call(String method, String uri, String json) {
        RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("X-API-Key", ADMIN_KEY).defaultStatusHandler(status -> true, (q, r) -> { }).build();
        if (method.equals("GET")) {
            return http.get().uri(uri).retrieve().toEntity(String.class);
        }
        var post = http.post().uri(uri);
        if (json != null) {
            post.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return post.retrieve().toEntity(String.class);
    }

    private static JsonNode body(ResponseEntity<String> r, int status) {
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(status);
        return JSON.readTree(r.getBody());
    }

    // --- OpenAPI ------------------------------------------------------------------------------------------------

    @Test
    void theOpenApiDocumentNamesASchemaForEveryAdminResponse() {
        JsonNode api = body(call("GET", "/v3/api-docs", null), 200);

        assertThat(ref(responseSchema(api, BASE + "/jobs", "get", "200"))).isEqualTo("JobsOverview");
        assertThat(ref(responseSchema(api, BASE + "/jobs/{name}/run", "post", "200"))).isEqualTo("JobRun");
        assertThat(ref(responseSchema(api, BASE + "/backfills", "post", "202"))).isEqualTo("BackfillAccepted");
        assertThat(ref(responseSchema(api, BASE + "/gaps", "get", "200").path("items"))).isEqualTo("GapView");
        assertThat(ref(responseSchema(api, BASE + "/drift", "get", "200").path("items"))).isEqualTo("DriftRow");

        assertThat(properties(api, "JobsOverview")).containsExactlyInAnyOrder("jobs", "genesysRequests",
                "genesysRetries", "tokenRequests", "circuitBreaker");
        assertThat(properties(api, "JobRun")).containsExactlyInAnyOrder("job", "ran");
        assertThat(properties(api, "BackfillAccepted")).containsExactlyInAnyOrder("gapId", "status");
        assertThat(properties(api, "GapView")).containsExactlyInAnyOrder(GAP_FIELDS.toArray(String[]::new));
        assertThat(properties(api, "DriftRow")).containsExactlyInAnyOrder(DRIFT_FIELDS.toArray(String[]::new));
        JsonNode gap = api.path("components").path("schemas").path("GapView").path("properties");
        assertThat(gap.path("chunks_done").path("type").asString()).isEqualTo("integer");
        assertThat(gap.path("gap_start").path("type").asString()).isEqualTo("string");
    }

    private static JsonNode responseSchema(JsonNode api, String path, String method, String status) {
        JsonNode content = api.path("paths").path(path).path(method).path("responses").path(status).path("content");
        assertThat(content.isObject() && !content.isEmpty()).as("%s %s %s content: %s", method, path, status,
                api.path("paths").path(path)).isTrue();
        return content.values().iterator().next().path("schema");
    }

    private static String ref(JsonNode schema) {
        String ref = schema.path("$ref").asString();
        assertThat(ref).as("a named schema, not a free-form object: %s", schema).startsWith("#/components/schemas/");
        return ref.substring("#/components/schemas/".length());
    }

    private static List<String> properties(JsonNode api, String schema) {
        JsonNode s = api.path("components").path("schemas").path(schema);
        assertThat(s.path("type").asString()).as(schema).isEqualTo("object");
        assertThat(s.has("additionalProperties")).as(schema).isFalse();
        return List.copyOf(s.path("properties").propertyNames());
    }

    // --- JSON as documented ------------------------------------------------------------------------------------

    static final List<String> GAP_FIELDS = List.of("id", "source", "gap_start", "gap_end", "status", "attempts",
            "last_error", "recorded_at", "filled_at", "chunks_done", "chunks_planned");
    static final List<String> DRIFT_FIELDS = List.of("queue_id", "media_type", "interval_start", "interval_end",
            "pass", "metric", "events_value", "api_value", "drift", "exceeds_tolerance", "adopted", "checked_at");

    @Test
    void gapsAndDriftAnswerTheirColumnsWithMillisecondUtcInstantsAsBefore() {
        // Statuses the gap-fill job never picks up, so a backfill started by another test leaves these rows alone.
        long filled = jdbc.queryForObject("INSERT INTO ingest_gap (source, gap_start, gap_end, status, attempts, "
                + "last_error, recorded_at, filled_at) VALUES ('http', '2024-03-04T09:00:00Z', "
                + "'2024-03-04T10:00:00.123456Z', 'filled', 2, 'boom', '2024-03-04T10:05:00.5Z', "
                + "'2024-03-04T11:00:00Z') RETURNING id", Long.class);
        long dismissed = jdbc.queryForObject("INSERT INTO ingest_gap (source, gap_start, gap_end, status, recorded_at) "
                + "VALUES ('manual', '2024-03-03T09:00:00Z', '2024-03-03T10:00:00Z', 'dismissed', "
                + "'2024-03-03T10:00:00Z') RETURNING id", Long.class);
        jdbc.update("INSERT INTO gap_fill_chunk (gap_id, chunk_start, chunk_end, status) VALUES "
                + "(?, '2024-03-04T09:00:00Z', '2024-03-04T09:30:00Z', 'done'), "
                + "(?, '2024-03-04T09:30:00Z', '2024-03-04T10:00:00Z', 'pending')", filled, filled);
        jdbc.update("INSERT INTO reconcile_drift (queue_id, media_type, interval_start, interval_end, pass, metric, "
                + "events_value, api_value, drift, exceeds_tolerance, adopted, checked_at) VALUES ('q1', 'voice', "
                + "'2024-03-04T09:00:00Z', '2024-03-04T09:15:00Z', 'T+1h', 'nOffered.count', 5, 7, 2, true, false, "
                + "'2024-03-04T10:15:00.000001Z')");

        JsonNode gaps = body(call("GET", BASE + "/gaps", null), 200);
        assertThat(byId(gaps, filled).propertyNames()).containsExactlyElementsOf(GAP_FIELDS);
        assertThat(byId(gaps, filled)).isEqualTo(JSON.readTree("""
                {"id":%d,"source":"http","gap_start":"2024-03-04T09:00:00.000Z","gap_end":"2024-03-04T10:00:00.123Z",
                 "status":"filled","attempts":2,"last_error":"boom","recorded_at":"2024-03-04T10:05:00.500Z",
                 "filled_at":"2024-03-04T11:00:00.000Z","chunks_done":1,"chunks_planned":2}""".formatted(filled)));
        assertThat(byId(gaps, dismissed)).isEqualTo(JSON.readTree("""
                {"id":%d,"source":"manual","gap_start":"2024-03-03T09:00:00.000Z","gap_end":"2024-03-03T10:00:00.000Z",
                 "status":"dismissed","attempts":0,"last_error":null,"recorded_at":"2024-03-03T10:00:00.000Z",
                 "filled_at":null,"chunks_done":0,"chunks_planned":0}""".formatted(dismissed)));

        String expectedDrift = """
                [{"queue_id":"q1","media_type":"voice","interval_start":"2024-03-04T09:00:00.000Z",
                  "interval_end":"2024-03-04T09:15:00.000Z","pass":"T+1h","metric":"nOffered.count","events_value":5,
                  "api_value":7,"drift":2,"exceeds_tolerance":true,"adopted":false,
                  "checked_at":"2024-03-04T10:15:00.000Z"}]""";
        String range = "?from=2024-03-04T00:00:00Z&to=2024-03-05T00:00:00Z";
        JsonNode drift = body(call("GET", BASE + "/drift" + range, null), 200);
        assertThat(drift.get(0).propertyNames()).containsExactlyElementsOf(DRIFT_FIELDS);
        assertThat(drift).isEqualTo(JSON.readTree(expectedDrift));
        assertThat(body(call("GET", BASE + "/drift" + range + "&queueId=q1", null), 200))
                .isEqualTo(JSON.readTree(expectedDrift));
        assertThat(body(call("GET", BASE + "/drift" + range + "&queueId=q2", null), 200)).isEmpty();
    }

    private static JsonNode byId(JsonNode rows, long id) {
        return rows.valueStream().filter(r -> r.get("id").asLong() == id).findFirst().orElseThrow();
    }

    @Test
    void jobsRunAndBackfillAnswerTheirFieldsAsBefore() {
        FAKE.server.stubFor(get(urlPathEqualTo("/api/v2/routing/queues")).willReturn(okJson("""
                {"entities":[],"pageNumber":1,"pageCount":1}""")));
        FAKE.server.stubFor(get(urlPathEqualTo("/api/v2/users")).willReturn(okJson("{\"entities\":[]}")));

        assertThat(body(call("POST", BASE + "/jobs/reference-sync/run", null), 200))
                .isEqualTo(JSON.readTree("{\"job\":\"reference-sync\",\"ran\":true}"));

        JsonNode jobs = body(call("GET", BASE + "/jobs", null), 200);
        assertThat(jobs.propertyNames()).containsExactly("jobs", "genesysRequests", "genesysRetries",
                "tokenRequests", "circuitBreaker");
        assertThat(jobs.get("jobs").valueStream().map(JsonNode::asString)).contains("reference-sync", "gap-fill",
                "reconcile", "observation-poll", "user-aggregates", "wfm-intraday");
        assertThat(jobs.get("genesysRequests").isIntegralNumber()).isTrue();
        assertThat(jobs.get("genesysRetries").isIntegralNumber()).isTrue();
        assertThat(jobs.get("tokenRequests").isIntegralNumber()).isTrue();
        assertThat(jobs.get("circuitBreaker").asString()).isEqualTo("CLOSED");

        JsonNode accepted = body(call("POST", BASE + "/backfills",
                "{\"from\":\"2024-02-01T09:00:00Z\",\"to\":\"2024-02-01T10:00:00Z\"}"), 202);
        long gapId = accepted.get("gapId").asLong();
        assertThat(accepted).isEqualTo(JSON.readTree("{\"gapId\":%d,\"status\":\"open\"}".formatted(gapId)));
        assertThat(jdbc.queryForObject("SELECT source FROM ingest_gap WHERE id = ?", String.class, gapId))
                .isEqualTo("manual");
    }

    // --- problems ----------------------------------------------------------------------------------------------

    @Test
    void errorsAreProblemsWithAReasonAndTheTypeDerivedFromIt() {
        JsonNode unknown = problem(call("POST", BASE + "/jobs/nope/run", null), 404, "unknown-job");
        assertThat(unknown.get("title").asString()).isEqualTo("Unknown job");
        assertThat(unknown.get("detail").asString()).startsWith("no job named 'nope'; known: [reference-sync");
        assertThat(unknown.get("instance").asString()).isEqualTo(BASE + "/jobs/nope/run");

        JsonNode range = problem(call("POST", BASE + "/backfills",
                "{\"from\":\"2024-02-01T10:00:00Z\",\"to\":\"2024-02-01T09:00:00Z\"}"), 400, "invalid-range");
        assertThat(range.get("detail").asString()).isEqualTo("from must be before to");
        problem(call("POST", BASE + "/backfills", "{\"to\":\"2024-02-01T09:00:00Z\"}"), 400, "invalid-range");
        problem(call("POST", BASE + "/backfills", "{\"from\":"), 400, "unreadable-body");
        problem(call("GET", BASE + "/drift?to=2024-02-01T09:00:00Z", null), 400, "missing-parameter");
        problem(call("GET", BASE + "/gaps?limit=many", null), 400, "invalid-parameter");
    }

    private static JsonNode problem(ResponseEntity<String> r, int status, String reason) {
        assertThat(r.getHeaders().getContentType()).as(r.getBody()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode p = body(r, status);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("reason").asString()).isEqualTo(reason);
        assertThat(p.get("type").asString()).isEqualTo("https://streamvane.io/problems/" + reason);
        assertThat(p.get("title").asString()).isNotBlank();
        assertThat(p.get("detail").asString()).isNotBlank();
        return p;
    }
}
