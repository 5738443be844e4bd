package io.streamvane.simulator.api;

import io.streamvane.simulator.model.AgentSpec;
import io.streamvane.simulator.model.RoutingStatus;
import io.streamvane.simulator.model.SimEvent;
import io.streamvane.simulator.model.SimulationConfig;
import io.streamvane.simulator.model.SystemPresence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /api/v2/analytics/users/aggregates/query}: time in state per agent, split across the buckets it spans
 * and cut at "now". tAgentRoutingStatus is qualified by routing status, tSystemPresence by system presence,
 * tOrganizationPresence by organisation presence id; each is {@code {"stats": {"sum": ms}}}. Agents start the run
 * OFFLINE and OFF_QUEUE. Group by userId only, as Genesys allows.
 */
final class UserAggregates {

    static final Set<String> KNOWN_METRICS = Set.of("tAgentRoutingStatus", "tOrganizationPresence", "tSystemPresence");

    private record Span(long fromMs, long toMs, RoutingStatus routing, SystemPresence presence) {
    }

    private final Map<String, List<Span>> spans = new LinkedHashMap<>();
    private final JsonMapper mapper;

    UserAggregates(SimulationConfig config, List<SimEvent> events, JsonMapper mapper) {
        this.mapper = mapper;
        Map<String, long[]> since = new HashMap<>();
        Map<String, SimulationState.Agent> current = new HashMap<>();
        long start = config.start().toEpochMilli();
        for (AgentSpec agent : config.agents()) {
            spans.put(agent.id(), new ArrayList<>());
            since.put(agent.id(), new long[] {start});
            current.put(agent.id(), SimulationState.LOGGED_OUT);
        }
        for (SimEvent event : events) {
            if (event instanceof SimEvent.AgentStatusChanged a && spans.containsKey(a.userId())) {
                long[] from = since.get(a.userId());
                SimulationState.Agent was = current.get(a.userId());
                if (a.atMs() > from[0]) {
                    spans.get(a.userId()).add(new Span(from[0], a.atMs(), was.routing(), was.presence()));
                }
                from[0] = a.atMs();
                current.put(a.userId(), new SimulationState.Agent(a.routingStatus(), a.presence()));
            }
        }
        // The last state lasts for ever; queries cut it at "now".
        current.forEach((user, agent) ->
                spans.get(user).add(new Span(since.get(user)[0], Long.MAX_VALUE, agent.routing(), agent.presence())));
    }

    ObjectNode query(JsonNode body, long nowMs) {
        Buckets buckets = Buckets.of(body.path("interval").asString(null), body.path("granularity").asString(null),
                body.path("timeZone").asString(null));
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
        boolean byUser = false;
        for (JsonNode g : body.path("groupBy")) {
            if (!"userId".equals(g.asString())) {
                throw ApiError.badRequest("user aggregates group by userId only");
            }
            byUser = true;
        }
        Predicate<Dimensioned> filter = QueryFilter.parse(body.get("filter"));

        // group -> bucket -> "metric|qualifier" -> ms
        Map<String, TreeMap<Integer, Map<String, Long>>> totals = new TreeMap<>();
        for (Map.Entry<String, List<Span>> agent : spans.entrySet()) {
            String userId = agent.getKey();
            if (!filter.test(name -> "userId".equals(name) ? userId : null)) {
                continue;
            }
            String group = byUser ? userId : "";
            for (Span span : agent.getValue()) {
                long from = Math.max(span.fromMs(), buckets.start());
                long to = Math.min(Math.min(span.toMs(), buckets.end()), nowMs);
                for (long t = from; t < to; ) {
                    int bucket = buckets.indexOf(t);
                    long cut = Math.min(to, buckets.endOf(bucket));
                    Map<String, Long> sums = totals.computeIfAbsent(group, g -> new TreeMap<>())
                            .computeIfAbsent(bucket, b -> new LinkedHashMap<>());
                    long ms = cut - t;
                    if (metrics.contains("tAgentRoutingStatus")) {
                        sums.merge("tAgentRoutingStatus|" + span.routing().name(), ms, Long::sum);
                    }
                    if (metrics.contains("tSystemPresence")) {
                        sums.merge("tSystemPresence|" + span.presence().name(), ms, Long::sum);
                    }
                    if (metrics.contains("tOrganizationPresence")) {
                        sums.merge("tOrganizationPresence|" + Presences.organizationPresenceId(span.presence()), ms,
                                Long::sum);
                    }
                    t = cut;
                }
            }
        }

        ObjectNode response = mapper.createObjectNode();
        ObjectNode mappings = response.putObject("systemToOrganizationMappings");
        for (SystemPresence presence : SystemPresence.values()) {
            mappings.putArray(presence.name()).add(Presences.organizationPresenceId(presence));
        }
        ArrayNode results = response.putArray("results");
        final boolean grouped = byUser;
        totals.forEach((group, perBucket) -> {
            ObjectNode result = results.addObject();
            ObjectNode groupNode = result.putObject("group");
            if (grouped) {
                groupNode.put("userId", group);
            }
            ArrayNode data = result.putArray("data");
            perBucket.forEach((bucket, sums) -> {
                ObjectNode interval = data.addObject();
                interval.put("interval", buckets.label(bucket));
                ArrayNode metricNodes = interval.putArray("metrics");
                sums.forEach((key, ms) -> {
                    int bar = key.indexOf('|');
                    ObjectNode node = metricNodes.addObject();
                    node.put("metric", key.substring(0, bar));
                    node.put("qualifier", key.substring(bar + 1));
                    node.putObject("stats").put("sum", ms);
                });
            });
        });
        return response;
    }
}
