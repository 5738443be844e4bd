package io.streamvane.ingress.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.ingress.TestEvents;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/** A context whose database is unreachable (a closed port): the endpoint must refuse with 503, not lose events. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:9/nowhere?connectTimeout=1",
        "spring.datasource.hikari.connection-timeout=500",
        "spring.datasource.hikari.initialization-fail-timeout=-1",
        "spring.flyway.enabled=false",
        "streamvane.ingress.partitions.enabled=false",
        "streamvane.ingress.store-retry-after=7s",
        "streamvane.security.api-keys[0].name=ingester",
        "streamvane.security.api-keys[0].key=" + EventsEndpointStoreDownTest.KEY,
        "streamvane.security.api-keys[0].scopes=ingest"})
class EventsEndpointStoreDownTest {

    static final String KEY = "sv-ingest-0c5a8e2f7b1d49c6a3e0d5b1";

    @Value("${local.server.port}")
    int port;

    @Test
    void unavailableStoreIsA503ProblemWithRetryAfter() {
        String body = TestEvents.acdStart("c-1", Instant.now().toEpochMilli());

        var answer = RestClient.create("http://localhost:" + port).post().uri("/api/v1/events")
                .header(HttpHeaders.CONTENT_TYPE, "application/json")
                .header("X-API-Key", KEY)
                .body(body)
                .exchange((request, response) -> new Object[] {response.getStatusCode().value(),
                        response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                        String.valueOf(response.getHeaders().getContentType()),
                        new String(response.getBody().readAllBytes())});

        assertThat(answer[0]).isEqualTo(503);
        assertThat(answer[1]).isEqualTo("7");
        assertThat((String) answer[2]).startsWith("application/problem+json");
        assertThat((String) answer[3]).contains("\"reason\":\"store-unavailable\"");
    }
}
