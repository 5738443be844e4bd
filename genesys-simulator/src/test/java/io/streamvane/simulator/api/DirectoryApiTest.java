package io.streamvane.simulator.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.simulator.model.AgentSpec;
import io.streamvane.simulator.model.QueueSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DirectoryApiTest {

    static FakeGenesysApi api;
    static ApiClient client;

    @BeforeAll
    static void start() {
        api = FakeGenesysApi.start(SharedRun.day(), FakeApiSettings.defaults());
        client = ApiClient.authenticated(api);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void pagingThroughUsersByNextUriVisitsEveryAgentOnce() {
        List<String> seen = new ArrayList<>();
        String next = FakeGenesysApi.USERS + "?pageSize=7";
        int pages = 0;
        JsonNode page = null;
        while (next != null) {
            page = client.getOk(next);
            pages++;
            assertThat(page.path("pageNumber").asInt()).isEqualTo(pages);
            assertThat(page.path("pageSize").asInt()).isEqualTo(7);
            assertThat(page.path("total").asInt()).isEqualTo(40);
            assertThat(page.path("pageCount").asInt()).isEqualTo(6);
            assertThat(page.path("firstUri").isString()).isTrue();
            assertThat(page.path("lastUri").isString()).isTrue();
            assertThat(page.path("selfUri").isString()).isTrue();
            assertThat(page.has("previousUri")).isEqualTo(pages > 1);
            for (JsonNode user : page.path("entities")) {
                assertThat(user.path("name").isString()).isTrue();
                assertThat(user.path("state").asString()).isEqualTo("active");
                seen.add(user.path("id").asString());
            }
            next = page.has("nextUri") ? page.path("nextUri").asString() : null;
        }
        assertThat(pages).isEqualTo(6);
        assertThat(page.path("entities")).hasSize(5);
        assertThat(seen).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(SharedRun.day().config().agents().stream().map(AgentSpec::id).toList());
    }

    @Test
    void theServiceLevelGoalsAStoreSeedsAreTheOnesTheQueuesPublish() {
        var config = SharedRun.day().config();
        var goals = config.serviceLevelGoals();

        assertThat(goals).hasSize(config.queues().stream().mapToInt(q -> q.media().size()).sum());
        java.util.Map<String, JsonNode> queues = new java.util.HashMap<>();
        client.getOk(FakeGenesysApi.QUEUES + "?pageSize=100").path("entities")
                .forEach(q -> queues.put(q.path("id").asString(), q));
        for (var goal : goals) {
            JsonNode queue = queues.get(goal.queueId());
            String media = goal.mediaType().equals("voice") ? "call" : goal.mediaType();
            JsonNode published = queue.path("mediaSettings").path(media).path("serviceLevel");
            assertThat(published.path("durationMs").asLong()).as(goal.toString()).isEqualTo(goal.threshold().toMillis());
            assertThat(goal.targetPercent()).isEqualByComparingTo(
                    java.math.BigDecimal.valueOf(published.path("percentage").asDouble() * 100));
        }
    }

    @Test
    void queuesCarryTheirServiceLevelPerMediaAndPageByNumber() {
        List<String> seen = new ArrayList<>();
        JsonNode first = client.getOk(FakeGenesysApi.QUEUES + "?pageSize=3&pageNumber=1");
        int pageCount = first.path("pageCount").asInt();
        assertThat(pageCount).isEqualTo(2);
        for (int n = 1; n <= pageCount; n++) {
            JsonNode page = client.getOk(FakeGenesysApi.QUEUES + "?pageSize=3&pageNumber=" + n);
            for (JsonNode queue : page.path("entities")) {
                seen.add(queue.path("id").asString());
                JsonNode call = queue.path("mediaSettings").path("call").path("serviceLevel");
                assertThat(call.path("percentage").asDouble()).isEqualTo(0.8);
                assertThat(call.path("durationMs").isIntegralNumber()).isTrue();
                assertThat(call.path("durationMs").asLong()).isEqualTo(20_000);
                assertThat(queue.path("mediaSettings").path("chat").path("serviceLevel").path("durationMs").asLong())
                        .isEqualTo(60_000);
                assertThat(queue.path("division").path("id").isString()).isTrue();
                assertThat(queue.path("memberCount").asInt()).isPositive();
            }
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(
                SharedRun.day().config().queues().stream().map(QueueSpec::id).toList());
        assertThat(client.getOk(FakeGenesysApi.QUEUES + "?pageSize=3&pageNumber=3").path("entities")).isEmpty();
    }

    @Test
    void queuesFilterByNameWildcardAndIdAndSortDescending() {
        JsonNode byName = client.getOk(FakeGenesysApi.QUEUES + "?name=Sup*");
        assertThat(byName.path("entities")).hasSize(1);
        assertThat(byName.path("entities").get(0).path("name").asString()).isEqualTo("Support");

        String id = SharedRun.day().config().queues().get(2).id();
        JsonNode byId = client.getOk(FakeGenesysApi.QUEUES + "?id=" + id);
        assertThat(byId.path("total").asInt()).isEqualTo(1);

        JsonNode desc = client.getOk(FakeGenesysApi.QUEUES + "?sortOrder=desc");
        assertThat(desc.path("entities").get(0).path("name").asString()).isEqualTo("Support");
    }

    @Test
    void anOversizedPageIsABadRequest() {
        assertThat(client.get(FakeGenesysApi.USERS + "?pageSize=501").statusCode()).isEqualTo(400);
    }
}
