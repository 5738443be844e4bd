package io.streamvane.egress.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.egress.EgressIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EgressSecurityTest extends EgressIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String[] PROTECTED = {
            "/api/v1/queues",
            "/api/v1/queues/q1/intervals?from=2025-01-01T10:00:00Z&to=2025-01-01T11:00:00Z",
            "/api/v1/queues/q1/realtime",
            "/api/v1/agents/u1/intervals?from=2025-01-01T10:00:00Z&to=2025-01-01T11:00:00Z",
            "/api/v1/agents/u1/state",
            "/api/v1/admin/anything",
            "/odata/",
            "/odata/$metadata",
            "/odata/QueueIntervals",
            "/v3/api-docs",
            "/actuator/prometheus"};

    private ResponseEntity<String> call(String uri, String header, String value) {
        var spec = http.get().uri(uri);
        if (header != null) {
            spec.header(header, value);
        }
        return spec.retrieve().toEntity(String.class);
    }

    private static void assertProblem(ResponseEntity<String> r, int status) {
        assertThat(r.getStatusCode().value()).isEqualTo(status);
        assertThat(r.getHeaders().getContentType().equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(r.getBody()).contains("\"status\":" + status);
        JsonNode problem = JSON.readTree(r.getBody());
        String reason = problem.get("reason").asString();
        assertThat(reason).isIn(status == 401 ? new String[] {"credentials-required", "invalid-credentials"}
                : new String[] {"insufficient-scope"});
        assertThat(problem.get("type").asString()).isEqualTo("https://streamvane.io/problems/" + reason);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "X-API-Key", "Bearer"})
    void everyNonPublicEndpointRejectsMissingOrInvalidCredentialsWithProblemJson(String how) {
        for (String uri : PROTECTED) {
            ResponseEntity<String> r = switch (how) {
                case "none" -> call(uri, null, null);
                case "X-API-Key" -> call(uri, "X-API-Key", "not-a-key");
                default -> call(uri, HttpHeaders.AUTHORIZATION, "Bearer not-a-key");
            };
            assertProblem(r, 401);
            assertThat(r.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
            assertThat(r.getBody()).doesNotContain("not-a-key");
        }
    }

    @Test
    void healthAndTheWallboardPageNeedNoCredentials() {
        assertThat(call("/actuator/health", null, null).getStatusCode().value()).isEqualTo(200);
        assertThat(call("/actuator/health/liveness", null, null).getStatusCode().value()).isEqualTo(200);
        assertThat(call("/", null, null).getStatusCode().value()).isNotIn(401, 403);
        assertThat(call("/wallboard/index.html", null, null).getStatusCode().value()).isNotIn(401, 403);
    }

    @Test
    void aReadKeyReadsByHeaderOrBearerToken() {
        assertThat(call("/api/v1/queues", "X-API-Key", READ_KEY).getStatusCode().value()).isEqualTo(200);
        assertThat(call("/api/v1/queues", HttpHeaders.AUTHORIZATION, "Bearer " + READ_KEY).getStatusCode().value())
                .isEqualTo(200);
    }

    @Test
    void aKeyConfiguredInPlainTextIsAcceptedButItsScopeIsEnforced() {
        assertProblem(call("/api/v1/queues", "X-API-Key", INGEST_KEY), 403);
    }

    @Test
    void aReadKeyCannotCallAdminEndpointsButAnAdminKeyCanAndAlsoReads() {
        assertProblem(call("/api/v1/admin/anything", "X-API-Key", READ_KEY), 403);
        assertThat(call("/api/v1/admin/anything", "X-API-Key", ADMIN_KEY).getStatusCode().value()).isEqualTo(404);
        assertThat(call("/api/v1/queues", "X-API-Key", ADMIN_KEY).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void headOfAReadEndpointNeedsTheReadScopeAndGivesAwayNoEtagOrExistence() {
        queueRow("q1", "voice", "2025-01-01T10:00:00Z", 1, 1, 1, 0, 0, 0, 1000, 0, 0, 1, true);
        for (String uri : new String[] {"/api/v1/queues/q1/intervals?from=2025-01-01T10:00:00Z"
                + "&to=2025-01-01T11:00:00Z", "/api/v1/queues/nope/realtime", "/odata/QueueIntervals"}) {
            ResponseEntity<Void> refused = http.head().uri(uri).header("X-API-Key", INGEST_KEY).retrieve()
                    .toBodilessEntity();
            assertThat(refused.getStatusCode().value()).as(uri).isEqualTo(403);
            assertThat(refused.getHeaders().getETag()).as(uri).isNull();
        }
        assertThat(http.head().uri("/api/v1/queues/q1/intervals?from=2025-01-01T10:00:00Z&to=2025-01-01T11:00:00Z")
                .header("X-API-Key", READ_KEY).retrieve().toBodilessEntity().getHeaders().getETag()).isNotNull();
    }

    @Test
    void theScrapeNeedsTheReadScopeAndEnvironmentEndpointsAdmin() {
        assertProblem(call("/actuator/prometheus", "X-API-Key", INGEST_KEY), 403);
        assertThat(call("/actuator/prometheus", "X-API-Key", READ_KEY).getStatusCode().value()).isEqualTo(200);
        assertProblem(call("/actuator/env", "X-API-Key", READ_KEY), 403);
        assertProblem(call("/swagger-ui.html", "X-API-Key", INGEST_KEY), 403);
        assertProblem(call("/some/path/no/rule/names", "X-API-Key", ADMIN_KEY), 403);
    }

    @Test
    void theOpenApiDocumentDescribesTheQueryApiForAReader() {
        ResponseEntity<String> r = call("/v3/api-docs", "X-API-Key", READ_KEY);

        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getBody()).contains("/api/v1/queues/{queueId}/intervals", "/api/v1/agents/{userId}/state",
                "answeredWithinSl", "example");
    }
}
