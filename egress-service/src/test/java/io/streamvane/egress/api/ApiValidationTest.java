package io.streamvane.egress.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.egress.EgressIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ApiValidationTest extends EgressIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @CsvSource(delimiter = ' ', value = {
            "from=2025-01-01T11:00:00Z&to=2025-01-01T10:00:00Z invalid-range",
            "from=2025-01-01T10:00:00Z&to=2025-01-01T10:00:00Z invalid-range",
            "from=2025-01-01T10:00:00Z&to=2025-01-01T11:00:00Z&granularity=PT5M invalid-granularity",
            "from=2025-01-01T10:00:00Z&to=2025-01-01T11:00:00Z&granularity=weekly invalid-granularity",
            "from=2025-01-01T10:00:00Z&to=2025-01-01T11:00:00Z&limit=0 invalid-limit",
            "from=yesterday&to=2025-01-01T11:00:00Z invalid-parameter",
            "to=2025-01-01T11:00:00Z missing-parameter"})
    void anUnanswerableIntervalQueryIs400ProblemJsonWithAReason(String query, String reason) {
        queueRow("q1", "voice", "2025-01-01T10:00:00Z", 1, 1, 1, 0, 0, 0, 1000, 0, 0, 1, true);

        ResponseEntity<String> r = get("/api/v1/queues/q1/intervals?" + query, READ_KEY).retrieve()
                .toEntity(String.class);

        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = JSON.readTree(r.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("reason").asString()).isEqualTo(reason);
        assertThat(problem.get("type").asString()).isEqualTo("https://streamvane.io/problems/" + reason);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    @Test
    void anUnknownQueueIs404ProblemJson() {
        ResponseEntity<String> r = get("/api/v1/queues/nope/intervals?from=2025-01-01T10:00:00Z"
                + "&to=2025-01-01T11:00:00Z", READ_KEY).retrieve().toEntity(String.class);

        assertThat(r.getStatusCode().value()).isEqualTo(404);
        assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = JSON.readTree(r.getBody());
        assertThat(problem.get("detail").asString()).isEqualTo("unknown queue 'nope'");
        assertThat(problem.get("reason").asString()).isEqualTo("unknown-queue");
        assertThat(problem.get("type").asString()).isEqualTo("https://streamvane.io/problems/unknown-queue");
        assertThat(problem.get("title").asString()).isEqualTo("Not Found");
    }

    @Test
    void anUnknownAgentIs404ProblemJsonWithItsReason() {
        ResponseEntity<String> r = get("/api/v1/agents/nobody/state", READ_KEY).retrieve().toEntity(String.class);

        assertThat(r.getStatusCode().value()).isEqualTo(404);
        assertThat(JSON.readTree(r.getBody()).get("reason").asString()).isEqualTo("unknown-agent");
    }
}
