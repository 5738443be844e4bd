package io.streamvane.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The Grafana dashboard and the suggested alerts query only series the services emit, and the chart turns on what
 * the docs promise. "Emitted" is the root README's Metrics table, which standalone's
 * {@code MetricsListMatchesPrometheusTest} holds against a real scrape; a panel on a name no service registers
 * would stay empty in a real install, so it fails here.
 */
class ObservabilityTest {

    /** Series of Spring Boot's and Micrometer's standard meters, and Prometheus's own per-target {@code up}. */
    static final List<String> STANDARD_PREFIXES = List.of("jvm_", "process_", "http_server_", "hikaricp_",
            "executor_");
    static final String PROMETHEUS_UP = "up";

    private static final Pattern README_ROW = Pattern.compile(
            "^\\|\\s*`(streamvane_[a-z0-9_]+?)(?:_\\{([a-z,]+)})?`\\s*\\|");
    private static final Pattern DOC_ROW = Pattern.compile(
            "^\\|\\s*`streamvane\\.[a-z.]+`\\s*\\|\\s*`(streamvane_[a-z0-9_]+?)(?:_\\{([a-z,]+)})?`\\s*\\|");
    private static final Pattern ALERT_ROW = Pattern.compile("^\\|[^|`]+\\|\\s*`([^`]+)`");

    /** The series of the README's Metrics table (between its metrics markers), suffix families expanded. */
    static Set<String> readmeSeries() throws IOException {
        String readme = Files.readString(Repo.resolve("README.md"));
        int begin = readme.indexOf("<!-- metrics:begin");
        int end = readme.indexOf("<!-- metrics:end -->");
        assertThat(begin).as("README metrics:begin marker").isNotNegative();
        assertThat(end).as("README metrics:end marker").isGreaterThan(begin);
        return tableSeries(readme.substring(begin, end), README_ROW);
    }

    /** The Prometheus series column of docs/observability.md's "Streamvane metrics" table. */
    static Set<String> observabilityDocSeries() throws IOException {
        return tableSeries(Files.readString(Repo.resolve("docs/observability.md")), DOC_ROW);
    }

    static Set<String> tableSeries(String text, Pattern row) {
        Set<String> series = new TreeSet<>();
        for (String line : text.split("\n")) {
            Matcher m = row.matcher(line);
            if (!m.find()) {
                continue;
            }
            if (m.group(2) == null) {
                series.add(m.group(1));
            } else {
                for (String suffix : m.group(2).split(",")) {
                    series.add(m.group(1) + "_" + suffix);
                }
            }
        }
        return series;
    }

    /** PromQL of the dashboard's targets, keyed by panel title and target. */
    @SuppressWarnings("unchecked")
    static Map<String, String> dashboardQueries() throws IOException {
        String json = Files.readString(Repo.resolve("deploy/grafana/streamvane.json"));
        Map<String, Object> dashboard = new Yaml(new LoaderOptions()).load(json);
        assertThat(dashboard.get("uid")).isEqualTo("streamvane-overview");
        List<Map<String, Object>> panels = (List<Map<String, Object>>) dashboard.get("panels");
        assertThat(panels).hasSizeGreaterThanOrEqualTo(10);
        Map<String, String> queries = new TreeMap<>();
        for (Map<String, Object> panel : panels) {
            List<Map<String, Object>> targets = (List<Map<String, Object>>) panel.get("targets");
            assertThat(targets).as("%s", panel.get("title")).isNotEmpty();
            for (Map<String, Object> target : targets) {
                queries.put(panel.get("title") + " / " + target.get("refId"), (String) target.get("expr"));
            }
        }
        return queries;
    }

    /** PromQL of the "Suggested alerts" table of docs/observability.md, keyed by alert name. */
    static Map<String, String> suggestedAlerts() throws IOException {
        String doc = Files.readString(Repo.resolve("docs/observability.md"));
        int section = doc.indexOf("### Suggested alerts");
        assertThat(section).as("docs/observability.md has a 'Suggested alerts' section").isNotNegative();
        int next = doc.indexOf("\n#", section + 1);
        Map<String, String> alerts = new TreeMap<>();
        for (String line : doc.substring(section, next < 0 ? doc.length() : next).split("\n")) {
            Matcher m = ALERT_ROW.matcher(line);
            if (m.find()) {
                alerts.put(line.split("\\|")[1].strip(), m.group(1));
            }
        }
        return alerts;
    }

    /** Names each query selects that are neither listed in the README nor standard, keyed like the queries. */
    static Map<String, Set<String>> unlisted(Map<String, String> queries, Set<String> listed) {
        Map<String, Set<String>> unlisted = new TreeMap<>();
        queries.forEach((where, expr) -> {
            Set<String> names = new TreeSet<>(PromQl.metricNames(expr));
            names.removeIf(n -> listed.contains(n) || n.equals(PROMETHEUS_UP)
                    || STANDARD_PREFIXES.stream().anyMatch(n::startsWith));
            if (!names.isEmpty()) {
                unlisted.put(where, names);
            }
        });
        return unlisted;
    }

    @Test
    void dashboardQueriesOnlySeriesTheReadmeListsOrStandardOnes() throws IOException {
        Map<String, String> queries = dashboardQueries();

        assertThat(unlisted(queries, readmeSeries())).as("dashboard queries of series no service emits").isEmpty();

        Set<String> queried = new TreeSet<>();
        queries.values().forEach(expr -> queried.addAll(PromQl.metricNames(expr)));
        // What the dashboard must show: ingest/duplicates/rejects, lag, engine backlog and latency, sinks, budget.
        assertThat(queried).contains("streamvane_ingress_events_total", "streamvane_ingress_lag_seconds_bucket",
                "streamvane_engine_inbox_backlog", "streamvane_engine_projection_latency_seconds_bucket",
                "streamvane_sink_backlog", "streamvane_sink_delivery_failures_total",
                "streamvane_scheduler_genesys_budget_used");
    }

    @Test
    void suggestedAlertsQueryOnlySeriesTheReadmeLists() throws IOException {
        Map<String, String> alerts = suggestedAlerts();
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(5);

        assertThat(unlisted(alerts, readmeSeries())).as("alert rules on series no service emits").isEmpty();
    }

    @Test
    void observabilityDocAndReadmeListTheSameSeries() throws IOException {
        assertThat(observabilityDocSeries()).as("docs/observability.md metrics table")
                .hasSizeGreaterThanOrEqualTo(20)
                .containsExactlyInAnyOrderElementsOf(readmeSeries());
    }

    @Test
    void listedSeriesFollowMicrometersPrometheusNaming() throws IOException {
        assertThat(readmeSeries()).allSatisfy(series -> assertThat(series).matches("streamvane_[a-z0-9_]+"))
                .contains("streamvane_ingress_events_total", "streamvane_ingress_batch_size_items_count",
                        "streamvane_ingress_lag_seconds_count", "streamvane_ingress_lag_seconds_bucket");
    }

    @Test
    void queriedNamesAreFoundBesideFunctionsGroupingLabelsRangesAndNumbers() {
        assertThat(PromQl.metricNames("histogram_quantile(0.95, sum by (le) (rate(streamvane_a_seconds_bucket"
                + "{namespace=~\"$namespace\",le!=\"streamvane_not_a_name\"}[$__rate_interval])))"))
                .containsExactly("streamvane_a_seconds_bucket");
        assertThat(PromQl.metricNames("sum(rate(streamvane_x_total{outcome=\"duplicate\"}[5m])) / "
                + "clamp_min(sum(rate(streamvane_y_total[5m])), 1e-9) > 0.01"))
                .containsExactly("streamvane_x_total", "streamvane_y_total");
        assertThat(PromQl.metricNames("deriv(streamvane_b[15m]) > 0 and on (sink) streamvane_b > 1000"))
                .containsExactly("streamvane_b");
        assertThat(PromQl.metricNames("sum by (service) (up{service=~\".*-metrics\"}) or jvm_memory_used_bytes"))
                .containsExactly("jvm_memory_used_bytes", "up");
        assertThat(unlisted(Map.of("q", "max(streamvane_gone) + streamvane_kept + process_cpu_usage + up"),
                Set.of("streamvane_kept"))).containsExactly(Map.entry("q", Set.of("streamvane_gone")));
    }

    @Test
    void everyServiceHasThePrometheusRegistry() throws IOException {
        for (String module : List.of("ingress-service", "reactive-engine", "scheduler-service", "egress-service")) {
            assertThat(Files.readString(Repo.resolve(module + "/pom.xml"))).as(module)
                    .contains("<artifactId>micrometer-registry-prometheus</artifactId>");
        }
    }
}
