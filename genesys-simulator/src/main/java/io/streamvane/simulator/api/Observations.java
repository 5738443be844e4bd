package io.streamvane.simulator.api;

import io.streamvane.simulator.events.GenesysTime;
import io.streamvane.simulator.model.AgentSpec;
import io.streamvane.simulator.model.MediaType;
import io.streamvane.simulator.model.QueueSpec;
import io.streamvane.simulator.model.RoutingStatus;
import io.streamvane.simulator.model.SimEvent;
import io.streamvane.simulator.model.SimulationConfig;
import io.streamvane.simulator.model.SystemPresence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v2/analytics/queues/observations/query} from the simulation state at "now". As in the public
 * sample, a {@code {queueId}} group carries the user metrics and one {@code {queueId, mediaType}} group per media
 * carries the conversation metrics; counts are {@code {"stats": {"count": n}}}.
 * <ul>
 * <li>oWaiting: ACD sessions started and not ended; {@code detailMetrics: ["oWaiting"]} adds one observation per
 *     waiting contact with its {@code observationDate} (when it started waiting), oldest first.</li>
 * <li>oInteracting: contacts with an agent (alerted until the agent's segment ends).</li>
 * <li>oLongestWaiting: the oldest waiting contact as its one observation (its {@code observationDate} is when it
 *     started waiting, so the wait is now − observationDate), no {@code stats}; omitted when nobody waits. Genesys'
 *     StatisticalSummary has no field for the wait itself (no {@code calculatedMetricValue}: SDK 198.1.0, 223.0.0).</li>
 * <li>oMemberUsers: queue members; oActiveUsers: members logged in (presence not OFFLINE); oOnQueueUsers: members
 *     ON_QUEUE, one entry per routing status qualifier (IDLE = available); oOffQueueUsers: logged in, not on queue;
 *     oUserRoutingStatuses / oUserPresences: members per routing status / organisation presence id.</li>
 * </ul>
 */
final class Observations {

    static final Set<String> KNOWN_METRICS = Set.of("oActiveUsers", "oAlerting", "oInteracting",
            "oLongestInteracting", "oLongestWaiting", "oMemberUsers", "oOffQueueUsers", "oOnQueueUsers",
            "oUserPresences", "oUserRoutingStatuses", "oWaiting");

    private final SimulationConfig config;
    private final List<SimEvent> events;
    private final JsonMapper mapper;

    Observations(SimulationConfig config, List<SimEvent> events, JsonMapper mapper) {
        this.config = config;
        this.events = events;
        this.mapper = mapper;
    }

    ObjectNode query(JsonNode body, long nowMs) {
        Set<String> metrics = new LinkedHashSet<>();
        for (JsonNode metric : body.path("metrics")) {
            String name = metric.asString();
            if (!KNOWN_METRICS.contains(name)) {
                throw ApiError.badRequest("Invalid metric: " + name);
            }
            metrics.add(name);
        }
        if (metrics.isEmpty()) {
            throw ApiError.badRequest("metrics is required");
        }
        Set<String> details = new LinkedHashSet<>();
        body.path("detailMetrics").forEach(m -> details.add(m.asString()));
        Predicate<Dimensioned> filter = QueryFilter.parse(body.get("filter"));
        SimulationState state = SimulationState.at(events, nowMs);

        ObjectNode response = mapper.createObjectNode();
        ObjectNode mappings = response.putObject("systemToOrganizationMappings");
        for (SystemPresence presence : SystemPresence.values()) {
            mappings.putArray(presence.name()).add(Presences.organizationPresenceId(presence));
        }
        ArrayNode results = response.putArray("results");
        for (QueueSpec queue : config.queues()) {
            if (filter.test(dims(queue.id(), null))) {
                ArrayNode data = userMetrics(queue, metrics, state);
                if (!data.isEmpty()) {
                    ObjectNode result = results.addObject();
                    result.putObject("group").put("queueId", queue.id());
                    result.set("data", data);
                }
            }
            for (MediaType media : queue.mediaTypes()) {
                if (!filter.test(dims(queue.id(), media.lower()))) {
                    continue;
                }
                ArrayNode data = conversationMetrics(queue.id(), media, metrics, details, state, nowMs);
                if (!data.isEmpty()) {
                    ObjectNode result = results.addObject();
                    result.putObject("group").put("queueId", queue.id()).put("mediaType", media.lower());
                    result.set("data", data);
                }
            }
        }
        return response;
    }

    private ArrayNode userMetrics(QueueSpec queue, Set<String> metrics, SimulationState state) {
        List<SimulationState.Agent> members = new ArrayList<>();
        for (AgentSpec agent : config.agents()) {
            if (agent.queueIds().contains(queue.id())) {
                members.add(state.agent(agent.id()));
            }
        }
        ArrayNode data = mapper.createArrayNode();
        if (metrics.contains("oMemberUsers")) {
            count(data, "oMemberUsers", null, members.size());
        }
        if (metrics.contains("oActiveUsers")) {
            count(data, "oActiveUsers", null, members.stream().filter(a -> a.presence() != SystemPresence.OFFLINE).count());
        }
        if (metrics.contains("oOnQueueUsers")) {
            Map<RoutingStatus, Long> byStatus = new EnumMap<>(RoutingStatus.class);
            members.stream().filter(a -> a.presence() == SystemPresence.ON_QUEUE)
                    .forEach(a -> byStatus.merge(a.routing(), 1L, Long::sum));
            byStatus.forEach((status, n) -> count(data, "oOnQueueUsers", status.name(), n));
        }
        if (metrics.contains("oOffQueueUsers")) {
            count(data, "oOffQueueUsers", null, members.stream()
                    .filter(a -> a.presence() != SystemPresence.OFFLINE && a.presence() != SystemPresence.ON_QUEUE)
                    .count());
        }
        if (metrics.contains("oUserRoutingStatuses")) {
            Map<RoutingStatus, Long> byStatus = new EnumMap<>(RoutingStatus.class);
            members.forEach(a -> byStatus.merge(a.routing(), 1L, Long::sum));
            byStatus.forEach((status, n) -> count(data, "oUserRoutingStatuses", status.name(), n));
        }
        if (metrics.contains("oUserPresences")) {
            Map<SystemPresence, Long> byPresence = new EnumMap<>(SystemPresence.class);
            members.forEach(a -> byPresence.merge(a.presence(), 1L, Long::sum));
            byPresence.forEach((presence, n) ->
                    count(data, "oUserPresences", Presences.organizationPresenceId(presence), n));
        }
        return data;
    }

    private ArrayNode conversationMetrics(String queueId, MediaType media, Set<String> metrics, Set<String> details,
                                          SimulationState state, long nowMs) {
        List<SimulationState.Waiting> waiting = state.waiting.values().stream()
                .filter(w -> w.leg().queueId().equals(queueId) && w.leg().media() == media)
                .sorted(Comparator.comparingLong(SimulationState.Waiting::sinceMs))
                .toList();
        long interacting = state.interacting.values().stream()
                .filter(leg -> leg.queueId().equals(queueId) && leg.media() == media).count();
        ArrayNode data = mapper.createArrayNode();
        if (metrics.contains("oWaiting")) {
            ObjectNode node = count(data, "oWaiting", null, waiting.size());
            if (details.contains("oWaiting")) {
                ArrayNode observations = node.putArray("observations");
                waiting.forEach(w -> observation(observations, w));
            }
        }
        if (metrics.contains("oInteracting")) {
            count(data, "oInteracting", null, interacting);
        }
        if (metrics.contains("oLongestWaiting") && !waiting.isEmpty()) {
            SimulationState.Waiting oldest = waiting.get(0);
            ObjectNode node = data.addObject();
            node.put("metric", "oLongestWaiting");
            observation(node.putArray("observations"), oldest);
        }
        return data;
    }

    private static void observation(ArrayNode observations, SimulationState.Waiting waiting) {
        observations.addObject()
                .put("observationDate", GenesysTime.isoMillis(waiting.sinceMs()))
                .put("conversationId", waiting.leg().conversationId())
                .put("sessionId", waiting.leg().sessionId())
                .put("direction", "inbound");
    }

    private static ObjectNode count(ArrayNode data, String metric, String qualifier, long n) {
        ObjectNode node = data.addObject();
        node.put("metric", metric);
        if (qualifier != null) {
            node.put("qualifier", qualifier);
        }
        node.putObject("stats").put("count", n);
        return node;
    }

    private static Dimensioned dims(String queueId, String mediaType) {
        return name -> switch (name) {
            case "queueId" -> queueId;
            case "mediaType" -> mediaType;
            default -> null;
        };
    }
}
