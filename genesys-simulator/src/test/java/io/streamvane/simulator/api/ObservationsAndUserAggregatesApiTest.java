package io.streamvane.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.simulator.model.QueueSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ObservationsAndUserAggregatesApiTest {

    static final Instant NOW = Instant.parse("2026-03-02T11:12:13Z");
    static FakeGenesysApi api;
    static ApiClient client;

    @BeforeAll
    static void start() {
        api = FakeGenesysApi.start(SharedRun.day(), FakeApiSettings.defaults().withSimulationNow(() -> NOW));
        client = ApiClient.authenticated(api);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void observationsComeAsQueueGroupsForUsersAndQueueMediaGroupsForConversations() {
        JsonNode response = client.postOk(FakeGenesysApi.QUEUE_OBSERVATIONS, """
                {"metrics": ["oWaiting", "oInteracting", "oLongestWaiting", "oOnQueueUsers", "oActiveUsers",
                             "oMemberUsers", "oOffQueueUsers", "oUserRoutingStatuses", "oUserPresences"],
                 "detailMetrics": ["oWaiting"]}""");

        assertThat(response.path("systemToOrganizationMappings").path("ON_QUEUE").isArray()).isTrue();
        int queueGroups = 0;
        int mediaGroups = 0;
        long waitingEverywhere = 0;
        for (JsonNode result : response.path("results")) {
            JsonNode group = result.path("group");
            Map<String, Long> counts = new HashMap<>();
            for (JsonNode data : result.path("data")) {
                String metric = data.path("metric").asString();
                if (!metric.equals("oLongestWaiting")) {
                    counts.merge(metric, data.path("stats").path("count").asLong(), Long::sum);
                    assertThat(data.path("stats").path("count").isIntegralNumber()).isTrue();
                }
            }
            if (group.has("mediaType")) {
                mediaGroups++;
                assertThat(counts.keySet()).contains("oWaiting", "oInteracting");
                waitingEverywhere += counts.get("oWaiting");
                for (JsonNode data : result.path("data")) {
                    if (data.path("metric").asString().equals("oWaiting")) {
                        assertThat(data.path("observations")).hasSize((int) data.path("stats").path("count").asLong());
                        for (JsonNode observation : data.path("observations")) {
                            Instant since = Instant.parse(observation.path("observationDate").asString());
                            assertThat(since).isBeforeOrEqualTo(NOW).isAfter(NOW.minus(Duration.ofHours(1)));
                            assertThat(observation.path("conversationId").isString()).isTrue();
                        }
                    }
                    if (data.path("metric").asString().equals("oLongestWaiting")) {
                        // The oldest waiting contact, whose observationDate gives the wait (no stats: see Observations).
                        assertThat(data.has("stats")).isFalse();
                        assertThat(data.path("observations")).hasSize(1);
                        Instant since = Instant.parse(data.path("observations").get(0).path("observationDate").asString());
                        for (JsonNode other : result.path("data")) {
                            if (other.path("metric").asString().equals("oWaiting")) {
                                other.path("observations").forEach(o -> assertThat(
                                        Instant.parse(o.path("observationDate").asString())).isAfterOrEqualTo(since));
                            }
                        }
                    }
                }
            } else {
                queueGroups++;
                long members = counts.get("oMemberUsers");
                assertThat(members).isEqualTo(SharedRun.day().config().agents().stream()
                        .filter(a -> a.queueIds().contains(group.path("queueId").asString())).count());
                assertThat(counts.get("oActiveUsers")).isLessThanOrEqualTo(members);
                assertThat(counts.getOrDefault("oOnQueueUsers", 0L) + counts.get("oOffQueueUsers"))
                        .isEqualTo(counts.get("oActiveUsers"));
                assertThat(counts.get("oUserRoutingStatuses")).isEqualTo(members);
                assertThat(counts.get("oUserPresences")).isEqualTo(members);
                assertThat(counts.getOrDefault("oOnQueueUsers", 0L)).as("mid-morning, agents work").isPositive();
            }
        }
        assertThat(queueGroups).isEqualTo(4);
        assertThat(mediaGroups).isEqualTo(8);
        assertThat(waitingEverywhere).isGreaterThanOrEqualTo(0);
    }

    @Test
    void observationFilterNarrowsToTheQueue() {
        QueueSpec queue = SharedRun.day().config().queues().get(1);
        JsonNode response = client.postOk(FakeGenesysApi.QUEUE_OBSERVATIONS, """
                {"filter": {"type": "or", "predicates": [{"dimension": "queueId", "value": "%s"}]},
                 "metrics": ["oWaiting", "oMemberUsers"]}""".formatted(queue.id()));
        assertThat(response.path("results")).hasSize(3);
        response.path("results").forEach(r ->
                assertThat(r.path("group").path("queueId").asString()).isEqualTo(queue.id()));
    }

    @Test
    void userAggregatesSplitTimeInStatusOverBucketsUpToNow() {
        String userId = SharedRun.day().config().agents().get(3).id();
        JsonNode response = client.postOk(FakeGenesysApi.USER_AGGREGATES, """
                {"interval": "2026-03-02T09:00:00.000Z/2026-03-02T12:00:00.000Z", "granularity": "PT30M",
                 "groupBy": ["userId"],
                 "filter": {"type": "or", "predicates": [{"dimension": "userId", "value": "%s"}]},
                 "metrics": ["tAgentRoutingStatus", "tSystemPresence"]}""".formatted(userId));

        assertThat(response.path("systemToOrganizationMappings").isObject()).isTrue();
        assertThat(response.path("results")).hasSize(1);
        JsonNode result = response.path("results").get(0);
        assertThat(result.path("group").path("userId").asString()).isEqualTo(userId);
        JsonNode data = result.path("data");
        assertThat(data).hasSize(5); // 09:00 .. 11:00 full, 11:00-11:30 cut at now; nothing after now
        for (JsonNode bucket : data) {
            String[] bounds = bucket.path("interval").asString().split("/");
            long expected = Math.min(Instant.parse(bounds[1]).toEpochMilli(), NOW.toEpochMilli())
                    - Instant.parse(bounds[0]).toEpochMilli();
            long routing = 0;
            long presence = 0;
            for (JsonNode metric : bucket.path("metrics")) {
                assertThat(metric.path("qualifier").isString()).isTrue();
                long sum = metric.path("stats").path("sum").asLong();
                if (metric.path("metric").asString().equals("tAgentRoutingStatus")) {
                    routing += sum;
                } else {
                    presence += sum;
                }
            }
            assertThat(routing).isEqualTo(expected);
            assertThat(presence).isEqualTo(expected);
        }
    }
}
