package io.streamvane.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The Grafana dashboard queries only documented series, and the chart turns on what the docs promise. */
class ObservabilityTest {

    static final Pattern SERIES = Pattern.compile("\\bstreamvane_[a-z0-9_]+");

    static Set<String> documentedSeries() throws IOException {
        String doc = Files.readString(Repo.resolve("docs/observability.md"));
        Set<String> series = new TreeSet<>();
        Matcher m = Pattern.compile("`(streamvane_[a-z0-9_]+)(?:_\\{([a-z,]+)})?`").matcher(doc);
        while (m.find()) {
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

    @Test
    @SuppressWarnings("unchecked")
    void dashboardParsesAndQueriesOnlyDocumentedStreamvaneSeries() throws IOException {
        String json = Files.readString(Repo.resolve("deploy/grafana/streamvane.json"));
        Map<String, Object> dashboard = new Yaml(new LoaderOptions()).load(json);
        assertThat(dashboard.get("uid")).isEqualTo("streamvane-overview");
        List<Map<String, Object>> panels = (List<Map<String, Object>>) dashboard.get("panels");
        assertThat(panels).hasSizeGreaterThanOrEqualTo(10);

        Set<String> documented = documentedSeries();
        Set<String> queried = new TreeSet<>();
        for (Map<String, Object> panel : panels) {
            List<Map<String, Object>> targets = (List<Map<String, Object>>) panel.get("targets");
            assertThat(targets).as("%s", panel.get("title")).isNotEmpty();
            for (Map<String, Object> target : targets) {
                Matcher m = SERIES.matcher((String) target.get("expr"));
                while (m.find()) {
                    queried.add(m.group());
                }
            }
        }
        assertThat(documented).containsAll(queried);
        // The list: ingest/duplicates/rejects, lag, engine backlog and latency, sinks, Genesys budget.
        assertThat(queried).contains("streamvane_ingress_events_total", "streamvane_ingress_lag_seconds_bucket",
                "streamvane_engine_inbox_backlog", "streamvane_engine_projection_latency_seconds_bucket",
                "streamvane_egress_sink_backlog", "streamvane_egress_sink_failures_total",
                "streamvane_scheduler_genesys_budget_used");
    }

    @Test
    void documentedSeriesFollowMicrometersPrometheusNaming() throws IOException {
        for (String series : documentedSeries()) {
            assertThat(series).matches("streamvane_[a-z0-9_]+");
        }
        assertThat(documentedSeries()).contains("streamvane_ingress_events_total",
                "streamvane_ingress_batch_size_items_count", "streamvane_ingress_lag_seconds_count");
    }

    @Test
    void everyServiceHasThePrometheusRegistry() throws IOException {
        for (String module : List.of("ingress-service", "reactive-engine", "scheduler-service", "egress-service")) {
            assertThat(Files.readString(Repo.resolve(module + "/pom.xml"))).as(module)
                    .contains("<artifactId>micrometer-registry-prometheus</artifactId>");
        }
    }
}
