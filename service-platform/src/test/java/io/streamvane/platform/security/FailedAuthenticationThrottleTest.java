package io.streamvane.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guessing keys or tokens at speed: the fourth refused credential from one address within the window turns every
 * request from it into 429 with Retry-After, the right key included, before any credential is checked. Requests
 * without credentials are not failures (a browser opening a page is not an attack).
 */
@SpringBootTest(classes = JwtTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + LocalTokenIssuer.ISSUER,
                "spring.security.oauth2.resourceserver.jwt.audiences=" + LocalTokenIssuer.AUDIENCE,
                "streamvane.security.api-keys[0].name=reader",
                "streamvane.security.api-keys[0].key=" + FailedAuthenticationThrottleTest.READ_KEY,
                "streamvane.security.api-keys[0].scopes[0]=read",
                "streamvane.security.failed-authentication.max-failures=4",
                "streamvane.security.failed-authentication.window=10m"})
class FailedAuthenticationThrottleTest {

    static final String READ_KEY = "sv-read-7d3e9a10-throttle-test-key-0001";
    static final LocalTokenIssuer ISSUER = new LocalTokenIssuer();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void jwkSet(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", ISSUER::jwkSetUri);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void afterTooManyRefusedCredentialsAnAddressIsRefusedOutrightUntilTheWindowEnds() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(get(Map.of()).statusCode()).as("no credentials is no failure").isEqualTo(401);
        }
        assertThat(get(Map.of("X-API-Key", READ_KEY)).statusCode()).isEqualTo(200);
        assertThat(get(Map.of("X-API-Key", "sv-guess-1")).statusCode()).isEqualTo(401);
        assertThat(get(Map.of("Authorization", "Bearer sv-guess-2")).statusCode()).isEqualTo(401);
        assertThat(get(Map.of("Authorization", "Bearer " + ISSUER.forged(c -> c.claim("roles", List.of("Read"))))))
                .extracting(HttpResponse::statusCode).isEqualTo(401);
        assertThat(get(Map.of("X-API-Key", "sv-guess-4")).statusCode()).isEqualTo(401);

        HttpResponse<String> blocked = get(Map.of("X-API-Key", READ_KEY));
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(blocked.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(JsonMapper.builder().build().readTree(blocked.body()).get("reason").asString())
                .isEqualTo("too-many-failed-authentications");
        long retryAfter = Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, Duration.ofMinutes(10).toSeconds() + 1);
        assertThat(get(Map.of()).statusCode()).isEqualTo(429);
    }

    @Test
    void aWindowThatEndedForgetsItsFailuresAndTheTableStaysBounded() {
        var clock = new io.streamvane.testsupport.MutableClock(Instant.parse("2026-10-25T00:59:30Z"));
        FailedAuthentications failures = new FailedAuthentications(2, Duration.ofMinutes(1), clock);
        failures.refused("10.0.0.1", "API key not accepted");
        failures.refused("10.0.0.1", "API key not accepted");
        assertThat(failures.blockedUntil("10.0.0.1")).hasValue(Instant.parse("2026-10-25T01:00:30Z"));
        assertThat(failures.blockedUntil("10.0.0.2")).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        assertThat(failures.blockedUntil("10.0.0.1")).isEmpty();
        failures.refused("10.0.0.1", "API key not accepted");
        assertThat(failures.blockedUntil("10.0.0.1")).isEmpty();

        for (int i = 0; i < FailedAuthentications.MAX_ADDRESSES + 10; i++) {
            failures.refused("192.0.2." + i, "API key not accepted");
        }
        assertThat(failures.tracked()).isLessThanOrEqualTo(FailedAuthentications.MAX_ADDRESSES);
        // Past the bound the table started afresh instead of growing, and goes on counting.
        failures.refused("203.0.113.9", "API key not accepted");
        failures.refused("203.0.113.9", "API key not accepted");
        assertThat(failures.blockedUntil("203.0.113.9")).isPresent();
    }

    private HttpResponse<String> get(Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/queues"));
        headers.forEach(request::header);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
