package io.streamvane.model.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.mypurecloud.sdk.v2.model.ConversationAggregationQuery;
import com.mypurecloud.sdk.v2.model.UserAggregationQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/metrics.md states the catalogue and its coverage of Genesys' conversation aggregate metrics; this keeps both
 * equal to the code and to the official SDK's metric enum, so the document a WFM analyst reads cannot drift.
 */
class MetricCatalogueDocumentTest {

    private static final Path DOC = Path.of("..", "docs", "metrics.md");

    @Test
    void theCatalogueTableIsTheCatalogue() throws IOException {
        List<String> expected = Arrays.stream(QueueMetric.values()).map(m -> "| `" + m.field() + "` | `" + m.column()
                + "` | " + m.genesys() + " | " + m.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " | "
                + m.completedBy() + " |").toList();
        assertThat(section("catalogue").stream().skip(2).toList()).containsExactlyElementsOf(expected);
    }

    @Test
    void theAgentTableIsTheAgentCatalogue() throws IOException {
        List<String> expected = Arrays.stream(AgentMetric.values()).map(m -> "| `" + m.field() + "` | `" + m.column()
                + "` | " + m.genesysMetric() + m.qualifier().map(q -> " " + q)
                        .orElse(m.family() == AgentMetric.Family.HANDLE ? "" : " (a value new to Genesys)")
                + " | " + m.family().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " |").toList();
        assertThat(section("agents").stream().skip(2).toList()).containsExactlyElementsOf(expected);
        // Every user-aggregate metric of the SDK is named in the section.
        String doc = Files.readString(DOC);
        Arrays.stream(UserAggregationQuery.MetricsEnum.values()).filter(m -> !m.name().equals("OUTDATEDSDKVERSION"))
                .forEach(m -> assertThat(doc).contains("`" + m + "`"));
    }

    @Test
    void everyGenesysConversationMetricHasARowAndEveryFieldItNamesExists() throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : section("genesys").stream().skip(2).toList()) {
            String[] cells = line.substring(1, line.length() - 1).split("\\|");
            rows.put(cells[0].trim(), new String[] {cells[1].trim(), cells[2].trim()});
        }
        List<String> sdk = Arrays.stream(ConversationAggregationQuery.MetricsEnum.values())
                .filter(m -> !m.name().equals("OUTDATEDSDKVERSION"))
                .map(ConversationAggregationQuery.MetricsEnum::toString).toList();
        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(sdk);

        // Catalogue fields, and the SL target every row carries beside them.
        List<String> fields = Stream.concat(Arrays.stream(QueueMetric.values()).map(QueueMetric::field),
                Stream.of("slTarget")).toList();
        Matcher named = Pattern.compile("`([a-zA-Z]+)`").matcher(String.join(" ",
                rows.values().stream().map(r -> r[0]).toList()));
        while (named.find()) {
            assertThat(fields).as("catalogue fields").contains(named.group(1));
        }
        long served = rows.values().stream().filter(r -> r[1].startsWith("served")).count();
        assertThat(Files.readString(DOC)).contains("Served: " + served + " of " + sdk.size());
        rows.forEach((metric, r) -> assertThat(r[1]).as(metric)
                .matches("(served|reproducible|not served|not yet).*"));
    }

    private static List<String> section(String name) throws IOException {
        String doc = Files.readString(DOC);
        int start = doc.indexOf("<!-- " + name + ":start -->");
        int end = doc.indexOf("<!-- " + name + ":end -->");
        assertThat(start).as(name + " markers").isNotNegative().isLessThan(end);
        return doc.substring(start, end).lines().skip(1).filter(l -> l.startsWith("|")).toList();
    }
}
