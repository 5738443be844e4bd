package io.streamvane.simulator.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a Genesys client does, with the JDK's HTTP client: get a token, then call with it. */
final class ApiClient {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    String token;

    ApiClient(URI base) {
        this.base = base;
    }

    static ApiClient authenticated(FakeGenesysApi api) {
        ApiClient client = new ApiClient(api.baseUrl());
        HttpResponse<String> response = client.token(FakeApiSettings.DEFAULT_CLIENT_ID,
                FakeApiSettings.DEFAULT_CLIENT_SECRET);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token: " + response.statusCode() + " " + response.body());
        }
        client.token = read(response).path("access_token").asString();
        return client;
    }

    HttpResponse<String> token(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(base.resolve(FakeGenesysApi.TOKEN))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
    }

    HttpResponse<String> post(String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(withToken(request));
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(withToken(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET()));
    }

    JsonNode postOk(String path, String json) {
        return ok(post(path, json));
    }

    JsonNode getOk(String pathAndQuery) {
        return ok(get(pathAndQuery));
    }

    static JsonNode read(HttpResponse<String> response) {
        return MAPPER.readTree(response.body());
    }

    private static JsonNode ok(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("expected 200, got " + response.statusCode() + ": " + response.body());
        }
        return read(response);
    }

    private HttpRequest.Builder withToken(HttpRequest.Builder request) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
