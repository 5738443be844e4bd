package io.streamvane.scheduler.reference;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.scheduler.FakeGenesys;
import io.streamvane.scheduler.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ReferenceSyncTest {

    private final FakeGenesys fake = new FakeGenesys();
    private final StoreFixture store = new StoreFixture();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void queuesWithPerMediaServiceLevelAndUsersLandInTheDimensionTables() {
        fake.server.stubFor(get(urlEqualTo("/api/v2/routing/queues?pageSize=1&pageNumber=1")).willReturn(okJson("""
                {"entities":[{"id":"q-1","name":"Sales","division":{"id":"d-1","name":"Home","selfUri":"/api/v2/authorization/divisions/d-1"},
                  "mediaSettings":{"call":{"alertingTimeoutSeconds":8,"serviceLevel":{"percentage":0.8,"durationMs":20000}},
                                   "chat":{"alertingTimeoutSeconds":30,"serviceLevel":{"percentage":0.9,"durationMs":60000}}},
                  "acwSettings":{"wrapupPrompt":"OPTIONAL"},"memberCount":12}],
                 "pageSize":1,"pageNumber":1,"total":2,"pageCount":2,"nextUri":"/api/v2/routing/queues?pageSize=1&pageNumber=2"}""")));
        fake.server.stubFor(get(urlEqualTo("/api/v2/routing/queues?pageSize=1&pageNumber=2")).willReturn(okJson("""
                {"entities":[{"id":"q-2","name":"Support","mediaSettings":{"email":{"serviceLevel":{"percentage":0.5,"durationMs":86400000}}}}],
                 "pageSize":1,"pageNumber":2,"total":2,"pageCount":2}""")));
        // With expand=presence,routingStatus, as the Genesys SDK's User model carries them (UserPresence, RoutingStatus).
        fake.server.stubFor(get(urlEqualTo("/api/v2/users?pageSize=1&pageNumber=1&state=active&expand=presence,routingStatus"))
                .willReturn(okJson("""
                {"entities":[{"id":"u-1","name":"Ada","email":"ada@example.com","division":{"id":"d-1"},"state":"active",
                  "presence":{"presenceDefinition":{"id":"pd-break","systemPresence":"Break"},"modifiedDate":"2025-03-04T09:50:00.000Z"},
                  "routingStatus":{"userId":"u-1","status":"OFF_QUEUE","startTime":"2025-03-04T09:50:00.000Z"}}],
                 "pageSize":1,"pageNumber":1,"total":1,"pageCount":1}""")));

        ReferenceSync.Result r = new ReferenceSync(fake.client(), store.jdbc, store.tx, JsonMapper.builder().build(), 1, fake.clock).run();

        assertThat(r).isEqualTo(new ReferenceSync.Result(2, 3, 1, 1));
        assertThat(store.jdbc.queryForList("SELECT queue_id || ' ' || name || ' ' || coalesce(division_id, '-') FROM queue ORDER BY 1",
                String.class)).containsExactly("q-1 Sales d-1", "q-2 Support -");
        assertThat(store.jdbc.queryForList("SELECT queue_id || ' ' || media_type || ' ' || sl_threshold_ms || ' ' || sl_target_percent "
                + "FROM queue_media_sl ORDER BY 1", String.class))
                .containsExactly("q-1 chat 60000 90.00", "q-1 voice 20000 80.00", "q-2 email 86400000 50.00");
        assertThat(store.jdbc.queryForObject("SELECT name || ' ' || email FROM app_user", String.class)).isEqualTo("Ada ada@example.com");
        // The agent's current state became a user activity event for the engine, once: read again, a duplicate.
        assertThat(store.jdbc.queryForObject("SELECT count(*) FROM engine_inbox", Integer.class)).isEqualTo(1);
        assertThat(store.jdbc.queryForObject("SELECT r.topic_kind || ' ' || r.source || ' ' || r.event_time FROM raw_event r "
                + "JOIN engine_inbox i ON i.raw_event_id = r.id", String.class)).startsWith("USER_ACTIVITY api");
        assertThat(new ReferenceSync(fake.client(), store.jdbc, store.tx, JsonMapper.builder().build(), 1, fake.clock).run().agentStates())
                .isZero();
    }
}
