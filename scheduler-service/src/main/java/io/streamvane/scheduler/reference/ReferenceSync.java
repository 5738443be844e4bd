package io.streamvane.scheduler.reference;

import io.streamvane.model.event.EventParser;
import io.streamvane.model.event.ParseResult;
import io.streamvane.model.kpi.MediaTypes;
import io.streamvane.model.store.RawEvent;
import io.streamvane.model.store.RawEventInsert;
import io.streamvane.scheduler.genesys.EntityListing;
import io.streamvane.scheduler.genesys.GenesysClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pages through {@code /api/v2/routing/queues} and {@code /api/v2/users} and upserts {@code queue},
 * {@code queue_media_sl} (from {@code mediaSettings.<media>.serviceLevel {percentage 0–1, durationMs}}, with
 * {@code call} stored as {@code voice}) and {@code app_user}. Queues are kept raw ({@code media_settings}) too.
 *
 * <p>Users come with {@code expand=presence,routingStatus}: each agent's current presence (since its
 * {@code modifiedDate}) and routing status (since its {@code startTime}) go into the event store as a user activity
 * event, source {@value #STATE_SOURCE}, which the engine projects like any other. The event stream only says when a
 * state changes; this says what state an agent has been in since when, so time in status is counted from the first
 * minute of a deployment, not from each agent's first change after it. The same state read again is the same event,
 * a duplicate by identity; an older state than the events already gave changes nothing (last writer by event time).
 */
public class ReferenceSync {

    /** {@code agentStates}: user activity events stored from the users' current states (0 for states already known). */
    public record Result(int queues, int slSettings, int users, int agentStates) {
    }

    /** The store's source for events read from the Genesys REST API. */
    public static final String STATE_SOURCE = "api";

    private static final ParameterizedTypeReference<EntityListing<JsonNode>> LISTING = new ParameterizedTypeReference<>() { };

    private final GenesysClient client;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final int pageSize;
    private final EventParser parser = new EventParser();
    private final Clock clock;

    public ReferenceSync(GenesysClient client, JdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper json, int pageSize,
                         Clock clock) {
        this.client = client;
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.pageSize = pageSize;
        this.clock = clock;
    }

    public Result run() {
        List<JsonNode> queues = client.getAllPages("/api/v2/routing/queues?pageSize=" + pageSize + "&pageNumber=1", LISTING);
        List<JsonNode> users = client.getAllPages("/api/v2/users?pageSize=" + pageSize
                + "&pageNumber=1&state=active&expand=presence,routingStatus", LISTING);
        return tx.execute(s -> {
            int sl = 0;
            for (JsonNode q : queues) {
                sl += upsertQueue(q);
            }
            users.forEach(this::upsertUser);
            return new Result(queues.size(), sl, users.size(), storeStates(users));
        });
    }

    private int upsertQueue(JsonNode q) {
        String id = q.path("id").asString();
        JsonNode media = q.path("mediaSettings");
        jdbc.update("""
                INSERT INTO queue (queue_id, name, division_id, media_settings, synced_at) VALUES (?, ?, ?, ?::jsonb, now())
                ON CONFLICT (queue_id) DO UPDATE SET name = EXCLUDED.name, division_id = EXCLUDED.division_id,
                    media_settings = EXCLUDED.media_settings, synced_at = now()""",
                id, q.path("name").asString(id), textOrNull(q.path("division").path("id")),
                media.isMissingNode() || media.isNull() ? null : json.writeValueAsString(media));
        int n = 0;
        for (Map.Entry<String, JsonNode> m : media.properties()) {
            JsonNode sl = m.getValue().path("serviceLevel");
            if (!sl.path("durationMs").isNumber()) {
                continue;
            }
            Double target = sl.path("percentage").isNumber() ? Math.round(sl.path("percentage").asDouble() * 10000) / 100.0 : null;
            jdbc.update("""
                    INSERT INTO queue_media_sl (queue_id, media_type, sl_threshold_ms, sl_target_percent, source, synced_at)
                    VALUES (?, ?, ?, ?, 'genesys', now())
                    ON CONFLICT (queue_id, media_type) DO UPDATE SET sl_threshold_ms = EXCLUDED.sl_threshold_ms,
                        sl_target_percent = EXCLUDED.sl_target_percent, synced_at = now()
                    WHERE queue_media_sl.source = 'genesys'""",
                    id, MediaTypes.normalise(m.getKey()), sl.path("durationMs").asLong(), target);
            n++;
        }
        return n;
    }

    private void upsertUser(JsonNode u) {
        String id = u.path("id").asString();
        jdbc.update("""
                INSERT INTO app_user (user_id, name, email, division_id, synced_at) VALUES (?, ?, ?, ?, now())
                ON CONFLICT (user_id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email,
                    division_id = EXCLUDED.division_id, synced_at = now()""",
                id, u.path("name").asString(id), textOrNull(u.path("email")), textOrNull(u.path("division").path("id")));
    }

    /** Each user's current presence and routing status as the activity event the Notification API would send. */
    private int storeStates(List<JsonNode> users) {
        List<RawEvent> events = new ArrayList<>();
        Instant receivedAt = clock.instant();
        for (JsonNode u : users) {
            JsonNode routing = u.path("routingStatus");
            JsonNode presence = u.path("presence");
            if (!routing.path("startTime").isString() && !presence.path("modifiedDate").isString()) {
                continue;
            }
            String id = u.path("id").asString();
            ObjectNode body = json.createObjectNode().put("id", id);
            if (routing.path("startTime").isString()) {
                body.putObject("routingStatus").put("status", routing.path("status").asString())
                        .put("startTime", routing.path("startTime").asString());
            }
            if (presence.path("modifiedDate").isString()) {
                ObjectNode p = body.putObject("presence");
                p.set("presenceDefinition", presence.path("presenceDefinition"));
                p.put("modifiedDate", presence.path("modifiedDate").asString());
            }
            ObjectNode notification = json.createObjectNode().put("topicName", "v2.users." + id + ".activity")
                    .put("version", "2");
            notification.set("eventBody", body);
            if (parser.parse(json.writeValueAsString(notification)) instanceof ParseResult.Items items) {
                items.acceptedEvents().forEach(e -> events.add(RawEvent.of(e, receivedAt)));
            }
        }
        if (events.isEmpty()) {
            return 0;
        }
        return jdbc.execute((ConnectionCallback<Integer>) c ->
                RawEventInsert.run(c, events, STATE_SOURCE).insertedCount());
    }

    private static String textOrNull(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.asString();
    }
}
