package io.streamvane.scheduler.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.scheduler.FakeGenesys;
import io.streamvane.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SchedulerWiringTest {

    static final FakeGenesys FAKE = new FakeGenesys();
    static final String ADMIN_KEY = "scheduler-test-admin-7c41e9a2b5d80f36";
    static final String READ_KEY = "scheduler-test-read-7c41e9a2b5d80f36";

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        TestDatabases.fresh().springProperties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("streamvane.scheduler.genesys.client-id", () -> "client");
        registry.add("streamvane.scheduler.genesys.client-secret", () -> "secret");
        registry.add("streamvane.scheduler.genesys.api-base-url", FAKE.server::baseUrl);
        registry.add("streamvane.scheduler.genesys.login-base-url", FAKE.server::baseUrl);
        registry.add("streamvane.scheduler.jobs.enabled", () -> "false");
        registry.add("streamvane.security.api-keys[0].name", () -> "ops");
        registry.add("streamvane.security.api-keys[0].key", () -> ADMIN_KEY);
        registry.add("streamvane.security.api-keys[0].scopes[0]", () -> "admin");
        registry.add("streamvane.security.api-keys[1].name", () -> "bi");
        registry.add("streamvane.security.api-keys[1].key", () -> READ_KEY);
        registry.add("streamvane.security.api-keys[1].scopes[0]", () -> "read");
    }

    @AfterAll
    static void stop() {
        FAKE.close();
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void adminApiRunsAJobNowUnderItsLockAndListsGaps() {
        FAKE.server.stubFor(get(urlPathEqualTo("/api/v2/routing/queues")).willReturn(okJson("""
                {"entities":[{"id":"q-1","name":"Sales","mediaSettings":{"call":{"serviceLevel":{"percentage":0.8,"durationMs":20000}}}}],
                 "pageNumber":1,"pageCount":1}""")));
        FAKE.server.stubFor(get(urlPathEqualTo("/api/v2/users")).willReturn(okJson("{\"entities\":[]}")));
        RestClient http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("X-API-Key", ADMIN_KEY).build();

        String run = http.post().uri("/api/v1/scheduler/jobs/reference-sync/run").retrieve().body(String.class);
        String jobs = http.get().uri("/api/v1/scheduler/jobs").retrieve().body(String.class);
        String gaps = http.get().uri("/api/v1/scheduler/gaps").retrieve().body(String.class);

        assertThat(run).contains("\"ran\":true");
        assertThat(jobs).contains("reference-sync", "gap-fill", "reconcile", "\"genesysRequests\":2");
        assertThat(gaps).isEqualTo("[]");
    }

    @Test
    void adminApiRefusesCallersWithoutTheAdminScope() {
        RestClient anonymous = RestClient.create("http://localhost:" + port);
        RestClient reader = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("X-API-Key", READ_KEY).build();

        assertThat(status(anonymous.post().uri("/api/v1/scheduler/jobs/reference-sync/run"))).isEqualTo(401);
        assertThat(status(reader.post().uri("/api/v1/scheduler/jobs/reference-sync/run"))).isEqualTo(403);
        assertThat(status(reader.get().uri("/api/v1/scheduler/gaps"))).isEqualTo(403);
    }

    private static int status(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange((req, res) -> res.getStatusCode().value());
    }
}
