package io.streamvane.simulator.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.streamvane.simulator.Simulator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Genesys Cloud REST API over one simulated run, on a real HTTP port: the login host's {@code /oauth/token} and
 * the API host's endpoints share one base URL. Every call but the token needs a bearer token from that endpoint,
 * spends the client's per-minute budget (429 with {@code Retry-After} past it) and is counted in the
 * {@link #requestLog()}. {@link #outageFor} makes every endpoint answer 503 for a while.
 */
public final class FakeGenesysApi implements AutoCloseable {

    public static final String TOKEN = "/oauth/token";
    public static final String CONVERSATION_AGGREGATES = "/api/v2/analytics/conversations/aggregates/query";
    public static final String QUEUE_OBSERVATIONS = "/api/v2/analytics/queues/observations/query";
    public static final String USER_AGGREGATES = "/api/v2/analytics/users/aggregates/query";
    public static final String QUEUES = "/api/v2/routing/queues";
    public static final String USERS = "/api/v2/users";

    private final FakeApiSettings settings;
    private final Simulator run;
    private final JsonMapper mapper = JsonMapper.builder().build();
    private final TokenIssuer tokens;
    private final RequestBudget budget;
    private final RequestLog log = new RequestLog();
    private final ConversationAggregates conversationAggregates;
    private final UserAggregates userAggregates;
    private final Observations observations;
    private final Directory directory;
    private final AtomicReference<Instant> outageUntil = new AtomicReference<>(Instant.MIN);
    private final HttpServer server;
    private final ExecutorService executor;

    private FakeGenesysApi(Simulator run, FakeApiSettings settings) throws IOException {
        this.run = run;
        this.settings = settings;
        this.tokens = new TokenIssuer(settings.clients(), settings.tokenLifetime(), settings.clock());
        this.budget = new RequestBudget(settings.requestsPerMinute(), settings.clock());
        this.conversationAggregates = new ConversationAggregates(run.config(), run.output(), mapper);
        this.userAggregates = new UserAggregates(run.config(), run.output().events(), mapper);
        this.observations = new Observations(run.config(), run.output().events(), mapper);
        this.directory = new Directory(run.config(), mapper);
        this.server = HttpServer.create(new InetSocketAddress(settings.port()), 0);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "fake-genesys-api");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Builds the indexes of the run (a moment for a day) and starts listening. */
    public static FakeGenesysApi start(Simulator run, FakeApiSettings settings) {
        try {
            FakeGenesysApi api = new FakeGenesysApi(run, settings);
            api.server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the fake Genesys API on port " + settings.port(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Both the API and the login base URL, e.g. {@code http://localhost:41234}. */
    public URI baseUrl() {
        return URI.create("http://localhost:" + port());
    }

    public RequestLog requestLog() {
        return log;
    }

    /** Every endpoint, token included, answers 503 with Retry-After until the wall clock passes now + duration. */
    public void outageFor(Duration duration) {
        outageUntil.set(settings.clock().instant().plus(duration));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private long simulationNowMs() {
        return settings.simulationNow() == null ? Long.MAX_VALUE : settings.simulationNow().get().toEpochMilli();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String endpoint = method + " " + path;
        int status = 500;
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            checkOutage();
            ObjectNode answer;
            if (TOKEN.equals(path)) {
                requireMethod(method, "POST");
                answer = token(exchange, body);
            } else {
                answer = route(exchange, method, path, body);
            }
            status = 200;
            send(exchange, status, answer, Map.of());
        } catch (ApiError e) {
            status = e.status;
            send(exchange, status, error(e.status, e.code, e.getMessage()), e.headers);
        } catch (JacksonException e) {
            status = 400;
            send(exchange, status, error(400, "bad.request", "malformed JSON: " + e.getOriginalMessage()), Map.of());
        } catch (RuntimeException e) {
            status = 500;
            send(exchange, status, error(500, "internal.server.error", e.toString()), Map.of());
        } finally {
            log.record(endpoint, status);
            exchange.close();
        }
    }

    private ObjectNode route(HttpExchange exchange, String method, String path, byte[] body) {
        String endpoint = method + " " + path;
        boolean known = switch (path) {
            case CONVERSATION_AGGREGATES, QUEUE_OBSERVATIONS, USER_AGGREGATES, QUEUES, USERS -> true;
            default -> false;
        };
        if (!known) {
            throw new ApiError(404, "not.found", "no such resource " + endpoint);
        }
        String clientId = tokens.authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
        budget.spend(clientId);
        return switch (path) {
            case CONVERSATION_AGGREGATES -> {
                requireMethod(method, "POST");
                yield conversationAggregates.query(json(body), simulationNowMs());
            }
            case QUEUE_OBSERVATIONS -> {
                requireMethod(method, "POST");
                yield observations.query(json(body), observationNowMs());
            }
            case USER_AGGREGATES -> {
                requireMethod(method, "POST");
                yield userAggregates.query(json(body), simulationNowMs());
            }
            case QUEUES -> {
                requireMethod(method, "GET");
                yield directory.queues(path, params(exchange.getRequestURI()));
            }
            default -> {
                requireMethod(method, "GET");
                yield directory.users(path, params(exchange.getRequestURI()),
                        () -> SimulationState.at(run.output().events(), observationNowMs()));
            }
        };
    }

    /** Without a simulated clock, observations show the state once the run has drained. */
    private long observationNowMs() {
        if (settings.simulationNow() != null) {
            return settings.simulationNow().get().toEpochMilli();
        }
        var events = run.output().events();
        return events.isEmpty() ? run.config().end().toEpochMilli() : events.get(events.size() - 1).atMs();
    }

    private ObjectNode token(HttpExchange exchange, byte[] body) {
        Map<String, List<String>> form = form(new String(body, StandardCharsets.UTF_8));
        String grantType = form.getOrDefault("grant_type", List.of("")).get(0);
        TokenIssuer.Token token = tokens.issue(exchange.getRequestHeaders().getFirst("Authorization"), grantType);
        ObjectNode answer = mapper.createObjectNode();
        answer.put("access_token", token.value());
        answer.put("token_type", "bearer");
        answer.put("expires_in", tokens.expiresInSeconds());
        return answer;
    }

    private void checkOutage() {
        Instant until = outageUntil.get();
        Instant now = settings.clock().instant();
        if (now.isBefore(until)) {
            long seconds = Math.max(1, Duration.between(now, until).toSeconds());
            throw new ApiError(503, "service.unavailable", "The service is currently unavailable (simulated outage)",
                    Map.of("Retry-After", Long.toString(seconds)));
        }
    }

    private static void requireMethod(String method, String expected) {
        if (!expected.equals(method)) {
            throw new ApiError(405, "method.not.allowed", method + " not allowed here; use " + expected);
        }
    }

    private JsonNode json(byte[] body) {
        if (body.length == 0) {
            throw ApiError.badRequest("a JSON body is required");
        }
        JsonNode node = mapper.readTree(body);
        if (!node.isObject()) {
            throw ApiError.badRequest("the body must be a JSON object");
        }
        return node;
    }

    private ObjectNode error(int status, String code, String message) {
        ObjectNode node = mapper.createObjectNode();
        node.put("message", message);
        node.put("code", code);
        node.put("status", status);
        node.putObject("messageParams");
        node.put("contextId", UUID.randomUUID().toString());
        node.putArray("details");
        node.putArray("errors");
        return node;
    }

    private void send(HttpExchange exchange, int status, ObjectNode body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        // The SDK's spelling (ApiException.getCorrelationId). The JDK server sends every name as "Inin-correlation-id",
        // which HTTP clients read case-insensitively; the SDK's own lookup is case-sensitive and misses it.
        exchange.getResponseHeaders().set("ININ-Correlation-Id", UUID.randomUUID().toString());
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, List<String>> params(URI uri) {
        Map<String, List<String>> params = form(uri.getRawQuery());
        List<String> ids = params.remove("id[]");
        if (ids != null) {
            params.computeIfAbsent("id", k -> new ArrayList<>()).addAll(ids);
        }
        return params;
    }

    private static Map<String, List<String>> form(String raw) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (raw == null || raw.isBlank()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return values;
    }
}
