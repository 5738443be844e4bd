package io.streamvane.standalone.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.streamvane.simulator.api.FakeGenesysApi;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo profile on a tiny day at a high speedup: a key is generated and bound as the app's API key, the banner
 * prints it, the simulator's events arrive with it, and the fake Genesys API answers. The HTTP ingress endpoint has
 * not landed on main yet, so events go to a stub ingress (streamvane.simulator.ingress-url) that records them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "streamvane.simulator.duration=30m",
        "streamvane.simulator.speedup=3600"})
@ActiveProfiles("demo")
class DemoSimulationTest {

    static final StubIngress INGRESS = StubIngress.start();

    @DynamicPropertySource
    static void ingress(DynamicPropertyRegistry registry) {
        registry.add("streamvane.simulator.ingress-url", INGRESS::url);
    }

    @AfterAll
    static void stopIngress() {
        INGRESS.server.stop(0);
    }

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
    void eventsReachIngressWithTheBannersKey() throws InterruptedException {
        String key = environment.getProperty("streamvane.simulator.api-key");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (INGRESS.posts.get() < 50 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(INGRESS.posts.get()).isGreaterThanOrEqualTo(50);
        assertThat(INGRESS.keys).containsExactly(key);
        assertThat(INGRESS.paths).containsExactly("/api/v1/events");
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

    /** Stands in for POST /api/v1/events: counts posts and remembers the keys and paths it saw. */
    static final class StubIngress {
        final HttpServer server;
        final AtomicInteger posts = new AtomicInteger();
        final Set<String> keys = ConcurrentHashMap.newKeySet();
        final Set<String> paths = ConcurrentHashMap.newKeySet();

        private StubIngress(HttpServer server) {
            this.server = server;
        }

        static StubIngress start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
                StubIngress stub = new StubIngress(server);
                server.createContext("/", exchange -> {
                    exchange.getRequestBody().readAllBytes();
                    stub.paths.add(exchange.getRequestURI().getPath());
                    String key = exchange.getRequestHeaders().getFirst("X-API-Key");
                    stub.keys.add(key == null ? "<none>" : key);
                    stub.posts.incrementAndGet();
                    exchange.sendResponseHeaders(202, -1);
                    exchange.close();
                });
                server.start();
                return stub;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        String url() {
            return "http://localhost:" + server.getAddress().getPort();
        }
    }
}
