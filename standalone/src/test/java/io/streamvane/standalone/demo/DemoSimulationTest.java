package io.streamvane.standalone.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.streamvane.simulator.api.FakeGenesysApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo profile on a tiny day at a high speedup, end to end in one process: a key is generated and registered,
 * the banner prints it, the simulator posts its events to the app's own HTTP ingress with that key, the engine
 * projects them, and the fake Genesys API answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "streamvane.simulator.duration=30m",
        "streamvane.simulator.speedup=3600"})
@ActiveProfiles("demo")
class DemoSimulationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DemoSimulation demo;

    @Autowired
    ConfigurableEnvironment environment;

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
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(demo.sink()).isNotNull();
            assertThat(jdbc.queryForObject("select count(*) from raw_event", Long.class)).isGreaterThan(100);
            assertThat(jdbc.queryForObject("select coalesce(sum(offered), 0) from queue_interval", Long.class))
                    .isGreaterThan(10);
        });
        assertThat(demo.sink().statusCounts()).containsKey(202).doesNotContainKeys(401, 403, 500, 503);
    }

    @Test
    void theFakeGenesysApiServesTheSimulatedDay() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI base = demo.fakeApi().baseUrl();
        String basic = Base64.getEncoder().encodeToString(
                "streamvane-sim:streamvane-sim-secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(base.resolve(FakeGenesysApi.TOKEN))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        String accessToken = token.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> queues = http.send(HttpRequest.newBuilder(base.resolve(FakeGenesysApi.QUEUES))
                .header("Authorization", "Bearer " + accessToken).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(queues.statusCode()).isEqualTo(200);
        assertThat(queues.body()).contains("\"total\":4").contains("\"serviceLevel\"");
    }
}
