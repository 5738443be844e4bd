package io.streamvane.egress.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.egress.EgressIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.junit.jupiter.api.Test;

class ApiValidationTest extends EgressIntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "from=2025-01-01T11:00:00Z&to=2025-01-01T10:00:00Z",
            "from=2025-01-01T10:00:00Z&to=2025-01-01T10:00:00Z",
            "from=2025-01-01T10:00:00Z&to=2025-01-01T11:00:00Z&granularity=PT5M",
            "from=2025-01-01T10:00:00Z&to=2025-01-01T11:00:00Z&granularity=weekly",
            "from=2025-01-01T10:00:00Z&to=2025-01-01T11:00:00Z&limit=0",
            "from=yesterday&to=2025-01-01T11:00:00Z",
            "to=2025-01-01T11:00:00Z"})
    void anUnanswerableIntervalQueryIs400ProblemJson(String query) {
        queueRow("q1", "voice", "2025-01-01T10:00:00Z", 1, 1, 1, 0, 0, 0, 1000, 0, 0, 1, true);

        ResponseEntity<String> r = get("/api/v1/queues/q1/intervals?" + query, READ_KEY).retrieve()
                .toEntity(String.class);

        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(r.getBody()).contains("\"status\":400");
    }

    @Test
    void anUnknownQueueIs404ProblemJson() {
        ResponseEntity<String> r = get("/api/v1/queues/nope/intervals?from=2025-01-01T10:00:00Z"
                + "&to=2025-01-01T11:00:00Z", READ_KEY).retrieve().toEntity(String.class);

        assertThat(r.getStatusCode().value()).isEqualTo(404);
        assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(r.getBody()).contains("unknown queue 'nope'");
    }
}
