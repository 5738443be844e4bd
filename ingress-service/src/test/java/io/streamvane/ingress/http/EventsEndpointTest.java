package io.streamvane.ingress.http;

import static io.streamvane.ingress.TestEvents.acdStart;
import static io.streamvane.ingress.TestEvents.acdStartBody;
import static io.streamvane.ingress.TestEvents.acdStartTopic;
import static io.streamvane.ingress.TestEvents.batch;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.ingress.StoreRows;
import io.streamvane.ingress.TestEvents;
import io.streamvane.testsupport.TestDatabase;
import io.streamvane.testsupport.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "streamvane.security.api-keys[0].name=ingester",
        "streamvane.security.api-keys[0].key=" + EventsEndpointTest.KEY_1,
        "streamvane.security.api-keys[0].scopes=ingest",
        "streamvane.security.api-keys[1].name=operator",
        "streamvane.security.api-keys[1].key=" + EventsEndpointTest.KEY_2,
        "streamvane.security.api-keys[1].scopes=admin",
        "streamvane.security.api-keys[2].name=reader",
        "streamvane.security.api-keys[2].key=" + EventsEndpointTest.READ_KEY,
        "streamvane.security.api-keys[2].scopes=read",
        "streamvane.ingress.max-body-size=64KB",
        "streamvane.ingress.partitions.enabled=false"})
class EventsEndpointTest {

    static final String KEY_1 = "sv-ingest-1-8d3f0a6c2e9b41d7a5c3e8";
    static final String KEY_2 = "sv-ingest-2-4b7e1c9a0f3d62e8b1a5c7";
    static final String READ_KEY = "sv-read-6e2a9d4f1b7c03a8e5d9f10b";

    static final TestDatabase DB = TestDatabases.fresh();
    static final List<TestEvents.Form> FORMS = TestEvents.FORMS;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DB.springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @Value("${local.server.port}")
    int port;

    private RestClient http;
    private final StoreRows rows = new StoreRows(dataSource());
    private final long t0 = Instant.now().minusSeconds(600).toEpochMilli();

    record Answer(int status, HttpHeaders headers, String contentType, JsonNode body) {
    }

    private static DataSource dataSource() {
        return DB.dataSource();
    }

    @BeforeEach
    void setUp() {
        http = RestClient.create("http://localhost:" + port);
        rows.execute("TRUNCATE raw_event, engine_inbox, watermark");
    }

    private Answer post(String contentType, String apiKeyHeader, String apiKey, byte[] body) {
        return http.post().uri("/api/v1/events")
                .headers(headers -> {
                    if (contentType != null) {
                        headers.set(HttpHeaders.CONTENT_TYPE, contentType);
                    }
                    if (apiKeyHeader != null) {
                        headers.set(apiKeyHeader, apiKey);
                    }
                })
                .body(body)
                .exchange((request, response) -> {
                    byte[] bytes = response.getBody().readAllBytes();
                    HttpStatusCode status = response.getStatusCode();
                    return new Answer(status.value(), response.getHeaders(),
                            String.valueOf(response.getHeaders().getContentType()),
                            bytes.length == 0 ? null : JSON.readTree(bytes));
                });
    }

    private Answer post(String body) {
        return post("application/json", "X-API-Key", KEY_1, body.getBytes());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("FORMS")
    void eachEnvelopeIsAcceptedWith202AndStored(TestEvents.Form form) {
        Answer answer = post(form.wrap(acdStartTopic("c-1"), acdStartBody("c-1", t0)));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body().get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.body().get("duplicates").asInt()).isZero();
        assertThat(answer.body().get("rejected").isEmpty()).isTrue();
        assertThat(rows.rawEvents()).isEqualTo(1);
        assertThat(rows.inboxRows()).isEqualTo(1);
    }

    @Test
    void cloudEventsMediaTypesAreAccepted() {
        String single = TestEvents.cloudEvents(TestEvents.eventBridge(acdStartTopic("c-1"), acdStartBody("c-1", t0)));
        String batch = batch(List.of(
                TestEvents.cloudEvents(TestEvents.eventBridge(acdStartTopic("c-2"), acdStartBody("c-2", t0)))));

        assertThat(post("application/cloudevents+json; charset=utf-8", "X-API-Key", KEY_1, single.getBytes())
                .status()).isEqualTo(202);
        assertThat(post("application/cloudevents-batch+json", "X-API-Key", KEY_1, batch.getBytes())
                .status()).isEqualTo(202);
        assertThat(rows.rawEvents()).isEqualTo(2);
    }

    @Test
    void mixedBatchIsAcceptedWithBadItemsRejectedByIndexAndReason() {
        Answer answer = post(batch(List.of(acdStart("c-1", t0), "42",
                TestEvents.notification(acdStartTopic("c-3"), "{\"conversationId\":\"c-3\"}"),
                acdStart("c-4", t0))));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.body().get("accepted").asInt()).isEqualTo(2);
        JsonNode rejected = answer.body().get("rejected");
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0).get("index").asInt()).isEqualTo(1);
        assertThat(rejected.get(0).get("reason").asString()).isEqualTo("unknown-envelope");
        assertThat(rejected.get(1).get("index").asInt()).isEqualTo(2);
        assertThat(rejected.get(1).get("reason").asString()).isEqualTo("missing-field");
        assertThat(rows.rawEvents()).isEqualTo(2);
    }

    @Test
    void sameBodyTwiceIsReportedAsDuplicatesWithoutNewRows() {
        String body = batch(List.of(acdStart("c-1", t0), acdStart("c-2", t0)));
        post(body);

        Answer second = post(body);

        assertThat(second.status()).isEqualTo(202);
        assertThat(second.body().get("accepted").asInt()).isZero();
        assertThat(second.body().get("duplicates").asInt()).isEqualTo(2);
        assertThat(rows.rawEvents()).isEqualTo(2);
        assertThat(rows.inboxRows()).isEqualTo(2);
    }

    @Test
    void malformedJsonIsA400ProblemNamingTheReason() {
        Answer answer = post("{\"topicName\": ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("type").asString()).isEqualTo("https://streamvane.io/problems/malformed-json");
        assertThat(answer.body().get("title").asString()).isNotBlank();
        assertThat(answer.body().get("status").asInt()).isEqualTo(400);
        assertThat(answer.body().get("detail").asString()).isNotBlank();
        assertThat(answer.body().get("reason").asString()).isEqualTo("malformed-json");
        assertThat(rows.rawEvents()).isZero();
    }

    @Test
    void emptyBodyIsA400() {
        Answer answer = post("application/json", "X-API-Key", KEY_1, new byte[0]);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("reason").asString()).isEqualTo("empty-body");
    }

    @Test
    void wrongContentTypeIsA415Problem() {
        Answer answer = post("text/plain", "X-API-Key", KEY_1, acdStart("c-1", t0).getBytes());

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("reason").asString()).isEqualTo("unsupported-media-type");
        assertThat(rows.rawEvents()).isZero();
    }

    @Test
    void missingContentTypeIsA415() {
        assertThat(post(null, "X-API-Key", KEY_1, acdStart("c-1", t0).getBytes()).status()).isEqualTo(415);
    }

    @Test
    void bodyOverTheLimitIsA413ProblemAndNothingIsStored() {
        String big = batch(IntStream.range(0, 400).mapToObj(i -> acdStart("c-" + i, t0)).toList());
        assertThat(big.length()).isGreaterThan(64 * 1024);

        Answer answer = post(big);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("reason").asString()).isEqualTo("payload-too-large");
        assertThat(rows.rawEvents()).isZero();
    }

    @Test
    void missingApiKeyIsA401Problem() {
        Answer answer = post("application/json", null, null, acdStart("c-1", t0).getBytes());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("status").asInt()).isEqualTo(401);
        assertThat(rows.rawEvents()).isZero();
    }

    @Test
    void wrongApiKeyIsA401() {
        assertThat(post("application/json", "X-API-Key", "nope", acdStart("c-1", t0).getBytes()).status())
                .isEqualTo(401);
        assertThat(post("application/json", "Authorization", "Bearer nope", acdStart("c-1", t0).getBytes()).status())
                .isEqualTo(401);
    }

    @Test
    void keyWithoutIngestScopeIsA403() {
        Answer answer = post("application/json", "X-API-Key", READ_KEY, acdStart("c-1", t0).getBytes());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(rows.rawEvents()).isZero();
    }

    @Test
    void bearerKeyIsAccepted() {
        assertThat(post("application/json", "Authorization", "Bearer " + KEY_2, acdStart("c-1", t0).getBytes())
                .status()).isEqualTo(202);
    }
}
