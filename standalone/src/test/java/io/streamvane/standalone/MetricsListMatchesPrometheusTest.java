package io.streamvane.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.testsupport.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The "## Metrics" table of the root README against a real scrape of {@code /actuator/prometheus}: the
 * single-process app (every service in one JVM) on a test-support database, with the scheduler's Genesys client
 * configured (jobs off, so nothing calls Genesys), after one event POSTed to the HTTP ingress. Every series the
 * README marks "yes" must be in the scrape; every {@code streamvane_*} series in the scrape must be in the README.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.endpoints.web.exposure.include=prometheus,health",
        "streamvane.security.api-keys[0].name=ingester",
        "streamvane.security.api-keys[0].key=" + MetricsListMatchesPrometheusTest.INGEST_KEY,
        "streamvane.security.api-keys[0].scopes[0]=ingest",
        "streamvane.security.api-keys[1].name=operator",
        "streamvane.security.api-keys[1].key=" + MetricsListMatchesPrometheusTest.ADMIN_KEY,
        "streamvane.security.api-keys[1].scopes[0]=admin",
        "streamvane.scheduler.genesys.client-id=metrics-test",
        "streamvane.scheduler.genesys.client-secret=not-used",
        "streamvane.scheduler.genesys.api-base-url=http://127.0.0.1:9",
        "streamvane.scheduler.genesys.login-base-url=http://127.0.0.1:9",
        // the database comes from test-support below; without this the app would also start an embedded one
        "streamvane.embedded-postgres.enabled=false",
        "streamvane.scheduler.jobs.enabled=false"})
@ExtendWith(OutputCaptureExtension.class)
class MetricsListMatchesPrometheusTest {

    static final String INGEST_KEY = "metrics-test-ingest-key-7c41e9a2b5d80f36";
    static final String ADMIN_KEY = "metrics-test-admin-key-7c41e9a2b5d80f36";
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`(streamvane_[a-z0-9_]+?)(?:_\\{([a-z,]+)})?`\\s*\\|");
    private static final String QUEUE_ID = "a1b2c3d4-6666-4f4f-9a9a-abcdefabcdef";

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.fresh().springProperties().forEach((k, v) -> registry.add(k, () -> v));
    }

    /** One README row: its series (suffixes expanded) and whether the scrape test requires them. */
    record Listed(String name, List<String> series, boolean required, String scrapeColumn) {
    }

    @Test
    void everyListedMetricIsScrapedAndEveryScrapedStreamvaneMetricIsListed(CapturedOutput output) throws IOException {
        List<Listed> listed = readmeMetrics();
        assertThat(listed).as("rows of the README's Metrics table").isNotEmpty();
        assertThat(listed).filteredOn(Listed::required).as("rows the scrape must show").isNotEmpty();
        assertThat(listed).filteredOn(l -> !l.required())
                .allSatisfy(l -> assertThat(l.scrapeColumn()).as(l.name()).matches("no: .{10,}"));

        // Exercise ingress once, so the meters it creates on first use exist: one accepted item, one rejected.
        RestClient client = RestClient.create("http://localhost:" + port);
        int status = client.post().uri("/api/v1/events")
                .header(HttpHeaders.CONTENT_TYPE, "application/json")
                .header("X-API-Key", INGEST_KEY)
                .body("[" + acdStart("5f0c9a1e-2b3d-4c5e-8f70-1a2b3c4d5e6f", Instant.now().minusSeconds(30).toEpochMilli())
                        + ", {\"unknown\": \"envelope\"}]")
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(status).isEqualTo(202);

        String scrape = client.get().uri("/actuator/prometheus")
                .header("X-API-Key", ADMIN_KEY)
                .retrieve().body(String.class);
        Set<String> scraped = streamvaneSeries(scrape);

        Set<String> requiredSeries = new TreeSet<>();
        Set<String> allListed = new TreeSet<>();
        for (Listed l : listed) {
            allListed.addAll(l.series());
            if (l.required()) {
                requiredSeries.addAll(l.series());
            }
        }
        assertThat(scraped).as("the scrape's streamvane_* series").containsAll(requiredSeries);
        assertThat(allListed).as("series listed in the README's Metrics section").containsAll(scraped);
        // The accepted event really went through the counter the README documents.
        assertThat(scrape).containsPattern(
                "streamvane_ingress_events_total\\{[^}]*outcome=\"accepted\"[^}]*transport=\"http\"[^}]*} 1(\\.0)?\\b");
        // A rejection is scraped with its reason beside the other outcomes (one set of tag keys per name).
        assertThat(scrape).containsPattern(
                "streamvane_ingress_events_total\\{[^}]*outcome=\"rejected\"[^}]*reason=\"[a-z-]+\"[^}]*} 1(\\.0)?\\b");
        // Prometheus drops (and only logs) a meter whose tag keys differ from an earlier one of the same name.
        assertThat(output.getAll()).doesNotContain("registration has failed");
    }

    @Test
    void theScrapeNeedsACredential() {
        int status = RestClient.create("http://localhost:" + port).get().uri("/actuator/prometheus")
                .exchange((request, response) -> response.getStatusCode().value());
        assertThat(status).isEqualTo(401);
    }

    /** The rows between the metrics markers of the README's "## Metrics" section. */
    static List<Listed> readmeMetrics() throws IOException {
        String readme = Files.readString(repoRoot().resolve("README.md"));
        int section = readme.indexOf("\n## Metrics\n");
        assertThat(section).as("README has a '## Metrics' section").isNotNegative();
        int next = readme.indexOf("\n## ", section + 1);
        String body = next < 0 ? readme.substring(section) : readme.substring(section, next);
        int begin = body.indexOf("<!-- metrics:begin");
        int end = body.indexOf("<!-- metrics:end -->");
        assertThat(begin).as("metrics:begin marker").isNotNegative();
        assertThat(end).as("metrics:end marker").isGreaterThan(begin);

        List<Listed> rows = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (String line : body.substring(begin, end).split("\n")) {
            Matcher m = ROW.matcher(line);
            if (!m.find()) {
                continue;
            }
            String name = m.group(1);
            List<String> series = new ArrayList<>();
            if (m.group(2) == null) {
                series.add(name);
            } else {
                for (String suffix : m.group(2).split(",")) {
                    series.add(name + "_" + suffix);
                }
            }
            String[] cells = line.split("\\|");
            String scrapeColumn = cells[cells.length - 1].strip();
            assertThat(seen.put(name, Boolean.TRUE)).as("listed twice: %s", name).isNull();
            rows.add(new Listed(name, series, scrapeColumn.equals("yes"), scrapeColumn));
        }
        return rows;
    }

    /** Sample names (not families) starting with {@code streamvane_} in a Prometheus text exposition. */
    static Set<String> streamvaneSeries(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.startsWith("streamvane_")) {
                int cut = line.length();
                for (char c : new char[] {'{', ' '}) {
                    int i = line.indexOf(c);
                    if (i >= 0 && i < cut) {
                        cut = i;
                    }
                }
                names.add(line.substring(0, cut));
            }
        }
        return names;
    }

    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("repository root (the directory holding mvnw)").isNotNull();
        return dir;
    }

    private static String acdStart(String conversationId, long eventTimeMillis) {
        return """
                {"topicName":"v2.detail.events.conversation.%s.acd.start","version":"2",\
                "eventBody":{"eventTime":%d,"conversationId":"%s","participantId":"%s","sessionId":"%s",\
                "mediaType":"VOICE","direction":"INBOUND","queueId":"%s","divisionId":"d-1"},\
                "metadata":{"CorrelationId":"corr-1"}}""".formatted(conversationId, eventTimeMillis, conversationId,
                QUEUE_ID, QUEUE_ID, QUEUE_ID);
    }
}
