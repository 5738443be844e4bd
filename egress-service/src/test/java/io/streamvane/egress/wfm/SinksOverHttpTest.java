package io.streamvane.egress.wfm;

import io.streamvane.testsupport.webhook.WebhookReceiver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamvane.egress.EgressApplication;
import io.streamvane.egress.delivery.StoreFixture;
import io.streamvane.egress.retention.OutboxRetention;
import io.streamvane.platform.security.ApiKeyStore;
import io.streamvane.testsupport.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sinks as the application wires them: one WFM feed and two API keys from properties, the delivery engine started
 * by the context, the admin endpoints reached over HTTP through the platform's security. The receiver verifies every
 * Standard Webhooks signature; rows are written the way the engine writes them (interval row + change-log row).
 */
@SpringBootTest(classes = EgressApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SinksOverHttpTest {

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ADMIN_KEY = "sinks-admin-key-0123456789-7c41e9a2b5d80f36";
    static final String READ_KEY = "sinks-read-key-0123456789-7c41e9a2b5d80f36";
    static final String FEED = "wfm-spring";
    static final Instant T0 = Instant.parse("2025-03-04T09:00:00Z");
    static final JsonMapper JSON = JsonMapper.builder().build();

    static WebhookReceiver receiver;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        receiver = new WebhookReceiver(SECRET);
        TestDatabases.fresh().springProperties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("streamvane.security.api-keys[0].name", () -> "operator");
        registry.add("streamvane.security.api-keys[0].key", () -> ADMIN_KEY);
        registry.add("streamvane.security.api-keys[0].scopes[0]", () -> "admin");
        registry.add("streamvane.security.api-keys[1].name", () -> "reader");
        registry.add("streamvane.security.api-keys[1].key-hash", () -> ApiKeyStore.hash(READ_KEY));
        registry.add("streamvane.security.api-keys[1].scopes[0]", () -> "read");
        registry.add("streamvane.egress.delivery.poll-interval", () -> "200ms");
        registry.add("streamvane.egress.wfm.feeds[0].name", () -> FEED);
        registry.add("streamvane.egress.wfm.feeds[0].url", () -> receiver.url().toString());
        registry.add("streamvane.egress.wfm.feeds[0].granularity", () -> "PT15M");
        registry.add("streamvane.egress.wfm.feeds[0].final-only", () -> "false");
        registry.add("streamvane.egress.wfm.feeds[0].format", () -> "JSON");
        registry.add("streamvane.egress.wfm.feeds[0].batch-size", () -> "1");
        registry.add("streamvane.egress.wfm.feeds[0].signing-secret", () -> SECRET);
        // Were a RabbitMQ health indicator auto-configured, it would point here and be DOWN: nothing listens.
        registry.add("spring.rabbitmq.host", () -> "127.0.0.1");
        registry.add("spring.rabbitmq.port", () -> "1");
        registry.add("management.endpoint.health.show-components", () -> "always");
        registry.add("streamvane.egress.delivery.retention.initial-delay", () -> "1h"); // the tests run it
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    OutboxRetention retention;

    @Autowired
    MeterRegistry meters;

    @Value("${local.server.port}")
    int port;

    StoreFixture store;
    RestClient http;

    @BeforeEach
    void setUp() throws Exception {
        store = new StoreFixture(dataSource);
        store.queue("q1", "Sales EN");
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    private ResponseEntity<String> call(String method, String uri, String apiKey) {
        var spec = method.equals("GET") ? http.get().uri(uri) : http.post().uri(uri);
        if (apiKey != null) {
            spec.header("X-API-Key", apiKey);
        }
        return spec.retrieve().toEntity(String.class);
    }

    @Test
    void aChangedRowReachesTheReceiverSignedAndTheAdminEndpointsListAndReplayItWithTheSameId() throws Exception {
        int revision = store.add("q1", "voice", T0, 7, 6, 5, 90_000, false);
        String id = "kpi_q1_voice_PT15M_20250304T0900Z_r" + revision;

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.acceptedIds().contains(id));
        assertThat(receiver.badSignatures.get()).isZero();
        WebhookReceiver.Received first = receiver.accepted.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow();
        JsonNode data = JSON.readTree(first.body()).get("data");
        assertThat(data.get("queueName").asString()).isEqualTo("Sales EN");
        assertThat(data.get("offered").asLong()).isEqualTo(7);
        assertThat(data.get("revision").asInt()).isEqualTo(revision);

        ResponseEntity<String> list = call("GET", "/api/v1/admin/sinks", ADMIN_KEY);
        assertThat(list.getStatusCode().value()).isEqualTo(200);
        JsonNode sinks = JSON.readTree(list.getBody());
        assertThat(sinks.isArray()).isTrue();
        assertThat(sinks.size()).isEqualTo(1);
        assertThat(sinks.get(0).get("name").asString()).isEqualTo(FEED);
        assertThat(sinks.get(0).get("granularity").asString()).isEqualTo("PT15M");
        ResponseEntity<String> one = call("GET", "/api/v1/admin/sinks/" + FEED, ADMIN_KEY);
        assertThat(one.getStatusCode().value()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/admin/sinks/nope", ADMIN_KEY).getStatusCode().value()).isEqualTo(404);

        long before = receiver.accepted.stream().filter(r -> r.id().equals(id)).count();
        ResponseEntity<String> replay = call("POST", "/api/v1/admin/sinks/" + FEED
                + "/replay?from=2025-03-04T09:00:00Z&to=2025-03-04T09:15:00Z", ADMIN_KEY);
        assertThat(replay.getStatusCode().value()).isEqualTo(202);
        assertThat(JSON.readTree(replay.getBody()).get("enqueued").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> receiver.accepted.stream().filter(r -> r.id().equals(id)).count() > before);
        List<WebhookReceiver.Received> copies = receiver.accepted.stream().filter(r -> r.id().equals(id)).toList();
        assertThat(copies.get(copies.size() - 1).body()).isEqualTo(first.body());
        assertThat(receiver.badSignatures.get()).isZero();

        ResponseEntity<String> deadLetters = call("GET", "/api/v1/admin/sinks/" + FEED + "/dead-letters", ADMIN_KEY);
        assertThat(deadLetters.getStatusCode().value()).isEqualTo(200);
        assertThat(JSON.readTree(deadLetters.getBody()).size()).isZero();
    }

    @Test
    void aReplayOverHttpAfterRetentionPurgedTheDeliveredRowSendsItAgainWithTheSameId() throws Exception {
        int revision = store.add("q1", "voice", T0.plusSeconds(3600), 3, 3, 3, 30_000, false);
        String id = "kpi_q1_voice_PT15M_20250304T1000Z_r" + revision;
        await().atMost(Duration.ofSeconds(20)).until(() -> store.count(
                "SELECT count(*) FROM sink_delivery WHERE payload_id = ? AND status = 'delivered'", id) == 1);
        store.exec("UPDATE sink_delivery SET updated_at = now() - interval '8 days' WHERE payload_id = ?", id);

        assertThat(retention.runOnce().deliveries()).isEqualTo(1);
        assertThat(store.count("SELECT count(*) FROM sink_delivery WHERE payload_id = ?", id)).isZero();
        assertThat(meters.get("streamvane.sink.retention.deleted").tag("table", "sink_delivery").counter().count())
                .isEqualTo(1);

        ResponseEntity<String> replay = call("POST", "/api/v1/admin/sinks/" + FEED
                + "/replay?from=2025-03-04T10:00:00Z&to=2025-03-04T10:15:00Z", ADMIN_KEY);
        assertThat(replay.getStatusCode().value()).isEqualTo(202);
        assertThat(JSON.readTree(replay.getBody()).get("enqueued").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> receiver.accepted.stream().filter(r -> r.id().equals(id)).count() == 2);
        List<WebhookReceiver.Received> copies = receiver.accepted.stream().filter(r -> r.id().equals(id)).toList();
        assertThat(copies.get(1).body()).isEqualTo(copies.get(0).body());
    }

    @Test
    void adminEndpointsRefuseAMissingKeyWith401AndAReadOnlyKeyWith403() {
        String replay = "/api/v1/admin/sinks/" + FEED + "/replay?from=2025-03-04T09:00:00Z&to=2025-03-04T10:00:00Z";
        for (String[] c : List.of(new String[] {"GET", "/api/v1/admin/sinks"},
                new String[] {"GET", "/api/v1/admin/sinks/" + FEED},
                new String[] {"POST", replay},
                new String[] {"POST", "/api/v1/admin/sinks/" + FEED + "/dead-letters/retry"})) {
            assertThat(call(c[0], c[1], null).getStatusCode().value()).as("%s %s without key", c[0], c[1])
                    .isEqualTo(401);
            assertThat(call(c[0], c[1], "not-a-key").getStatusCode().value()).as("%s %s bad key", c[0], c[1])
                    .isEqualTo(401);
            assertThat(call(c[0], c[1], READ_KEY).getStatusCode().value()).as("%s %s read key", c[0], c[1])
                    .isEqualTo(403);
        }
    }

    @Test
    void healthIsUpWithoutABrokerAndHasNoRabbitIndicator() throws Exception {
        ResponseEntity<String> health = call("GET", "/actuator/health", null);
        assertThat(health.getStatusCode().value()).as(health.getBody()).isEqualTo(200);
        JsonNode body = JSON.readTree(health.getBody());
        assertThat(body.get("status").asString()).isEqualTo("UP");
        assertThat(body.get("components").has("db")).isTrue();
        assertThat(body.get("components").has("rabbit")).as(health.getBody()).isFalse();
        body.get("components").properties().forEach(e ->
                assertThat(e.getValue().get("status").asString()).as(e.getKey()).isEqualTo("UP"));
    }
}
