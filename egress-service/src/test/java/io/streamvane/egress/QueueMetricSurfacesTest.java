package io.streamvane.egress;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.IntervalComponents;
import io.streamvane.model.kpi.QueueMetric;
import io.streamvane.model.kpi.ServiceLevelLayers;
import io.streamvane.model.kpi.ServiceLevelSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The metric catalogue ({@link QueueMetric}) pinned to every surface of egress: each metric is a property of the REST
 * row, of the interval row's OpenAPI schema, of the OData QueueInterval entity type and of the WFM and RabbitMQ
 * payloads under its {@link QueueMetric#field() field} name, and a column of {@code reporting.queue_interval} under its
 * {@link QueueMetric#column() column} name, and where a row carries it, it holds the catalogue's value. A surface that
 * lacks or renames a metric fails here. One stored row whose every ratio is defined, under the SPEC defaults.
 */
class QueueMetricSurfacesTest {

    private static final String QUEUE = "q-catalogue";
    private static final String MEDIA = "voice";
    private static final IntervalComponents COMPONENTS = IntervalComponents.builder().offered(12).answered(10)
            .answeredWithinSl(8).abandoned(3).shortAbandoned(1).flowOuts(2).answerWaitMs(50_000).abandonWaitMs(21_000)
            .handled(9).handleMs(2_700_000).talkMs(2_000_000).holdMs(200_000).acwMs(500_000).build();
    private static final List<String> FIELDS = Arrays.stream(QueueMetric.values()).map(QueueMetric::field).toList();

    private static RunningEgress egress;
    private static Instant start;

    @BeforeAll
    static void oneStoredRow() throws Exception {
        egress = RunningEgress.at(Granularity.PT15M);
        start = Instant.parse("2025-03-04T09:00:00Z");
        egress.forgetReceived();
        egress.write(c -> {
            egress.reset(c, ServiceLevelLayers.DEFAULTS);
            egress.storeRow(c, QUEUE, MEDIA, start, COMPONENTS, 1, true);
            egress.logChange(c, QUEUE, MEDIA, start, 1, true);
        });
    }

    @AfterAll
    static void stopApplications() {
        RunningEgress.closeAll();
    }

    @Test
    void everyMetricIsAPropertyOfTheRestRowWithItsValue() throws Exception {
        JsonNode rows = egress.get("/api/v1/queues/" + QUEUE + "/intervals?from=" + start + "&to="
                + start.plus(Duration.ofMinutes(15)));

        assertThat(rows.size()).isEqualTo(1);
        assertCarriesEveryMetric("REST interval row", rows.get(0));
    }

    @Test
    void everyMetricIsAPropertyOfTheIntervalRowsOpenApiSchema() throws Exception {
        JsonNode api = egress.get("/v3/api-docs");
        JsonNode content = api.path("paths").path("/api/v1/queues/{queueId}/intervals").path("get")
                .path("responses").path("200").path("content");
        assertThat(content.isObject() && !content.isEmpty()).as("200 content of the intervals operation: %s", content)
                .isTrue();
        JsonNode schema = content.values().iterator().next().path("schema");
        JsonNode row = resolve(api, schema.has("items") ? schema.get("items") : schema);

        assertThat(row.path("properties").propertyNames()).as("OpenAPI schema of the interval row")
                .contains(FIELDS.toArray(String[]::new));
    }

    @Test
    void everyMetricIsAPropertyOfTheODataQueueIntervalEntityType() {
        ODataClient client = ODataClientFactory.getClient();
        var request = client.getRetrieveRequestFactory().getMetadataRequest(egress.root() + "/odata");
        request.addCustomHeader("X-API-Key", RunningEgress.READ_KEY);

        Edm edm = request.execute().getBody();

        assertThat(edm.getEntityContainer().getEntitySet("QueueIntervals").getEntityType().getPropertyNames())
                .as("$metadata QueueInterval entity type").contains(FIELDS.toArray(String[]::new));
    }

    @Test
    void everyMetricIsAPropertyOfTheODataRowWithItsValue() throws Exception {
        JsonNode rows = egress.get("/odata/QueueIntervals?$filter=queueId%20eq%20'" + QUEUE + "'").get("value");

        assertThat(rows.size()).isEqualTo(1);
        assertCarriesEveryMetric("OData QueueInterval", rows.get(0));
    }

    @Test
    void everyMetricIsAFieldOfTheWfmPayloadWithItsValue() throws Exception {
        List<JsonNode> rows = egress.wfmRows(RunningEgress.BASE_FEED, ours(), 1);

        assertThat(rows).as("WFM rows of %s", QUEUE).hasSize(1);
        assertCarriesEveryMetric("WFM payload", rows.get(0));
    }

    @Test
    void everyMetricIsAFieldOfTheRabbitMqPayloadWithItsValue() {
        List<JsonNode> rows = egress.rabbitRows(ours(), 1);

        assertThat(rows).as("RabbitMQ messages of %s", QUEUE).hasSize(1);
        assertCarriesEveryMetric("RabbitMQ payload", rows.get(0));
    }

    @Test
    void everyMetricIsAColumnOfTheReportingViewWithItsValue() throws Exception {
        List<Object> columns = egress.sql("""
                SELECT column_name FROM information_schema.columns
                WHERE table_schema = 'reporting' AND table_name = 'queue_interval'""").stream()
                .map(r -> r.get("column_name")).toList();
        List<Map<String, Object>> rows = egress.sql("SELECT * FROM reporting.queue_interval WHERE queue_id = ?",
                QUEUE);

        assertThat(columns).as("columns of reporting.queue_interval")
                .contains(Arrays.stream(QueueMetric.values()).map(QueueMetric::column).toArray());
        assertThat(rows).hasSize(1);
        for (QueueMetric m : QueueMetric.values()) {
            assertThat(number(rows.get(0).get(m.column()), m)).as("reporting.queue_interval %s", m.column())
                    .isEqualTo(expected(m));
        }
    }

    private static Predicate<JsonNode> ours() {
        return n -> QUEUE.equals(n.path("queueId").asString());
    }

    private static void assertCarriesEveryMetric(String surface, JsonNode row) {
        assertThat(row.propertyNames()).as("properties of the %s", surface).contains(FIELDS.toArray(String[]::new));
        for (QueueMetric m : QueueMetric.values()) {
            JsonNode v = row.get(m.field());
            Number got = m.stored() ? (Number) v.longValue() : (Number) v.doubleValue();
            assertThat(v.isNumber() ? got : v).as("%s %s", surface, m.field()).isEqualTo(expected(m));
        }
    }

    /** The catalogue's value of the metric for the stored row under the SPEC defaults (nothing else is published). */
    private static Number expected(QueueMetric m) {
        Number n = m.valueOf(COMPONENTS, ServiceLevelSettings.DEFAULTS);
        return m.stored() ? (Number) n.longValue() : (Number) n.doubleValue();
    }

    private static Number number(Object value, QueueMetric m) {
        return value instanceof Number n ? (m.stored() ? (Number) n.longValue() : (Number) n.doubleValue()) : null;
    }

    /** The schema {@code schema} names, following one {@code $ref}. */
    private static JsonNode resolve(JsonNode api, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.isEmpty()) {
            return schema;
        }
        return api.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }
}
