package io.streamvane.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A read that waits longer than {@code streamvane.egress.query.statement-timeout} is cancelled and answered 503 with
 * a reason: the wait is a real one, on a table lock another connection holds.
 */
class StatementTimeoutTest extends EgressIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void shortTimeout(DynamicPropertyRegistry registry) {
        registry.add("streamvane.egress.query.statement-timeout", () -> "1s");
    }

    @Autowired
    private DataSource dataSource;

    @Test
    void aReadBlockedPastTheStatementTimeoutIsA503WithAReason() throws Exception {
        queueRow("q1", "voice", "2025-01-01T00:00:00Z", 1, 1, 1, 0, 0, 0, 1000, 1, 1000, 1, true);
        ResponseEntity<String> rest;
        ResponseEntity<String> odata;
        try (Connection locker = dataSource.getConnection(); Statement s = locker.createStatement()) {
            locker.setAutoCommit(false);
            s.execute("LOCK TABLE queue_interval IN ACCESS EXCLUSIVE MODE");
            try {
                // Both are answered while the lock is held: only a cancelled statement can answer them (a read that
                // waited for the lock never would). The watchdog only stops a broken build from hanging CI.
                rest = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> get("/api/v1/queues/q1/intervals"
                        + "?from=2025-01-01T00:00:00Z&to=2025-01-01T01:00:00Z", READ_KEY).retrieve()
                        .toEntity(String.class));
                odata = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> get("/odata/QueueIntervals", READ_KEY)
                        .retrieve().toEntity(String.class));
            } finally {
                locker.rollback();
            }
        }

        assertThat(rest.getStatusCode().value()).isEqualTo(503);
        assertThat(rest.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(JSON.readTree(rest.getBody()).path("reason").asString()).isEqualTo("query-timeout");
        assertThat(odata.getStatusCode().value()).isEqualTo(503);
        assertThat(JSON.readTree(odata.getBody()).path("error").path("message").asString())
                .contains("statement-timeout");
    }

    @Test
    void anUnblockedReadIsAnswered() {
        queueRow("q1", "voice", "2025-01-01T00:00:00Z", 1, 1, 1, 0, 0, 0, 1000, 1, 1000, 1, true);

        ResponseEntity<String> rest = get("/api/v1/queues/q1/intervals?from=2025-01-01T00:00:00Z"
                + "&to=2025-01-01T01:00:00Z", READ_KEY).retrieve().toEntity(String.class);

        assertThat(rest.getStatusCode().value()).isEqualTo(200);
    }
}
