package io.streamvane.egress.odata;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.egress.EgressIntegrationTest;
import io.streamvane.egress.api.QueueIntervalRow;
import java.net.URI;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.api.communication.request.retrieve.ODataEntitySetRequest;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.api.domain.ClientEntitySet;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmEntityContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(OutputCaptureExtension.class)
class ODataFeedTest extends EgressIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ODataClient client;
    private String root;

    @BeforeEach
    void client() {
        client = ODataClientFactory.getClient();
        root = "http://localhost:" + port + "/odata";
    }

    private void fortyBucketsOnTwoQueues() {
        for (int i = 0; i < 40; i++) {
            String start = java.time.Instant.parse("2025-01-01T00:00:00Z").plusSeconds(900L * i).toString();
            queueRow("q1", "voice", start, i, i, i / 2, 1, i % 2, 0, 1000L * i, i, 60_000L * i, 1, i < 30);
            queueRow("q2", "voice", start, 1, 1, 1, 0, 0, 0, 1000, 1, 1000, 1, true);
        }
    }

    private List<ClientEntity> readAll(URI first) {
        List<ClientEntity> all = new ArrayList<>();
        URI next = first;
        while (next != null) {
            ODataEntitySetRequest<ClientEntitySet> request = client.getRetrieveRequestFactory().getEntitySetRequest(next);
            request.addCustomHeader("X-API-Key", READ_KEY);
            ClientEntitySet page = request.execute().getBody();
            assertThat(page.getEntities().size()).isLessThanOrEqualTo(50);
            all.addAll(page.getEntities());
            next = page.getNext();
        }
        return all;
    }

    private static java.time.Instant intervalStart(ClientEntity e) {
        try {
            return e.getProperty("intervalStart").getPrimitiveValue().toCastValue(Timestamp.class).toInstant();
        } catch (org.apache.olingo.commons.api.edm.EdmPrimitiveTypeException x) {
            throw new AssertionError(x);
        }
    }

    @Test
    void metadataParsesWithEveryEntitySet() {
        var request = client.getRetrieveRequestFactory().getMetadataRequest(root);
        request.addCustomHeader("X-API-Key", READ_KEY);

        Edm edm = request.execute().getBody();

        EdmEntityContainer container = edm.getEntityContainer();
        assertThat(container.getEntitySets()).extracting(s -> s.getName())
                .containsExactlyInAnyOrder("QueueIntervals", "AgentIntervals", "AgentQueueIntervals", "Queues", "Agents");
        assertThat(container.getEntitySet("AgentIntervals").getEntityType().getPropertyNames())
                .contains("idleMs", "presenceOnQueueMs", "presenceBreakMs", "occupancy");
        assertThat(container.getEntitySet("AgentQueueIntervals").getEntityType().getPropertyNames())
                .contains("userId", "queueId", "mediaType", "handled", "alerts", "notResponding", "transferred",
                        "ahtSeconds")
                .doesNotContain("offered", "answered");
        assertThat(container.getEntitySet("QueueIntervals").getEntityType().getPropertyNames())
                .contains("queueId", "intervalStart", "answeredWithinSl", "serviceLevel", "final", "revision",
                        "timeZone", "intervalDate");
    }

    @Test
    void aFilteredSelectedPagedReadReturnsTheSameRowsAsTheRestApi() {
        fortyBucketsOnTwoQueues();
        URI uri = client.newURIBuilder(root).appendEntitySetSegment("QueueIntervals")
                .filter("queueId eq 'q1' and intervalStart ge 2025-01-01T01:00:00Z "
                        + "and intervalStart lt 2025-01-01T10:00:00Z")
                .select("queueId", "mediaType", "intervalStart", "offered", "answeredWithinSl", "serviceLevel",
                        "asaSeconds", "final", "revision", "timeZone", "intervalDate")
                .orderBy("intervalStart")
                .build();

        List<ClientEntity> odata = readAll(uri);
        QueueIntervalRow[] rest = get("/api/v1/queues/q1/intervals?from=2025-01-01T01:00:00Z"
                + "&to=2025-01-01T10:00:00Z", READ_KEY).retrieve().body(QueueIntervalRow[].class);

        assertThat(odata).hasSize(36);
        assertThat(odata.get(0).getProperty("handled")).isNull();
        List<List<Object>> fromOData = odata.stream().map(e -> List.<Object>of(
                e.getProperty("queueId").getPrimitiveValue().toValue(),
                intervalStart(e),
                e.getProperty("offered").getPrimitiveValue().toValue(),
                e.getProperty("answeredWithinSl").getPrimitiveValue().toValue(),
                String.valueOf(e.getProperty("serviceLevel").getPrimitiveValue().toValue()),
                String.valueOf(e.getProperty("asaSeconds").getPrimitiveValue().toValue()),
                e.getProperty("final").getPrimitiveValue().toValue(),
                e.getProperty("revision").getPrimitiveValue().toValue(),
                e.getProperty("timeZone").getPrimitiveValue().toValue(),
                String.valueOf(e.getProperty("intervalDate").getPrimitiveValue()))).toList();
        List<List<Object>> fromRest = Arrays.stream(rest).map(r -> List.<Object>of(r.queueId(),
                r.intervalStart().toInstant(), r.offered(), r.answeredWithinSl(), String.valueOf(r.serviceLevel()),
                String.valueOf(r.asaSeconds()), r.isFinal(), r.revision(), r.timeZone(),
                r.intervalStart().toLocalDate().toString())).toList();
        assertThat(fromOData).isEqualTo(fromRest);
    }

    @Test
    void topSkipOrderByAndCountAreHonoured() {
        fortyBucketsOnTwoQueues();
        URI uri = client.newURIBuilder(root).appendEntitySetSegment("QueueIntervals")
                .filter("offered gt 5 or queueId ne 'q1'")
                .orderBy("offered desc").top(60).skip(3).count(true)
                .build();

        var request = client.getRetrieveRequestFactory().getEntitySetRequest(uri);
        request.addCustomHeader("X-API-Key", READ_KEY);
        ClientEntitySet first = request.execute().getBody();
        List<ClientEntity> all = readAll(uri);

        assertThat(first.getCount()).isEqualTo(34 + 40);
        assertThat(first.getNext()).isNotNull();
        assertThat(all).hasSize(60);
        assertThat(all.get(0).getProperty("offered").getPrimitiveValue().toValue()).isEqualTo(36L);
    }

    @Test
    void aFilterOnADerivedValueIsNotImplementedAndAFilterValueIsNeverSql() {
        fortyBucketsOnTwoQueues();

        ResponseEntity<String> derived = get("/odata/QueueIntervals?$filter=serviceLevel gt 0.5", READ_KEY)
                .retrieve().toEntity(String.class);
        ResponseEntity<String> injection = get("/odata/QueueIntervals?$filter=queueId eq 'q1'' OR ''1''=''1'",
                READ_KEY).retrieve().toEntity(String.class);

        assertThat(derived.getStatusCode().value()).isEqualTo(501);
        assertThat(injection.getStatusCode().value()).isEqualTo(200);
        assertThat(injection.getBody()).contains("\"value\":[]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "'x'", "queueId eq 'x'", "queueId,1 desc"})
    void anOrderByOnAnythingButAPropertyIsABadRequestNamingItAndNeverSql(String orderBy) {
        fortyBucketsOnTwoQueues();

        ResponseEntity<String> r = get("/odata/QueueIntervals?$orderby=" + orderBy, READ_KEY).retrieve()
                .toEntity(String.class);

        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/json");
        JsonNode message = JSON.readTree(r.getBody()).path("error").path("message");
        String literal = orderBy.contains("'x'") ? "'x'" : "1";
        assertThat(message.asString()).startsWith("not supported in $orderby: ").contains(literal);
        assertNoSql(r.getBody());
    }

    @Test
    void aStoreFailureIsA500WithAReferenceAndNoSql() {
        fortyBucketsOnTwoQueues();

        // A year PostgreSQL cannot store: the query itself fails in the database.
        ResponseEntity<String> r = get("/odata/QueueIntervals?$filter=intervalStart gt -300000-01-01T00:00:00Z",
                READ_KEY).retrieve().toEntity(String.class);

        assertThat(r.getStatusCode().value()).isEqualTo(500);
        assertThat(JSON.readTree(r.getBody()).path("error").path("message").asString())
                .matches("internal error \\(reference [0-9a-f-]{36}\\)");
        assertNoSql(r.getBody());
    }

    @Test
    void aFilterNestedDeeperThanTheBoundIsABadRequestNamingItWithoutOverflowingTheStack(CapturedOutput log) {
        fortyBucketsOnTwoQueues();
        String deep = "(".repeat(1500) + "queueId eq 'q1'" + ")".repeat(1500);

        ResponseEntity<String> r = get("/odata/QueueIntervals?$filter=" + deep, READ_KEY).retrieve()
                .toEntity(String.class);

        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(JSON.readTree(r.getBody()).path("error").path("message").asString())
                .contains("nested").contains("32");
        assertThat(log.getAll()).doesNotContain("StackOverflowError");
    }

    @Test
    void aFilterJustInsideTheBoundsIsAnswered() {
        fortyBucketsOnTwoQueues();
        String nested = "(".repeat(32) + "queueId eq 'q1'" + ")".repeat(32);
        // 25 comparisons joined by or: 25 × 3 + 24 = 99 nodes.
        String wide = String.join(" or ", java.util.Collections.nCopies(25, "queueId eq 'q2'"));

        ResponseEntity<String> deep = get("/odata/QueueIntervals?$count=true&$top=0&$filter=" + nested, READ_KEY)
                .retrieve().toEntity(String.class);
        ResponseEntity<String> broad = get("/odata/QueueIntervals?$count=true&$top=0&$filter=" + wide, READ_KEY)
                .retrieve().toEntity(String.class);

        assertThat(deep.getStatusCode().value()).isEqualTo(200);
        assertThat(JSON.readTree(deep.getBody()).path("@odata.count").asInt()).isEqualTo(40);
        assertThat(broad.getStatusCode().value()).isEqualTo(200);
        assertThat(JSON.readTree(broad.getBody()).path("@odata.count").asInt()).isEqualTo(40);
    }

    @Test
    void aFilterOverTheNodeOrLengthBoundIsABadRequestNamingTheBound() {
        String wide = String.join(" or ", java.util.Collections.nCopies(26, "queueId eq 'q2'"));
        String longLiteral = "queueId eq '" + "x".repeat(4000) + "'";

        ResponseEntity<String> broad = get("/odata/QueueIntervals?$filter=" + wide, READ_KEY).retrieve()
                .toEntity(String.class);
        ResponseEntity<String> tooLong = get("/odata/QueueIntervals?$filter=" + longLiteral, READ_KEY).retrieve()
                .toEntity(String.class);

        assertThat(broad.getStatusCode().value()).isEqualTo(400);
        assertThat(JSON.readTree(broad.getBody()).path("error").path("message").asString()).contains("100");
        assertThat(tooLong.getStatusCode().value()).isEqualTo(400);
        assertThat(JSON.readTree(tooLong.getBody()).path("error").path("message").asString()).contains("4000");
    }

    private static void assertNoSql(String body) {
        assertThat(body).doesNotContainIgnoringCase("select").doesNotContainIgnoringCase("order by")
                .doesNotContain("queue_interval").doesNotContain("PreparedStatement").doesNotContain("SQL");
    }
}
