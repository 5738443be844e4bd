package io.streamvane.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.testsupport.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuthAndLimitsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private FakeGenesysApi api;

    @AfterEach
    void stop() {
        api.close();
    }

    private FakeGenesysApi start(FakeApiSettings settings) {
        api = FakeGenesysApi.start(SharedRun.day(), settings.withClock(clock));
        return api;
    }

    @Test
    void clientCredentialsGetABearerTokenInTheOAuthShape() {
        start(FakeApiSettings.defaults().withTokenLifetime(Duration.ofMinutes(10)));
        HttpResponse<String> response = new ApiClient(api.baseUrl())
                .token(FakeApiSettings.DEFAULT_CLIENT_ID, FakeApiSettings.DEFAULT_CLIENT_SECRET);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode token = ApiClient.read(response);
        assertThat(token.path("access_token").isString()).isTrue();
        assertThat(token.path("token_type").asString()).isEqualTo("bearer");
        assertThat(token.path("expires_in").isIntegralNumber()).isTrue();
        assertThat(token.path("expires_in").asLong()).isEqualTo(600);
    }

    @Test
    void aWrongSecretGetsNoToken() {
        start(FakeApiSettings.defaults());
        assertThat(new ApiClient(api.baseUrl()).token(FakeApiSettings.DEFAULT_CLIENT_ID, "nope").statusCode())
                .isEqualTo(401);
    }

    @Test
    void callsWithoutAValidTokenAre401() {
        start(FakeApiSettings.defaults());
        ApiClient anonymous = new ApiClient(api.baseUrl());
        assertThat(anonymous.get(FakeGenesysApi.QUEUES).statusCode()).isEqualTo(401);
        anonymous.token = "made-up";
        HttpResponse<String> response = anonymous.get(FakeGenesysApi.QUEUES);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(ApiClient.read(response).path("status").asInt()).isEqualTo(401);
        assertThat(ApiClient.read(response).path("code").isString()).isTrue();
    }

    @Test
    void anExpiredTokenIsRefused() {
        start(FakeApiSettings.defaults().withTokenLifetime(Duration.ofMinutes(5)));
        ApiClient client = ApiClient.authenticated(api);
        assertThat(client.get(FakeGenesysApi.USERS).statusCode()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(5));

        assertThat(client.get(FakeGenesysApi.USERS).statusCode()).isEqualTo(401);
    }

    @Test
    void pastTheBudgetCallsGet429WithRetryAfterUntilTheWindowTurns() {
        start(FakeApiSettings.defaults().withRequestsPerMinute(5));
        ApiClient client = ApiClient.authenticated(api);
        for (int i = 0; i < 5; i++) {
            assertThat(client.get(FakeGenesysApi.QUEUES).statusCode()).isEqualTo(200);
        }
        clock.advance(Duration.ofSeconds(20));

        HttpResponse<String> refused = client.get(FakeGenesysApi.QUEUES);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("40");
        assertThat(ApiClient.read(refused).path("code").asString()).isEqualTo("too.many.requests");
        clock.advance(Duration.ofSeconds(40));
        assertThat(client.get(FakeGenesysApi.QUEUES).statusCode()).isEqualTo(200);
    }

    @Test
    void theRequestLogCountsEveryCallPerEndpointAndStatus() {
        start(FakeApiSettings.defaults().withRequestsPerMinute(2));
        ApiClient client = ApiClient.authenticated(api);
        client.get(FakeGenesysApi.QUEUES);
        client.get(FakeGenesysApi.USERS);
        client.get(FakeGenesysApi.USERS);

        RequestLog log = api.requestLog();
        assertThat(log.count("POST " + FakeGenesysApi.TOKEN)).isEqualTo(1);
        assertThat(log.count("GET " + FakeGenesysApi.QUEUES)).isEqualTo(1);
        assertThat(log.count("GET " + FakeGenesysApi.USERS)).isEqualTo(2);
        assertThat(log.countWithStatus(429)).isEqualTo(1);
        assertThat(log.total()).isEqualTo(4);
        log.reset();
        assertThat(log.total()).isZero();
    }

    @Test
    void anOutageAnswers503WithRetryAfterUntilItEnds() {
        start(FakeApiSettings.defaults());
        ApiClient client = ApiClient.authenticated(api);
        api.outageFor(Duration.ofSeconds(30));

        HttpResponse<String> down = client.get(FakeGenesysApi.QUEUES);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).hasValue("30");

        clock.advance(Duration.ofSeconds(30));
        assertThat(client.get(FakeGenesysApi.QUEUES).statusCode()).isEqualTo(200);
    }
}
