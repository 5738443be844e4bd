package io.streamvane.egress.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.egress.EgressApplication;
import io.streamvane.testsupport.TestDatabases;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sinks' admin API answers typed records: the OpenAPI document names a schema for every response, the JSON keeps
 * the fields and values the endpoints answered as maps (docs/push-sinks.md), and its errors are problem+json with a
 * reason. The one sink delivers nowhere (nothing listens on port 1), so only rows written here are in its outbox.
 */
@SpringBootTest(classes = EgressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SinkAdminResponsesTest {

    static final String ADMIN_KEY = "sink-admin-key-0123456789-7c41e9a2b5d80f36";
    static final String FEED = "wfm-admin";
    static final String BASE = "/api/v1/admin/sinks";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.fresh().springProperties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("streamvane.security.api-keys[0].name", () -> "operator");
        registry.add("streamvane.security.api-keys[0].key", () -> ADMIN_KEY);
        registry.add("streamvane.security.api-keys[0].scopes[0]", () -> "admin");
        registry.add("streamvane.egress.wfm.feeds[0].name", () -> FEED);
        registry.add("streamvane.egress.wfm.feeds[0].url", () -> "http://127.0.0.1:1/import");
        registry.add("streamvane.egress.wfm.feeds[0].granularity", () -> "PT30M");
        registry.add("streamvane.egress.wfm.feeds[0].final-only", () -> "true");
        registry.add("streamvane.egress.wfm.feeds[0].zero-fill", () -> "false");
        registry.add("streamvane.egress.wfm.feeds[0].format", () -> "JSON");
        registry.add("streamvane.egress.delivery.retention.enabled", () -> "false");
    }

    @Autowired
    DataSource dataSource;

    @Value("${local.server.port}")
    int port;

    private ResponseEntity<String> call(String method, String uri) {
        RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("X-API-Key", ADMIN_KEY).defaultStatusHandler(status -> true, (q, r) -> { }).build();
        return (method.equals("GET") ? http.get().uri(uri) : http.post().uri(uri)).retrieve().toEntity(String.class);
    }

    private JsonNode body(ResponseEntity<String> r, int status) {
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(status);
        return JSON.readTree(r.getBody());
    }

    // --- OpenAPI ------------------------------------------------------------------------------------------------

    @Test
    void theOpenApiDocumentNamesASchemaForEveryAdminResponse() {
        JsonNode api = body(call("GET", "/v3/api-docs"), 200);

        assertThat(responseSchema(api, BASE, "get", "200").path("items").path("$ref").asString())
                .isEqualTo("#/components/schemas/SinkStatus");
        assertThat(ref(responseSchema(api, BASE + "/{sink}", "get", "200"))).isEqualTo("SinkStatus");
        assertThat(ref(responseSchema(api, BASE + "/{sink}/replay", "post", "202"))).isEqualTo("ReplayAccepted");
        assertThat(ref(responseSchema(api, BASE + "/{sink}/dead-letters/retry", "post", "202")))
                .isEqualTo("DeadLettersRequeued");
        assertThat(responseSchema(api, BASE + "/{sink}/dead-letters", "get", "200").path("items").path("$ref")
                .asString()).isEqualTo("#/components/schemas/DeadLetter");

        assertThat(properties(api, "SinkStatus")).containsExactlyInAnyOrder("name", "granularity", "finalOnly",
                "pending", "deadLettered", "oldestPending", "changesNotTakenOver");
        assertThat(properties(api, "ReplayAccepted")).containsExactlyInAnyOrder("sink", "enqueued", "from", "to");
        assertThat(properties(api, "DeadLettersRequeued")).containsExactlyInAnyOrder("sink", "requeued");
        assertThat(properties(api, "DeadLetter")).containsExactlyInAnyOrder("id", "payloadId", "attempts",
                "lastError", "deadLetteredAt");
        JsonNode status = api.path("components").path("schemas").path("SinkStatus").path("properties");
        assertThat(status.path("pending").path("type").asString()).isEqualTo("integer");
        assertThat(status.path("finalOnly").path("type").asString()).isEqualTo("boolean");
        assertThat(status.path("oldestPending").path("format").asString()).isEqualTo("date-time");
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

    @Test
    void theAnswersKeepTheirFieldsAndValues() throws Exception {
        StoreFixture store = new StoreFixture(dataSource);
        store.exec("DELETE FROM sink_delivery");
        assertThat(body(call("GET", BASE + "/" + FEED), 200)).isEqualTo(JSON.readTree("""
                {"name":"wfm-admin","granularity":"PT30M","finalOnly":true,"pending":0,"deadLettered":0,
                 "oldestPending":null,"changesNotTakenOver":0}"""));

        // Not due before 2100, so the engine leaves the pending row alone.
        store.exec("INSERT INTO sink_delivery (sink, payload_id, status, next_attempt_at, created_at, payload) VALUES "
                + "('wfm-admin', 'p-pending', 'pending', '2100-01-01T00:00:00Z', '2025-03-04T09:00:00.123456Z', '{}')");
        store.exec("INSERT INTO sink_delivery (sink, payload_id, status, attempts, last_error, dead_lettered_at, "
                + "next_attempt_at, payload) VALUES ('wfm-admin', 'p-dead', 'dead_lettered', 12, 'HTTP 503', "
                + "'2025-03-04T09:30:00Z', '2100-01-01T00:00:00Z', '{}')");

        JsonNode sink = body(call("GET", BASE + "/" + FEED), 200);
        assertThat(sink.propertyNames()).containsExactly("name", "granularity", "finalOnly", "pending",
                "deadLettered", "oldestPending", "changesNotTakenOver");
        assertThat(sink).isEqualTo(JSON.readTree("""
                {"name":"wfm-admin","granularity":"PT30M","finalOnly":true,"pending":1,"deadLettered":1,
                 "oldestPending":"2025-03-04T09:00:00.123456Z","changesNotTakenOver":0}"""));
        assertThat(body(call("GET", BASE), 200)).isEqualTo(JSON.createArrayNode().add(sink));

        JsonNode deadLetters = body(call("GET", BASE + "/" + FEED + "/dead-letters"), 200);
        assertThat(deadLetters.size()).isEqualTo(1);
        assertThat(deadLetters.get(0).propertyNames()).containsExactly("id", "payloadId", "attempts", "lastError",
                "deadLetteredAt");
        assertThat(deadLetters.get(0).get("deadLetteredAt").asString()).isEqualTo("2025-03-04T09:30:00Z");

        assertThat(body(call("POST", BASE + "/" + FEED + "/replay?from=2025-03-04T09:00:00Z&to=2025-03-04T10:00:00Z"),
                202)).isEqualTo(JSON.readTree("""
                        {"sink":"wfm-admin","enqueued":0,"from":"2025-03-04T09:00:00Z","to":"2025-03-04T10:00:00Z"}"""));
        assertThat(body(call("POST", BASE + "/" + FEED + "/dead-letters/retry"), 202))
                .isEqualTo(JSON.readTree("{\"sink\":\"wfm-admin\",\"requeued\":1}"));
    }

    // --- problems ----------------------------------------------------------------------------------------------

    @Test
    void errorsAreProblemsWithAReasonAndTheTypeDerivedFromIt() {
        JsonNode unknown = problem(call("GET", BASE + "/nope"), 404, "unknown-sink");
        assertThat(unknown.get("title").asString()).isEqualTo("Unknown sink");
        assertThat(unknown.get("detail").asString()).isEqualTo("no sink named 'nope'");
        assertThat(unknown.get("instance").asString()).isEqualTo(BASE + "/nope");
        problem(call("POST", BASE + "/nope/dead-letters/retry"), 404, "unknown-sink");

        String replay = BASE + "/" + FEED + "/replay";
        JsonNode range = problem(call("POST", replay + "?from=2025-03-04T10:00:00Z&to=2025-03-04T09:00:00Z"), 400,
                "invalid-range");
        assertThat(range.get("detail").asString()).isEqualTo("from must be before to");
        problem(call("POST", replay + "?to=2025-03-04T09:00:00Z"), 400, "missing-parameter");
        problem(call("POST", replay + "?from=yesterday&to=2025-03-04T09:00:00Z"), 400, "invalid-parameter");
    }

    private JsonNode problem(ResponseEntity<String> r, int status, String reason) {
        assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode p = body(r, status);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("reason").asString()).isEqualTo(reason);
        assertThat(p.get("type").asString()).isEqualTo("https://streamvane.io/problems/" + reason);
        assertThat(p.get("title").asString()).isNotBlank();
        assertThat(p.get("detail").asString()).isNotBlank();
        return p;
    }
}
