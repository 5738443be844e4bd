package io.streamvane.scheduler.genesys;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.streamvane.model.kpi.Interval;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.QueueMetric;
import io.streamvane.scheduler.FakeGenesys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

class GenesysClientTest {

    private final FakeGenesys fake = new FakeGenesys();

    @AfterEach
    void stop() {
        fake.close();
    }

    private static final String AGG_RESPONSE = """
            { "results": [ { "group": { "queueId": "q-1", "mediaType": "voice" },
                "data": [ { "interval": "2025-03-04T10:00:00.000Z/2025-03-04T10:15:00.000Z",
                  "metrics": [
                    { "metric": "nOffered",      "stats": { "count": 57 } },
                    { "metric": "tAnswered",     "stats": { "max": 61200, "min": 800, "count": 49, "sum": 903411 } },
                    { "metric": "tAbandon",      "stats": { "max": 95000, "min": 2100, "count": 6, "sum": 201300 } },
                    { "metric": "tShortAbandon", "stats": { "count": 2, "sum": 9000 } },
                    { "metric": "nOverSla",      "stats": { "count": 9 } },
                    { "metric": "tAlert",        "stats": { "max": 12000, "min": 900, "count": 52, "sum": 260000 } },
                    { "metric": "tNotResponding", "stats": { "max": 15000, "min": 15000, "count": 3, "sum": 45000 } },
                    { "metric": "nTransferred",  "stats": { "count": 4 } },
                    { "metric": "nBlindTransferred", "stats": { "count": 3 } },
                    { "metric": "nConsultTransferred", "stats": { "count": 1 } },
                    { "metric": "tHandle",       "stats": { "count": 40, "sum": 12000000 } },
                    { "metric": "tTalk",         "stats": { "count": 40, "sum": 9000000 } },
                    { "metric": "tHeld",         "stats": { "count": 5, "sum": 1000000 } },
                    { "metric": "tAcw",          "stats": { "count": 40, "sum": 2000000 } },
                    { "metric": "oServiceLevel", "stats": { "ratio": 0.7273, "numerator": 40, "denominator": 55, "target": 0.8 } } ] } ] } ] }
            """;

    private Analytics.AggregationQuery query() {
        return new Analytics.AggregationQuery(
                Analytics.isoInterval(new Interval(Instant.parse("2025-03-04T10:00:00Z"), Instant.parse("2025-03-04T11:00:00Z"))),
                "PT15M", null, List.of("queueId", "mediaType"), null, Analytics.QUEUE_METRICS);
    }

    @Test
    void aggregatesQueryIsSentInTheDocumentedShapeAndMapsOntoComponents() {
        fake.server.stubFor(post(urlEqualTo(Analytics.CONVERSATION_AGGREGATES)).willReturn(okJson(AGG_RESPONSE)));

        Analytics.AggregateResponse response = fake.client().post(Analytics.CONVERSATION_AGGREGATES, query(),
                Analytics.AggregateResponse.class);

        fake.server.verify(postRequestedFor(urlEqualTo(Analytics.CONVERSATION_AGGREGATES))
                .withHeader("Authorization", equalTo("Bearer tok-1"))
                .withRequestBody(equalToJson("""
                        {"interval":"2025-03-04T10:00:00.000Z/2025-03-04T11:00:00.000Z","granularity":"PT15M",
                         "groupBy":["queueId","mediaType"],
                         "metrics":["nOffered","tAnswered","tAbandon","tShortAbandon","tFlowOut","tHandle","tTalk","tHeld","tAcw",
                                     "tAlert","tNotResponding","nTransferred","nBlindTransferred","nConsultTransferred",
                                     "tDialing","tContacting","nOverSla"]}""")));
        fake.server.verify(postRequestedFor(urlEqualTo("/oauth/token"))
                .withHeader("Authorization", equalTo("Basic Y2xpZW50OnNlY3JldA=="))
                .withRequestBody(equalTo("grant_type=client_credentials")));
        Analytics.AggregateResult r = response.results().get(0);
        assertThat(r.group()).isEqualTo(Map.of("queueId", "q-1", "mediaType", "voice"));
        assertThat(AggregateComponents.of(r.data().get(0).metrics())).isEqualTo(IntervalComponents.builder()
                .offered(57).answered(49).answeredWithinSl(40).abandoned(6).shortAbandoned(2).answerWaitMs(903411)
                .abandonWaitMs(201300).handled(40).handleMs(12000000).talkMs(9000000).holdMs(1000000).acwMs(2000000)
                .set(QueueMetric.SHORT_ABANDON_WAIT_MS, 9000).set(QueueMetric.HELD, 5).set(QueueMetric.WRAPPED_UP, 40)
                .set(QueueMetric.ALERTS, 52).set(QueueMetric.ALERT_MS, 260000).set(QueueMetric.NOT_RESPONDING, 3)
                .set(QueueMetric.NOT_RESPONDING_MS, 45000).set(QueueMetric.TRANSFERRED, 4)
                .set(QueueMetric.BLIND_TRANSFERRED, 3).set(QueueMetric.CONSULT_TRANSFERRED, 1).build());
    }

    @Test
    void tokenIsCachedAndRenewedAheadOfExpiry() {
        fake.server.stubFor(post(urlEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"access_token\":\"tok-1\",\"expires_in\":900}")).willSetStateTo("second"));
        fake.server.stubFor(post(urlEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson("{\"access_token\":\"tok-2\",\"expires_in\":900}")));
        fake.server.stubFor(get(urlPathEqualTo("/api/v2/routing/queues")).willReturn(okJson("{\"entities\":[]}")));
        GenesysClient client = fake.client(fake.properties().withTokenRenewBefore(Duration.ofMinutes(5)));

        client.get("/api/v2/routing/queues", String.class);
        fake.clock.advance(Duration.ofMinutes(9));
        client.get("/api/v2/routing/queues", String.class);
        assertThat(client.tokenRequests()).isEqualTo(1);

        fake.clock.advance(Duration.ofMinutes(1).plusSeconds(1)); // 10m01s of a 15-minute token: inside the 5-minute margin
        client.get("/api/v2/routing/queues", String.class);

        assertThat(client.tokenRequests()).isEqualTo(2);
        fake.server.verify(2, getRequestedFor(urlPathEqualTo("/api/v2/routing/queues")).withHeader("Authorization", equalTo("Bearer tok-1")));
        fake.server.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/routing/queues")).withHeader("Authorization", equalTo("Bearer tok-2")));
    }

    @Test
    void tooManyRequestsWaitsExactlyRetryAfterSecondsThenSucceeds() {
        stubSequence(aResponse().withStatus(429).withHeader("Retry-After", "7").withBody("{\"status\":429}"),
                aResponse().withStatus(429).withBody("{\"status\":429}"));
        GenesysClient client = fake.client();

        Analytics.AggregateResponse r = client.post(Analytics.CONVERSATION_AGGREGATES, query(), Analytics.AggregateResponse.class);

        assertThat(r.results()).hasSize(1);
        // Retry-After honoured; absent Retry-After falls back to the SDK's default of 3 s.
        assertThat(fake.sleeper.sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(3));
        assertThat(client.apiCalls()).isEqualTo(3);
    }

    @Test
    void aRetryAfterOfADayIsCappedAtTheConfiguredMaximum() {
        stubSequence(aResponse().withStatus(429).withHeader("Retry-After", "86400").withBody("{\"status\":429}"),
                aResponse().withStatus(503).withHeader("Retry-After", "Wed, 04 Mar 2026 12:00:00 GMT"));

        fake.client().post(Analytics.CONVERSATION_AGGREGATES, query(), Analytics.AggregateResponse.class);

        // 86400 s and an HTTP date two days after the test clock's now: both honoured only up to the 5-minute default.
        assertThat(fake.sleeper.sleeps).containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(5));
    }

    @Test
    void serverErrorsBackOffExponentially() {
        stubSequence(aResponse().withStatus(503), aResponse().withStatus(502), aResponse().withStatus(500));

        fake.client().post(Analytics.CONVERSATION_AGGREGATES, query(), Analytics.AggregateResponse.class);

        assertThat(fake.sleeper.sleeps).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(9), Duration.ofSeconds(27));
    }

    @Test
    void givesUpAfterMaxAttemptsWithTheLastStatus() {
        fake.server.stubFor(post(urlEqualTo(Analytics.CONVERSATION_AGGREGATES)).willReturn(aResponse().withStatus(503)));
        GenesysClient client = fake.client(fake.properties().withMaxAttempts(3));

        assertThatThrownBy(() -> client.post(Analytics.CONVERSATION_AGGREGATES, query(), Analytics.AggregateResponse.class))
                .isInstanceOfSatisfying(GenesysApiException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(client.apiCalls()).isEqualTo(3);
        assertThat(fake.sleeper.sleeps).hasSize(2);
    }

    @Test
    void badRequestIsNotRetried() {
        fake.server.stubFor(post(urlEqualTo(Analytics.CONVERSATION_AGGREGATES)).willReturn(aResponse().withStatus(400)
                .withBody("{\"message\":\"bad interval\"}")));
        GenesysClient client = fake.client();

        assertThatThrownBy(() -> client.post(Analytics.CONVERSATION_AGGREGATES, query(), Analytics.AggregateResponse.class))
                .hasMessageContaining("bad interval");
        assertThat(client.apiCalls()).isEqualTo(1);
        assertThat(fake.sleeper.sleeps).isEmpty();
    }

    @Test
    void revokedTokenIsReplacedOnceOn401() {
        fake.server.stubFor(post(urlEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"access_token\":\"revoked\",\"expires_in\":86399}")).willSetStateTo("second"));
        fake.server.stubFor(post(urlEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson("{\"access_token\":\"fresh\",\"expires_in\":86399}")));
        fake.server.stubFor(get(urlPathEqualTo("/api/v2/users")).withHeader("Authorization", equalTo("Bearer revoked"))
                .willReturn(aResponse().withStatus(401)));
        fake.server.stubFor(get(urlPathEqualTo("/api/v2/users")).withHeader("Authorization", equalTo("Bearer fresh"))
                .willReturn(okJson("{\"entities\":[]}")));

        fake.client().get("/api/v2/users", String.class);

        fake.server.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
    }

    record Q(String id, String name) {
    }

    @Test
    void pagingFollowsNextUriUntilItIsAbsent() {
        fake.server.stubFor(get(urlEqualTo("/api/v2/routing/queues?pageSize=2&pageNumber=1")).willReturn(okJson("""
                {"entities":[{"id":"q1","name":"A"},{"id":"q2","name":"B"}],"pageSize":2,"pageNumber":1,"total":5,"pageCount":3,
                 "firstUri":"/api/v2/routing/queues?pageSize=2&pageNumber=1","selfUri":"/api/v2/routing/queues?pageSize=2&pageNumber=1",
                 "nextUri":"/api/v2/routing/queues?pageSize=2&pageNumber=2","lastUri":"/api/v2/routing/queues?pageSize=2&pageNumber=3"}""")));
        fake.server.stubFor(get(urlEqualTo("/api/v2/routing/queues?pageSize=2&pageNumber=2")).willReturn(okJson("""
                {"entities":[{"id":"q3","name":"C"},{"id":"q4","name":"D"}],"pageSize":2,"pageNumber":2,"total":5,"pageCount":3,
                 "nextUri":"/api/v2/routing/queues?pageSize=2&pageNumber=3"}""")));
        fake.server.stubFor(get(urlEqualTo("/api/v2/routing/queues?pageSize=2&pageNumber=3")).willReturn(okJson("""
                {"entities":[{"id":"q5","name":"E"}],"pageSize":2,"pageNumber":3,"total":5,"pageCount":3}""")));

        List<Q> all = fake.client().getAllPages("/api/v2/routing/queues?pageSize=2&pageNumber=1",
                new ParameterizedTypeReference<EntityListing<Q>>() { });

        assertThat(all).extracting(Q::id).containsExactly("q1", "q2", "q3", "q4", "q5");
    }

    @Test
    void aNextUriOnAnotherHostIsRefusedAndNeverSentTheToken() {
        WireMockServer elsewhere = new WireMockServer(options().dynamicPort());
        elsewhere.start();
        try {
            elsewhere.stubFor(get(anyUrl()).willReturn(okJson("{\"entities\":[]}")));
            // Same host name, another port: a different origin all the same.
            String foreign = "http://localhost:" + elsewhere.port() + "/api/v2/users?pageNumber=2";
            fake.server.stubFor(get(urlEqualTo("/api/v2/users?pageSize=1&pageNumber=1")).willReturn(okJson("""
                    {"entities":[{"id":"u1","name":"A"}],"pageSize":1,"pageNumber":1,"pageCount":2,
                     "nextUri":"%s"}""".formatted(foreign))));
            GenesysClient client = fake.client();

            assertThatThrownBy(() -> client.getAllPages("/api/v2/users?pageSize=1&pageNumber=1",
                    new ParameterizedTypeReference<EntityListing<Q>>() { }))
                    .isInstanceOf(GenesysApiException.class)
                    .hasMessageContaining("refusing to follow " + foreign)
                    .hasMessageContaining(fake.server.baseUrl());

            elsewhere.verify(0, anyRequestedFor(anyUrl()));
            assertThat(client.apiCalls()).isEqualTo(1);
        } finally {
            elsewhere.stop();
        }
    }

    @Test
    void aNextUriNamingAnotherHostIsRefusedBeforeAnyRequest() {
        fake.server.stubFor(get(urlEqualTo("/api/v2/users?pageSize=1&pageNumber=1")).willReturn(okJson("""
                {"entities":[{"id":"u1","name":"A"}],"pageSize":1,"pageNumber":1,"pageCount":2,
                 "nextUri":"https://evil.example/api/v2/users?pageNumber=2"}""")));
        GenesysClient client = fake.client();

        assertThatThrownBy(() -> client.getAllPages("/api/v2/users?pageSize=1&pageNumber=1",
                new ParameterizedTypeReference<EntityListing<Q>>() { }))
                .isInstanceOf(GenesysApiException.class)
                .hasMessageContaining("refusing to follow https://evil.example/api/v2/users?pageNumber=2");
        assertThat(client.apiCalls()).isEqualTo(1);
        assertThat(fake.sleeper.sleeps).isEmpty();
    }

    @Test
    void aNextUriOnTheApiHostIsFollowedWhetherRelativeOrAbsolute() {
        fake.server.stubFor(get(urlEqualTo("/api/v2/users?pageSize=1&pageNumber=1")).willReturn(okJson("""
                {"entities":[{"id":"u1","name":"A"}],"pageSize":1,"pageNumber":1,"pageCount":3,
                 "nextUri":"/api/v2/users?pageSize=1&pageNumber=2"}""")));
        fake.server.stubFor(get(urlEqualTo("/api/v2/users?pageSize=1&pageNumber=2")).willReturn(okJson("""
                {"entities":[{"id":"u2","name":"B"}],"pageSize":1,"pageNumber":2,"pageCount":3,
                 "nextUri":"%s/api/v2/users?pageSize=1&pageNumber=3"}""".formatted(fake.server.baseUrl()))));
        fake.server.stubFor(get(urlEqualTo("/api/v2/users?pageSize=1&pageNumber=3")).willReturn(okJson("""
                {"entities":[{"id":"u3","name":"C"}],"pageSize":1,"pageNumber":3,"pageCount":3}""")));

        List<Q> all = fake.client().getAllPages("/api/v2/users?pageSize=1&pageNumber=1",
                new ParameterizedTypeReference<EntityListing<Q>>() { });

        assertThat(all).extracting(Q::id).containsExactly("u1", "u2", "u3");
        fake.server.verify(3, getRequestedFor(urlPathEqualTo("/api/v2/users")).withHeader("Authorization",
                equalTo("Bearer tok-1")));
    }

    @Test
    void pagingWithoutNextUriFallsBackToPageCount() {
        fake.server.stubFor(get(urlEqualTo("/api/v2/users?pageSize=1&pageNumber=1")).willReturn(okJson("""
                {"entities":[{"id":"u1","name":"A"}],"pageSize":1,"pageNumber":1,"pageCount":2}""")));
        fake.server.stubFor(get(urlEqualTo("/api/v2/users?pageSize=1&pageNumber=2")).willReturn(okJson("""
                {"entities":[{"id":"u2","name":"B"}],"pageSize":1,"pageNumber":2,"pageCount":2}""")));

        List<Q> all = fake.client().getAllPages("/api/v2/users?pageSize=1&pageNumber=1",
                new ParameterizedTypeReference<EntityListing<Q>>() { });

        assertThat(all).extracting(Q::id).containsExactly("u1", "u2");
    }

    @Test
    void rateBudgetIsTheConfiguredShareOfThreeHundredPerMinute() {
        fake.server.stubFor(get(urlPathEqualTo("/api/v2/users")).willReturn(okJson("{\"entities\":[]}")));
        GenesysProperties props = fake.properties().withRate(300, 0.01, Duration.ZERO); // 3 per minute, no waiting
        GenesysClient client = fake.client(props);

        for (int i = 0; i < 3; i++) {
            client.get("/api/v2/users", String.class);
        }

        assertThat(props.permittedPerMinute()).isEqualTo(3);
        assertThatThrownBy(() -> client.get("/api/v2/users", String.class))
                .isInstanceOfSatisfying(GenesysApiException.class, e -> assertThat(e.status()).isEqualTo(429));
        fake.server.verify(3, getRequestedFor(urlPathEqualTo("/api/v2/users")));
    }

    private void stubSequence(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... failures) {
        String state = STARTED;
        for (int i = 0; i < failures.length; i++) {
            String next = "after-" + i;
            fake.server.stubFor(post(urlEqualTo(Analytics.CONVERSATION_AGGREGATES)).inScenario("seq")
                    .whenScenarioStateIs(state).willReturn(failures[i]).willSetStateTo(next));
            state = next;
        }
        fake.server.stubFor(post(urlEqualTo(Analytics.CONVERSATION_AGGREGATES)).inScenario("seq")
                .whenScenarioStateIs(state).willReturn(okJson(AGG_RESPONSE)));
    }
}
