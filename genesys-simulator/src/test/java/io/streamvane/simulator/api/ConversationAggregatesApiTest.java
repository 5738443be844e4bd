package io.streamvane.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.simulator.Simulator;
import io.streamvane.simulator.truth.Granularity;
import io.streamvane.simulator.truth.QueueComponents;
import io.streamvane.simulator.truth.QueueInterval;
import io.streamvane.simulator.truth.QueueMediaKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConversationAggregatesApiTest {

    private static final String ALL_METRICS = "[\"nOffered\",\"tAnswered\",\"tAbandon\",\"tShortAbandon\",\"nOverSla\","
            + "\"tFlowOut\",\"tHandle\",\"tTalk\",\"tHeld\",\"tAcw\",\"oServiceLevel\"]";

    static Simulator run;
    static FakeGenesysApi api;
    static ApiClient client;

    @BeforeAll
    static void start() {
        run = SharedRun.day();
        api = FakeGenesysApi.start(run, FakeApiSettings.defaults().withRequestsPerMinute(10_000));
        client = ApiClient.authenticated(api);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void responseHasTheDocumentedShape() {
        JsonNode response = client.postOk(FakeGenesysApi.CONVERSATION_AGGREGATES, """
                {"interval": "2026-03-02T10:00:00.000Z/2026-03-02T11:00:00.000Z", "granularity": "PT30M",
                 "groupBy": ["queueId", "mediaType"], "metrics": %s}""".formatted(ALL_METRICS));

        assertThat(response.path("results").isArray()).isTrue();
        assertThat(response.path("results")).isNotEmpty();
        for (JsonNode result : response.path("results")) {
            assertThat(result.path("group").path("queueId").isString()).isTrue();
            assertThat(result.path("group").path("mediaType").asString()).isIn("voice", "chat");
            for (JsonNode data : result.path("data")) {
                assertThat(data.path("interval").asString())
                        .matches("2026-03-02T1[01]:[03]0:00\\.000Z/2026-03-02T1[01]:[03]0:00\\.000Z");
                assertThat(data.path("metrics")).isNotEmpty();
                for (JsonNode metric : data.path("metrics")) {
                    String name = metric.path("metric").asString();
                    JsonNode stats = metric.path("stats");
                    if (name.equals("oServiceLevel")) {
                        assertThat(stats.path("ratio").isNumber()).isTrue();
                        assertThat(stats.path("numerator").isIntegralNumber()).isTrue();
                        assertThat(stats.path("denominator").isIntegralNumber()).isTrue();
                        assertThat(stats.path("target").asDouble()).isEqualTo(0.8);
                    } else if (name.startsWith("t")) {
                        assertThat(stats.path("count").isIntegralNumber()).isTrue();
                        assertThat(stats.path("sum").isIntegralNumber()).isTrue();
                        assertThat(stats.path("min").asLong()).isLessThanOrEqualTo(stats.path("max").asLong());
                    } else {
                        assertThat(stats.path("count").asLong()).isPositive();
                        assertThat(stats.has("sum")).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void aggregatesEqualTheGroundTruthForARangeAndGranularity() {
        for (String granularity : List.of("PT15M", "PT30M", "PT1H")) {
            Instant from = Instant.parse("2026-03-02T07:00:00Z");
            Instant to = Instant.parse("2026-03-02T19:00:00Z");
            JsonNode response = client.postOk(FakeGenesysApi.CONVERSATION_AGGREGATES, """
                    {"interval": "%s/%s", "granularity": "%s", "groupBy": ["queueId", "mediaType"], "metrics": %s}"""
                    .formatted(from, to, granularity, ALL_METRICS));
            Map<String, JsonNode> byKey = index(response);
            int compared = 0;
            for (QueueMediaKey key : run.groundTruth().queueMedia()) {
                for (QueueInterval row : run.groundTruth().queueIntervals(key.queueId(), key.mediaType(), from, to,
                        Granularity.valueOf(granularity))) {
                    JsonNode metrics = byKey.get(key.queueId() + "|" + key.mediaType() + "|"
                            + io.streamvane.simulator.events.GenesysTime.isoMillis(row.start().toEpochMilli()));
                    assertMatches(row.components(), metrics);
                    compared++;
                }
            }
            assertThat(compared).isGreaterThan(40);
        }
    }

    @Test
    void wholeDayInOneBucketEqualsTheDayTotals() {
        JsonNode response = client.postOk(FakeGenesysApi.CONVERSATION_AGGREGATES, """
                {"interval": "2026-03-02T00:00:00.000Z/2026-03-03T00:00:00.000Z", "granularity": "P1D",
                 "groupBy": ["queueId", "mediaType"], "metrics": %s}""".formatted(ALL_METRICS));
        Map<String, JsonNode> byKey = index(response);
        for (QueueMediaKey key : run.groundTruth().queueMedia()) {
            QueueComponents day = run.groundTruth().queueDay(key.queueId(), key.mediaType(),
                    java.time.LocalDate.parse("2026-03-02"));
            assertMatches(day, byKey.get(key.queueId() + "|" + key.mediaType() + "|2026-03-02T00:00:00.000Z"));
        }
    }

    @Test
    void filterKeepsOnlyMatchingQueuesAndMediaAndOnlyRequestedMetricsComeBack() {
        QueueMediaKey some = run.groundTruth().queueMedia().iterator().next();
        JsonNode response = client.postOk(FakeGenesysApi.CONVERSATION_AGGREGATES, """
                {"interval": "2026-03-02T08:00:00.000Z/2026-03-02T12:00:00.000Z", "granularity": "PT1H",
                 "groupBy": ["queueId", "mediaType"],
                 "filter": {"type": "and", "clauses": [
                     {"type": "or", "predicates": [{"dimension": "queueId", "value": "%s"}]},
                     {"type": "or", "predicates": [{"type": "dimension", "dimension": "mediaType",
                                                    "operator": "matches", "value": "voice"}]}]},
                 "metrics": ["nOffered", "tAnswered"]}""".formatted(some.queueId()));

        assertThat(response.path("results")).hasSize(1);
        JsonNode result = response.path("results").get(0);
        assertThat(result.path("group").path("queueId").asString()).isEqualTo(some.queueId());
        assertThat(result.path("group").path("mediaType").asString()).isEqualTo("voice");
        for (JsonNode data : result.path("data")) {
            for (JsonNode metric : data.path("metrics")) {
                assertThat(metric.path("metric").asString()).isIn("nOffered", "tAnswered");
            }
        }
    }

    @Test
    void bucketsWithoutDataAreOmitted() {
        // The default day's arrivals are sparse at night: some hours have no data at all.
        JsonNode response = client.postOk(FakeGenesysApi.CONVERSATION_AGGREGATES, """
                {"interval": "2026-03-02T00:00:00.000Z/2026-03-04T00:00:00.000Z", "granularity": "PT15M",
                 "groupBy": ["queueId", "mediaType"], "metrics": ["nOffered"]}""");
        for (JsonNode result : response.path("results")) {
            assertThat(result.path("data").size()).isLessThan(192);
            for (JsonNode data : result.path("data")) {
                assertThat(data.path("metrics").get(0).path("stats").path("count").asLong()).isPositive();
                assertThat(data.path("interval").asString()).doesNotStartWith("2026-03-03T12");
            }
        }
    }

    @Test
    void groupingByUserGivesHandleTimePerAgentAndUngroupedTotalsAddUp() {
        JsonNode byUser = client.postOk(FakeGenesysApi.CONVERSATION_AGGREGATES, """
                {"interval": "2026-03-02T00:00:00.000Z/2026-03-03T12:00:00.000Z",
                 "groupBy": ["userId"], "metrics": ["tHandle"]}""");
        long handleMs = 0;
        for (JsonNode result : byUser.path("results")) {
            String userId = result.path("group").path("userId").asString();
            long sum = result.path("data").get(0).path("metrics").get(0).path("stats").path("sum").asLong();
            assertThat(sum).isEqualTo(run.groundTruth().agentTotal(userId).handleMs());
            handleMs += sum;
        }
        long truth = run.groundTruth().totalsPerQueue().values().stream().mapToLong(QueueComponents::handleMs).sum();
        assertThat(handleMs).isEqualTo(truth);
    }

    @Test
    void anUnknownMetricOrABadIntervalIsABadRequest() {
        assertThat(client.post(FakeGenesysApi.CONVERSATION_AGGREGATES, """
                {"interval": "2026-03-02T00:00:00.000Z/2026-03-03T00:00:00.000Z", "metrics": ["nFoo"]}""")
                .statusCode()).isEqualTo(400);
        assertThat(client.post(FakeGenesysApi.CONVERSATION_AGGREGATES, """
                {"interval": "yesterday", "metrics": ["nOffered"]}""").statusCode()).isEqualTo(400);
    }

    @Test
    void onlyWhatHappenedBeforeTheSimulatedNowIsReported() {
        Instant now = Instant.parse("2026-03-02T12:07:00Z");
        try (FakeGenesysApi live = FakeGenesysApi.start(run, FakeApiSettings.defaults().withSimulationNow(() -> now))) {
            JsonNode response = ApiClient.authenticated(live).postOk(FakeGenesysApi.CONVERSATION_AGGREGATES, """
                    {"interval": "2026-03-02T00:00:00.000Z/2026-03-03T00:00:00.000Z", "granularity": "PT15M",
                     "metrics": ["nOffered"]}""");
            JsonNode data = response.path("results").get(0).path("data");
            assertThat(data.get(data.size() - 1).path("interval").asString()).startsWith("2026-03-02T12:00:00.000Z");
        }
    }

    private static Map<String, JsonNode> index(JsonNode response) {
        Map<String, JsonNode> byKey = new HashMap<>();
        for (JsonNode result : response.path("results")) {
            for (JsonNode data : result.path("data")) {
                String start = data.path("interval").asString().split("/")[0];
                byKey.put(result.path("group").path("queueId").asString() + "|"
                        + result.path("group").path("mediaType").asString() + "|" + start, data.path("metrics"));
            }
        }
        return byKey;
    }

    private static void assertMatches(QueueComponents truth, JsonNode metrics) {
        if (truth.isZero()) {
            assertThat(metrics).as("a bucket without data is omitted").isNull();
            return;
        }
        Map<String, JsonNode> stats = new HashMap<>();
        for (Iterator<JsonNode> it = metrics.iterator(); it.hasNext(); ) {
            JsonNode metric = it.next();
            stats.put(metric.path("metric").asString(), metric.path("stats"));
        }
        assertThat(count(stats, "nOffered")).isEqualTo(truth.offered());
        assertThat(count(stats, "tAnswered")).isEqualTo(truth.answered());
        assertThat(sum(stats, "tAnswered")).isEqualTo(truth.answerWaitMs());
        assertThat(count(stats, "nOverSla")).isEqualTo(truth.answered() - truth.answeredWithinSl());
        assertThat(count(stats, "tAbandon")).isEqualTo(truth.abandoned());
        assertThat(sum(stats, "tAbandon")).isEqualTo(truth.abandonWaitMs());
        assertThat(count(stats, "tShortAbandon")).isEqualTo(truth.shortAbandoned());
        assertThat(count(stats, "tFlowOut")).isEqualTo(truth.flowOuts());
        assertThat(count(stats, "tHandle")).isEqualTo(truth.handled());
        assertThat(sum(stats, "tHandle")).isEqualTo(truth.handleMs());
        assertThat(sum(stats, "tTalk")).isEqualTo(truth.talkMs());
        assertThat(sum(stats, "tHeld")).isEqualTo(truth.holdMs());
        assertThat(sum(stats, "tAcw")).isEqualTo(truth.acwMs());
        long denominator = truth.answered() + truth.abandoned() - truth.shortAbandoned();
        if (denominator > 0) {
            assertThat(stats.get("oServiceLevel").path("numerator").asLong()).isEqualTo(truth.answeredWithinSl());
            assertThat(stats.get("oServiceLevel").path("denominator").asLong()).isEqualTo(denominator);
        } else {
            assertThat(stats).doesNotContainKey("oServiceLevel");
        }
        stats.forEach((name, s) -> {
            if (!name.equals("oServiceLevel")) {
                assertThat(s.path("count").asLong()).as(name + " with no occurrences is omitted").isPositive();
            }
        });
    }

    private static long count(Map<String, JsonNode> stats, String metric) {
        return stats.containsKey(metric) ? stats.get(metric).path("count").asLong() : 0;
    }

    private static long sum(Map<String, JsonNode> stats, String metric) {
        return stats.containsKey(metric) ? stats.get(metric).path("sum").asLong() : 0;
    }
}
