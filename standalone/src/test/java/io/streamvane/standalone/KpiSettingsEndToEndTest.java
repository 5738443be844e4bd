package io.streamvane.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.streamvane.model.kpi.QueueMetric;
import io.streamvane.simulator.Simulator;
import io.streamvane.simulator.events.ScheduledMessage;
import io.streamvane.simulator.model.AgentSpec;
import io.streamvane.simulator.model.DefaultContactCenter;
import io.streamvane.simulator.model.MediaType;
import io.streamvane.simulator.model.QueueMediaSettings;
import io.streamvane.simulator.model.QueueSpec;
import io.streamvane.simulator.model.ServiceLevelGoal;
import io.streamvane.simulator.model.Shift;
import io.streamvane.simulator.model.SimulationConfig;
import io.streamvane.simulator.truth.Granularity;
import io.streamvane.simulator.truth.GroundTruth;
import io.streamvane.simulator.truth.QueueBucket;
import io.streamvane.simulator.truth.QueueComponents;
import io.streamvane.simulator.truth.QueueInterval;
import io.streamvane.simulator.truth.QueueMediaKey;
import io.streamvane.testsupport.TestDatabases;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Acceptance: the single-process app started with {@code --streamvane.kpi.service-level.sl-threshold=30s
 * --streamvane.kpi.service-level.include-flow-outs=true} counts an independent data set (the genesys-simulator's,
 * posted to its own HTTP ingress) as a reference computed in this test from the simulator's ground truth with those
 * settings: the REST rows at PT15M and PT1H, the OData QueueIntervals and {@code reporting.queue_interval} all agree.
 * The reference formulas are written out here, not taken from shared-model, and the data set is chosen so that the
 * SPEC defaults (20 s, flow-outs excluded) would give a different service level: ignoring the settings fails.
 *
 * <p>No simulator, no Genesys client (so the scheduler's reference sync never writes {@code queue_media_sl} and the
 * global 30 s is every queue's threshold); the simulated two hours are two days before the wall-clock day, well inside
 * the ingress dedup horizon. Finality is not under test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "streamvane.kpi.service-level.sl-threshold=30s",
        "streamvane.kpi.service-level.include-flow-outs=true",
        "streamvane.simulator.enabled=false",
        "streamvane.security.api-keys[0].name=e2e-producer",
        "streamvane.security.api-keys[0].key=" + KpiSettingsEndToEndTest.INGEST_KEY,
        "streamvane.security.api-keys[0].scopes[0]=ingest",
        "streamvane.security.api-keys[1].name=e2e-reader",
        "streamvane.security.api-keys[1].key=" + KpiSettingsEndToEndTest.READ_KEY,
        "streamvane.security.api-keys[1].scopes[0]=read",
        // The database comes from test-support below, which environment post-processors do not see yet.
        "streamvane.embedded-postgres.enabled=false"})
class KpiSettingsEndToEndTest {

    static final String INGEST_KEY = "sv-e2e-ingest-5c1f0e9a7b3d4e21a8f6";
    static final String READ_KEY = "sv-e2e-read-9d2b7c4e1f0a4b6c8e35";
    static final Duration SETTINGS_THRESHOLD = Duration.ofSeconds(30);
    static final Duration SPEC_DEFAULT_THRESHOLD = Duration.ofSeconds(20);
    static final Duration WINDOW = Duration.ofHours(2);
    static final int BATCH_SIZE = 100;
    static final double RATIO_TOLERANCE = 1e-9;
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.fresh().springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    Environment environment;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void slThresholdAndFlowOutSettingsShapeEveryQueueSurfaceAlike() throws Exception {
        assertThat(environment.getProperty("streamvane.scheduler.genesys.client-id"))
                .as("no Genesys client: nothing syncs queue thresholds").isNull();

        Instant start = LocalDate.now(clock).minusDays(2).atTime(LocalTime.of(9, 0)).toInstant(ZoneOffset.UTC);
        SimulationConfig config = simulatedDay(start, SETTINGS_THRESHOLD);
        Simulator sim = Simulator.run(config);
        GroundTruth truth = sim.groundTruth();
        // The same contacts with the SPEC default threshold: only what "answered within SL" means changes.
        GroundTruth truthAtDefault = GroundTruth.from(simulatedDay(start, SPEC_DEFAULT_THRESHOLD), sim.output());

        QueueComponents all = sum(truth.queueBuckets().values());
        assertThat(config.serviceLevelGoals()).extracting(ServiceLevelGoal::threshold)
                .containsOnly(SETTINGS_THRESHOLD);
        assertThat(all.offered()).as("offered contacts").isBetween(200L, 600L);
        assertThat(all.flowOuts()).as("flow-outs in the data set").isPositive();
        assertThat(all.shortAbandoned()).as("short abandons in the data set").isPositive();
        assertThat(all.abandoned() - all.shortAbandoned()).as("long abandons in the data set").isPositive();
        // The settings are in force only if ignoring them shows: some row's service level under the SPEC defaults
        // (20 s, flow-outs excluded) differs, and each setting on its own changes some row.
        List<String> defaultsWouldDiffer = new ArrayList<>();
        truth.queueBuckets().forEach((b, c) -> {
            Double withSettings = serviceLevel(c, true);
            Double withDefaults = serviceLevel(truthAtDefault.queueBucket(b.queueId(), b.mediaType(),
                    b.intervalStart()), false);
            if (!sameRatio(withSettings, withDefaults)) {
                defaultsWouldDiffer.add(b.queueId() + " " + b.mediaType() + " " + b.intervalStart() + ": "
                        + withSettings + " (30 s, flow-outs in) vs " + withDefaults + " (20 s, out)");
            }
        });
        assertThat(defaultsWouldDiffer).as("rows whose SPEC-default service level differs").isNotEmpty();
        assertThat(truth.queueBuckets().entrySet()).as("a row where the 20 s / 30 s threshold matters")
                .anyMatch(e -> e.getValue().answeredWithinSl() != truthAtDefault.queueBucket(e.getKey().queueId(),
                        e.getKey().mediaType(), e.getKey().intervalStart()).answeredWithinSl());
        assertThat(truth.queueBuckets().values()).as("a row where including flow-outs matters")
                .anyMatch(c -> !sameRatio(serviceLevel(c, true), serviceLevel(c, false)));

        long posted = post(sim.messages());
        assertThat(posted).isEqualTo(sim.events().size());

        List<String> queueIds = config.queues().stream().map(QueueSpec::id).toList();
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> {
            assertThat(jdbc.queryForObject("select count(*) from engine_inbox", Long.class)).isZero();
            long restOffered = 0;
            for (String q : queueIds) {
                restOffered += restRows(q, start, end(truth), "PT1H").values().stream()
                        .mapToLong(r -> r.components().offered()).sum();
            }
            assertThat(restOffered).isEqualTo(all.offered());
        });
        assertThat(jdbc.queryForObject("select count(*) from queue_media_sl", Long.class))
                .as("no synced Genesys thresholds").isZero();
        assertThat(jdbc.queryForMap("select sl_threshold_ms, include_flow_outs from sl_settings_override "
                + "where queue_id is null and media_type is null"))
                .as("the published global layer").containsEntry("sl_threshold_ms", 30_000L)
                .containsEntry("include_flow_outs", true);

        Instant to = end(truth);
        Map<String, Row> reporting = reportingRows();
        int compared = 0;
        for (String q : queueIds) {
            for (String granularity : List.of("PT15M", "PT1H")) {
                Map<String, Row> expected = expectedRestRows(truth, q, start, to, Granularity.valueOf(granularity));
                Map<String, Row> rest = restRows(q, start, to, granularity);
                assertThat(rest.keySet()).as("REST %s rows of %s", granularity, q)
                        .containsExactlyElementsOf(expected.keySet());
                expected.forEach((k, want) -> assertSameRow("REST " + granularity + " " + q + " " + k, rest.get(k),
                        want));
                compared += expected.size();
            }

            Map<String, Row> expectedBase = expectedBaseRows(truth, q);
            Map<String, Row> odata = odataRows(q);
            for (String k : union(expectedBase, odata)) {
                assertSameRow("OData " + q + " " + k, odata.getOrDefault(k, Row.zero()),
                        expectedBase.getOrDefault(k, Row.zero()));
            }
            for (String k : union(expectedBase, filter(reporting, q))) {
                Row want = expectedBase.getOrDefault(k, Row.zero());
                Row got = reporting.getOrDefault(q + " " + k, Row.zero());
                assertThat(got.components()).as("reporting.queue_interval %s %s", q, k).isEqualTo(want.components());
                assertRatio("reporting.queue_interval service_level " + q + " " + k, got.serviceLevel(),
                        want.serviceLevel());
                assertRatio("reporting.queue_interval asa_seconds " + q + " " + k, got.asaSeconds(),
                        want.asaSeconds());
                assertRatio("reporting.queue_interval aht_seconds " + q + " " + k, got.ahtSeconds(),
                        want.ahtSeconds());
                assertRatio("reporting.queue_interval abandon_rate " + q + " " + k, got.abandonRate(),
                        want.abandonRate());
            }

        }
        assertThat(reporting.values()).extracting(Row::slThresholdSeconds).isNotEmpty()
                .allSatisfy(s -> assertThat(s).isEqualByComparingTo(new BigDecimal(30)));
        assertThat(reporting.keySet()).allMatch(k -> queueIds.contains(k.substring(0, k.indexOf(' '))));


        System.out.printf("[kpi-settings-e2e] window %s + %s, %d queues x media, events %d, %s; REST rows compared %d "
                        + "(PT15M + PT1H), reporting rows %d, rows where SPEC defaults differ %d, e.g. %s%n",
                start, WINDOW, truth.queueMedia().size(), posted, all, compared, reporting.size(),
                defaultsWouldDiffer.size(), defaultsWouldDiffer.get(0));
    }

    // --- the data set -----------------------------------------------------------------------------------------

    /**
     * Three queues with voice and chat, every queue × media type with the same service-level threshold; short
     * in-queue limits (3 and 4 min) and a tight staff of sixteen, all working the whole window, so there are
     * long waits, short and long abandons and flow-outs.
     */
    static SimulationConfig simulatedDay(Instant start, Duration slThreshold) {
        String[] names = {"Sales", "Support", "Billing"};
        List<QueueSpec> queues = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            Map<MediaType, QueueMediaSettings> media = new EnumMap<>(MediaType.class);
            media.put(MediaType.VOICE, new QueueMediaSettings(slThreshold, 0.8, Duration.ofMinutes(3), 45 - 5 * i));
            media.put(MediaType.CHAT, new QueueMediaSettings(slThreshold, 0.8, Duration.ofMinutes(4), 15 - 2 * i));
            queues.add(new QueueSpec(DefaultContactCenter.stableId("queue", i), names[i],
                    DefaultContactCenter.divisionId(), media));
        }
        List<AgentSpec> agents = new ArrayList<>();
        List<AgentSpec> defaults = DefaultContactCenter.agents(16, names.length);
        for (int i = 0; i < defaults.size(); i++) {
            AgentSpec a = defaults.get(i);
            Shift wholeWindow = new Shift(Duration.ofMinutes(i % 5), WINDOW, Duration.ofMinutes(40 + 10L * (i % 5)),
                    Duration.ofMinutes(10));
            agents.add(new AgentSpec(a.id(), a.name(), a.queueIds(), a.media(), wholeWindow));
        }
        return SimulationConfig.defaults().withSeed(42).withWindow(start, WINDOW).withStaff(queues, agents);
    }

    /** The end of the last hour holding any ground-truth bucket (handling runs past the arrival window). */
    static Instant end(GroundTruth truth) {
        Instant last = truth.queueBuckets().keySet().stream().map(QueueBucket::intervalStart).max(Instant::compareTo)
                .orElseThrow();
        return Granularity.PT1H.floor(last).plus(Granularity.PT1H.length());
    }

    // --- the reference ----------------------------------------------------------------------------------------

    /** Every bucket of [from, to) for each media type the queue has data for, zeros included, as REST answers. */
    static Map<String, Row> expectedRestRows(GroundTruth truth, String queueId, Instant from, Instant to,
            Granularity granularity) {
        Map<String, Row> rows = new TreeMap<>();
        for (QueueMediaKey series : truth.queueMedia()) {
            if (!series.queueId().equals(queueId) || truth.queueTotal(queueId, series.mediaType()).isZero()) {
                continue;
            }
            for (QueueInterval i : truth.queueIntervals(queueId, series.mediaType(), from, to, granularity)) {
                rows.put(key(series.mediaType(), i.start()), Row.expected(i.components()));
            }
        }
        return rows;
    }

    /** The queue's non-empty base buckets. */
    static Map<String, Row> expectedBaseRows(GroundTruth truth, String queueId) {
        Map<String, Row> rows = new TreeMap<>();
        truth.queueBuckets().forEach((b, c) -> {
            if (b.queueId().equals(queueId) && !c.isZero()) {
                rows.put(key(b.mediaType(), b.intervalStart()), Row.expected(c));
            }
        });
        return rows;
    }

    /**
     * SPEC §2 service level with abandons included and short abandons excluded: answeredWithinSl / (answered +
     * abandoned − shortAbandoned [+ flowOuts]), null when the denominator is 0.
     */
    static Double serviceLevel(QueueComponents c, boolean includeFlowOuts) {
        long denominator = c.answered() + c.abandoned() - c.shortAbandoned() + (includeFlowOuts ? c.flowOuts() : 0);
        return denominator == 0 ? null : (double) c.answeredWithinSl() / denominator;
    }

    static Double ratio(long numerator, long denominator, double scale) {
        return denominator == 0 ? null : numerator / (double) denominator / scale;
    }

    // --- the surfaces -----------------------------------------------------------------------------------------

    /** Posts every event once, re-batched into JSON arrays of {@link #BATCH_SIZE}; answers how many were accepted. */
    long post(List<ScheduledMessage> messages) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        for (ScheduledMessage m : messages) {
            JsonNode body = JSON.readTree(m.message().json());
            if (body.isArray()) {
                body.forEach(items::add);
            } else {
                items.add(body);
            }
        }
        long accepted = 0;
        for (int from = 0; from < items.size(); from += BATCH_SIZE) {
            ArrayNode batch = JSON.createArrayNode();
            items.subList(from, Math.min(items.size(), from + BATCH_SIZE)).forEach(batch::add);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/events"))
                    .header("Content-Type", "application/json").header("X-API-Key", INGEST_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(batch))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            JsonNode answer = JSON.readTree(response.body());
            assertThat(answer.path("rejected").size()).as(response.body()).isZero();
            assertThat(answer.path("duplicates").asLong()).as(response.body()).isZero();
            accepted += answer.path("accepted").asLong();
        }
        return accepted;
    }

    Map<String, Row> restRows(String queueId, Instant from, Instant to, String granularity) throws Exception {
        JsonNode body = JSON.readTree(get("/api/v1/queues/" + queueId + "/intervals?from=" + from + "&to=" + to
                + "&granularity=" + granularity + "&limit=10000"));
        Map<String, Row> rows = new TreeMap<>();
        for (JsonNode r : body) {
            assertThat(r.path("queueId").asString()).isEqualTo(queueId);
            Row previous = rows.put(key(r.path("mediaType").asString(), Instant.parse(r.path("intervalStart").asString())),
                    Row.fromJson(r));
            assertThat(previous).as("one REST row per media type and bucket").isNull();
        }
        return rows;
    }

    /** Every QueueIntervals entity of the queue, following server paging. */
    Map<String, Row> odataRows(String queueId) throws Exception {
        Map<String, Row> rows = new TreeMap<>();
        String next = base() + "/odata/QueueIntervals?$filter="
                + URLEncoder.encode("queueId eq '" + queueId + "'", StandardCharsets.UTF_8).replace("+", "%20");
        while (next != null) {
            JsonNode page = JSON.readTree(getAbsolute(next));
            for (JsonNode r : page.path("value")) {
                assertThat(r.path("queueId").asString()).isEqualTo(queueId);
                rows.put(key(r.path("mediaType").asString(), Instant.parse(r.path("intervalStart").asString())),
                        Row.fromJson(r));
            }
            JsonNode link = page.get("@odata.nextLink");
            next = link == null || link.isNull() ? null : base().resolve(link.asString()).toString();
        }
        return rows;
    }

    /** All of reporting.queue_interval, keyed by queue, media type and interval start. */
    Map<String, Row> reportingRows() {
        Map<String, Row> rows = new TreeMap<>();
        jdbc.query("SELECT * FROM reporting.queue_interval", rs -> {
            rows.put(rs.getString("queue_id") + " " + key(rs.getString("media_type"),
                    rs.getTimestamp("interval_start").toInstant()), Row.fromReporting(rs));
        });
        return rows;
    }

    private String get(String pathAndQuery) throws Exception {
        return getAbsolute(base() + pathAndQuery);
    }

    private String getAbsolute(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("X-API-Key", READ_KEY).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", url, response.body()).isEqualTo(200);
        return response.body();
    }

    private URI base() {
        return URI.create("http://localhost:" + port);
    }

    // --- comparing ----------------------------------------------------------------------------------------------

    static void assertSameRow(String what, Row got, Row want) {
        assertThat(got).as(what + ": missing").isNotNull();
        assertThat(got.components()).as(what).isEqualTo(want.components());
        assertRatio(what + " serviceLevel", got.serviceLevel(), want.serviceLevel());
        assertRatio(what + " asaSeconds", got.asaSeconds(), want.asaSeconds());
        assertRatio(what + " ahtSeconds", got.ahtSeconds(), want.ahtSeconds());
        assertRatio(what + " abandonRate", got.abandonRate(), want.abandonRate());
    }

    static void assertRatio(String what, Double got, Double want) {
        if (want == null) {
            assertThat(got).as(what).isNull();
        } else {
            assertThat(got).as(what).isNotNull();
            assertThat(got).as(what).isCloseTo(want, within(RATIO_TOLERANCE));
        }
    }

    static boolean sameRatio(Double a, Double b) {
        return a == null ? b == null : b != null && Math.abs(a - b) <= RATIO_TOLERANCE;
    }

    static String key(String mediaType, Instant intervalStart) {
        return mediaType + " " + intervalStart;
    }

    static TreeSet<String> union(Map<String, Row> a, Map<String, Row> b) {
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    /** The reporting rows of one queue, keyed like the per-queue maps. */
    static Map<String, Row> filter(Map<String, Row> reporting, String queueId) {
        Map<String, Row> rows = new TreeMap<>();
        reporting.forEach((k, r) -> {
            if (k.startsWith(queueId + " ")) {
                rows.put(k.substring(queueId.length() + 1), r);
            }
        });
        return rows;
    }

    static QueueComponents sum(Iterable<QueueComponents> components) {
        QueueComponents total = QueueComponents.ZERO;
        for (QueueComponents c : components) {
            total = total.plus(c);
        }
        return total;
    }

    /** One interval row as any surface gives it: the 13 components and the four ratios. */
    record Row(QueueComponents components, Double serviceLevel, Double asaSeconds, Double ahtSeconds,
            Double abandonRate, BigDecimal slThresholdSeconds) {

        static Row zero() {
            return expected(QueueComponents.ZERO);
        }

        /** The reference: SPEC §2's derived values under 30 s with flow-outs included. */
        static Row expected(QueueComponents c) {
            return new Row(c, KpiSettingsEndToEndTest.serviceLevel(c, true), ratio(c.answerWaitMs(), c.answered(), 1000),
                    ratio(c.handleMs(), c.handled(), 1000), ratio(c.abandoned(), c.offered(), 1), null);
        }

        static Row fromJson(JsonNode r) {
            ToLongFunction<String> l = name -> {
                assertThat(r.has(name)).as("property %s in %s", name, r).isTrue();
                return r.path(name).asLong();
            };
            return new Row(QueueComponents.byName(l),
                    nullableDouble(r, "serviceLevel"), nullableDouble(r, "asaSeconds"),
                    nullableDouble(r, "ahtSeconds"), nullableDouble(r, "abandonRate"), null);
        }

        static Row fromReporting(ResultSet rs) throws SQLException {
            return new Row(QueueComponents.byName(name -> {
                try {
                    return rs.getLong(QueueMetric.ofField(name).column());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }),
                    rs.getObject("service_level", Double.class), rs.getObject("asa_seconds", Double.class),
                    rs.getObject("aht_seconds", Double.class), rs.getObject("abandon_rate", Double.class),
                    rs.getBigDecimal("sl_threshold_seconds"));
        }

        private static Double nullableDouble(JsonNode r, String name) {
            assertThat(r.has(name)).as("property %s in %s", name, r).isTrue();
            JsonNode v = r.get(name);
            return v.isNull() ? null : v.asDouble();
        }
    }
}
