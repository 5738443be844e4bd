package io.streamvane.simulator.api;

import io.streamvane.simulator.model.AgentSpec;
import io.streamvane.simulator.model.MediaType;
import io.streamvane.simulator.model.QueueMediaSettings;
import io.streamvane.simulator.model.QueueSpec;
import io.streamvane.simulator.model.SimulationConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/v2/routing/queues} and {@code GET /api/v2/users}: entity listings with Genesys's paging fields
 * ({@code entities, pageSize, pageNumber, total, pageCount, firstUri, lastUri, selfUri}, and {@code nextUri} /
 * {@code previousUri} only where such a page exists). Queues carry {@code mediaSettings.<call|chat|...>.serviceLevel
 * {percentage, durationMs}}; both sort by name.
 */
final class Directory {

    static final int DEFAULT_PAGE_SIZE = 25;
    static final int MAX_PAGE_SIZE = 500;

    private final SimulationConfig config;
    private final JsonMapper mapper;

    Directory(SimulationConfig config, JsonMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    ObjectNode queues(String path, Map<String, List<String>> params) {
        List<QueueSpec> queues = new ArrayList<>(config.queues());
        List<String> ids = params.getOrDefault("id", List.of());
        if (!ids.isEmpty()) {
            queues.removeIf(q -> !ids.contains(q.id()));
        }
        String name = first(params, "name");
        if (name != null) {
            Pattern pattern = wildcard(name);
            queues.removeIf(q -> !pattern.matcher(q.name()).matches());
        }
        queues.sort(Comparator.comparing(QueueSpec::name, String.CASE_INSENSITIVE_ORDER));
        if ("desc".equalsIgnoreCase(first(params, "sortOrder"))) {
            java.util.Collections.reverse(queues);
        }
        return page(path, params, queues, this::queue);
    }

    /**
     * {@code GET /api/v2/users}; with {@code expand=presence,routingStatus} each user carries its current presence
     * ({@code presenceDefinition}, {@code modifiedDate}) and routing status ({@code status}, {@code startTime}), as
     * {@code state} says they are now.
     */
    ObjectNode users(String path, Map<String, List<String>> params, java.util.function.Supplier<SimulationState> state) {
        List<AgentSpec> agents = new ArrayList<>(config.agents());
        List<String> ids = params.getOrDefault("id", List.of());
        if (!ids.isEmpty()) {
            agents.removeIf(a -> !ids.contains(a.id()));
        }
        agents.sort(Comparator.comparing(AgentSpec::name, String.CASE_INSENSITIVE_ORDER));
        List<String> expand = params.getOrDefault("expand", List.of()).stream()
                .flatMap(e -> java.util.Arrays.stream(e.split(","))).map(String::trim).toList();
        if (!expand.contains("presence") && !expand.contains("routingStatus")) {
            return page(path, params, agents, this::user);
        }
        SimulationState now = state.get();
        return page(path, params, agents, agent -> {
            ObjectNode node = user(agent);
            SimulationState.Agent a = now.agent(agent.id());
            if (expand.contains("presence") && a.presenceSinceMs() >= 0) {
                ObjectNode presence = node.putObject("presence");
                presence.putObject("presenceDefinition").put("id", Presences.organizationPresenceId(a.presence()))
                        .put("systemPresence", a.presence().name());
                presence.put("modifiedDate", io.streamvane.simulator.events.GenesysTime.isoMillis(a.presenceSinceMs()));
            }
            if (expand.contains("routingStatus") && a.routingSinceMs() >= 0) {
                node.putObject("routingStatus").put("userId", agent.id()).put("status", a.routing().name())
                        .put("startTime", io.streamvane.simulator.events.GenesysTime.isoMillis(a.routingSinceMs()));
            }
            return node;
        });
    }

    private <T> ObjectNode page(String path, Map<String, List<String>> params, List<T> all,
                                Function<T, ObjectNode> render) {
        int pageSize = intParam(params, "pageSize", DEFAULT_PAGE_SIZE);
        int pageNumber = intParam(params, "pageNumber", 1);
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw ApiError.badRequest("pageSize must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (pageNumber < 1) {
            throw ApiError.badRequest("pageNumber must be at least 1");
        }
        int total = all.size();
        int pageCount = (total + pageSize - 1) / pageSize;
        ObjectNode response = mapper.createObjectNode();
        ArrayNode entities = response.putArray("entities");
        int from = (pageNumber - 1) * pageSize;
        for (int i = from; i < Math.min(total, from + pageSize); i++) {
            entities.add(render.apply(all.get(i)));
        }
        response.put("pageSize", pageSize);
        response.put("pageNumber", pageNumber);
        response.put("total", total);
        response.put("firstUri", uri(path, pageSize, 1));
        response.put("selfUri", uri(path, pageSize, pageNumber));
        if (pageNumber < pageCount) {
            response.put("nextUri", uri(path, pageSize, pageNumber + 1));
        }
        if (pageNumber > 1) {
            response.put("previousUri", uri(path, pageSize, Math.min(pageNumber - 1, Math.max(pageCount, 1))));
        }
        response.put("lastUri", uri(path, pageSize, Math.max(pageCount, 1)));
        response.put("pageCount", pageCount);
        return response;
    }

    private ObjectNode queue(QueueSpec queue) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", queue.id());
        node.put("name", queue.name());
        node.putObject("division").put("id", queue.divisionId()).put("name", "Home")
                .put("selfUri", "/api/v2/authorization/divisions/" + queue.divisionId());
        ObjectNode media = node.putObject("mediaSettings");
        for (Map.Entry<MediaType, QueueMediaSettings> e : queue.media().entrySet()) {
            ObjectNode settings = media.putObject(mediaSettingsKey(e.getKey()));
            settings.put("alertingTimeoutSeconds", config.alertTimeout().toSeconds());
            settings.put("enableAutoAnswer", false);
            settings.putObject("serviceLevel")
                    .put("percentage", e.getValue().serviceLevelTarget())
                    .put("durationMs", e.getValue().serviceLevelThreshold().toMillis());
        }
        node.putObject("acwSettings").put("wrapupPrompt", "MANDATORY_TIMEOUT").put("timeoutMs", 300_000);
        long members = config.agents().stream().filter(a -> a.queueIds().contains(queue.id())).count();
        node.put("memberCount", members);
        node.put("userMemberCount", members);
        node.put("joinedMemberCount", members);
        node.put("selfUri", "/api/v2/routing/queues/" + queue.id());
        return node;
    }

    private ObjectNode user(AgentSpec agent) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", agent.id());
        node.put("name", agent.name());
        node.putObject("division").put("id", io.streamvane.simulator.model.DefaultContactCenter.divisionId())
                .put("name", "Home");
        node.put("email", agent.name().toLowerCase(Locale.ROOT).replace(' ', '.') + "@sim.streamvane.io");
        node.put("state", "active");
        node.put("username", agent.name().toLowerCase(Locale.ROOT).replace(' ', '.') + "@sim.streamvane.io");
        node.put("version", 1);
        node.put("selfUri", "/api/v2/users/" + agent.id());
        return node;
    }

    /** Genesys names voice {@code call} in queue media settings. */
    static String mediaSettingsKey(MediaType media) {
        return media == MediaType.VOICE ? "call" : media.lower();
    }

    private static String uri(String path, int pageSize, int pageNumber) {
        return path + "?pageSize=" + pageSize + "&pageNumber=" + pageNumber;
    }

    private static Pattern wildcard(String name) {
        String quoted = Pattern.quote(name.replace("*", "\u0000")).replace("\u0000", "\\E.*\\Q");
        return Pattern.compile(quoted, Pattern.CASE_INSENSITIVE);
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static int intParam(Map<String, List<String>> params, String name, int fallback) {
        String value = first(params, name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be an integer");
        }
    }
}
