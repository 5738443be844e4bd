package io.streamvane.standalone.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamvane.simulator.api.FakeApiSettings;
import io.streamvane.simulator.api.FakeGenesysApi;
import io.streamvane.testsupport.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo profile on a tiny day at a high speedup, end to end in one process on a test-support database: a key is
 * generated and registered, the banner prints it, the simulator posts its events to the app's own HTTP ingress with
 * that key, the engine projects them, the fake Genesys API answers with a generated client, and the scheduler's
 * jobs run against it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "streamvane.simulator.duration=30m",
        "streamvane.simulator.speedup=3600",
        // The database comes from test-support below, which environment post-processors do not see yet.
        "streamvane.embedded-postgres.enabled=false"})
@ActiveProfiles("demo")
class DemoSimulationTest {

    private static final String SCHEDULER = "streamvane.scheduler.genesys.";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.fresh().springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DemoSimulation demo;

    @Autowired
    ConfigurableEnvironment environment;

    @Autowired
    MeterRegistry meters;

    @Test
    void generatesAnApiKeyBindsItForTheAuthLayerAndPrintsIt() {
        String key = environment.getProperty("streamvane.simulator.api-key");
        assertThat(key).startsWith("sv-demo-").hasSizeGreaterThan(30);
        assertThat(environment.getProperty("streamvane.security.api-keys[0].key")).isEqualTo(key);
        assertThat(environment.getProperty("streamvane.security.api-keys[0].scopes[0]")).isEqualTo("admin");
        assertThat(demo.banner()).contains("API key       " + key)
                .contains("/v3/api-docs").contains("/actuator/health").contains("Wallboard")
                .contains("Fake Genesys  " + demo.fakeApi().baseUrl());
    }

    @Test
    void eventsFlowThroughIngressIntoTheKpiTables() {
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            assertThat(demo.sink()).isNotNull();
            assertThat(jdbc.queryForObject("select count(*) from raw_event", Long.class)).isGreaterThan(100);
            // Half an hour of the site's late morning (see DemoBusyAtAnyHourTest), whatever the hour of the run.
            assertThat(jdbc.queryForObject("select coalesce(sum(offered), 0) from queue_interval", Long.class))
                    .isGreaterThan(40);
        });
        assertThat(demo.sink().statusCounts()).containsKey(202).doesNotContainKeys(401, 403, 500, 503);
    }

    @Test
    void generatesTheFakeApiClientAndPointsTheSchedulerAtIt() {
        String clientId = environment.getProperty("streamvane.simulator.api-client-id");
        String secret = environment.getProperty("streamvane.simulator.api-client-secret");
        assertThat(clientId).startsWith("streamvane-demo-");
        assertThat(secret).hasSize(48).isNotEqualTo(FakeApiSettings.DEFAULT_CLIENT_SECRET);
        assertThat(environment.getProperty(SCHEDULER + "client-id")).isEqualTo(clientId);
        assertThat(environment.getProperty(SCHEDULER + "client-secret")).isEqualTo(secret);
        assertThat(environment.getProperty(SCHEDULER + "api-base-url")).isEqualTo(demo.fakeApi().baseUrl().toString());
        assertThat(environment.getProperty(SCHEDULER + "login-base-url")).isEqualTo(demo.fakeApi().baseUrl().toString());
        assertThat(demo.banner()).contains("Scheduler     reference sync, observation poll");
    }

    @Test
    void theFakeGenesysApiServesTheSimulatedDay() throws Exception {
        String queues = fakeApiGet(FakeGenesysApi.QUEUES);

        assertThat(queues).contains("\"total\":4").contains("\"serviceLevel\"");
    }

    @Test
    void theSchedulerSyncsQueueAndUserNamesAndPollsTheFakeGenesysApi() throws Exception {
        List<String> queueNames = new ArrayList<>();
        JsonMapper.builder().build().readTree(fakeApiGet(FakeGenesysApi.QUEUES)).path("entities")
                .forEach(q -> queueNames.add(q.path("name").asString()));
        assertThat(queueNames).hasSize(4);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(jdbc.queryForList("select name from queue", String.class))
                    .containsExactlyInAnyOrderElementsOf(queueNames);
            assertThat(jdbc.queryForObject("select count(*) from app_user", Integer.class))
                    .isEqualTo(demo.run().config().agents().size());
            assertThat(jdbc.queryForObject("select count(*) from queue_observation", Integer.class)).isPositive();
        });
        assertThat(meters.get("streamvane.scheduler.genesys.requests").gauge().value()).isGreaterThanOrEqualTo(3);
        assertThat(demo.fakeApi().requestLog().count("POST " + FakeGenesysApi.QUEUE_OBSERVATIONS)).isPositive();
        assertThat(demo.fakeApi().requestLog().perStatus()).containsKey(200).doesNotContainKeys(401, 429, 500);
    }

    /** A GET on the fake API with a token for the demo's generated client, as the scheduler gets one. */
    private String fakeApiGet(String path) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI base = demo.fakeApi().baseUrl();
        String basic = Base64.getEncoder().encodeToString((environment.getProperty("streamvane.simulator.api-client-id")
                + ":" + environment.getProperty("streamvane.simulator.api-client-secret")).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(base.resolve(FakeGenesysApi.TOKEN))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        String accessToken = token.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + accessToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
