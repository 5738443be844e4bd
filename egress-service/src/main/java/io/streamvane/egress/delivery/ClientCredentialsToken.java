package io.streamvane.egress.delivery;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/**
 * An OAuth2 client-credentials access token (RFC 6749 §4.4), fetched when missing or within a minute of expiry.
 * Used towards WFM receivers and for Entra ID (Power BI: scope {@code https://analysis.windows.net/powerbi/api/.default}).
 */
public final class ClientCredentialsToken {

    private final HttpClient http;
    private final URI tokenUri;
    private final String clientId;
    private final String clientSecret;
    private final String scope;
    private final Clock clock;
    private String token;
    private Instant expiresAt = Instant.MIN;

    public ClientCredentialsToken(HttpClient http, URI tokenUri, String clientId, String clientSecret, String scope,
            Clock clock) {
        this.http = http;
        this.tokenUri = tokenUri;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scope = scope;
        this.clock = clock;
    }

    public synchronized String get() throws Exception {
        if (token != null && clock.instant().isBefore(expiresAt.minusSeconds(60))) {
            return token;
        }
        StringBuilder form = new StringBuilder("grant_type=client_credentials")
                .append("&client_id=").append(enc(clientId))
                .append("&client_secret=").append(enc(clientSecret));
        if (scope != null && !scope.isBlank()) {
            form.append("&scope=").append(enc(scope));
        }
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(tokenUri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("token endpoint " + RedactedUri.of(tokenUri) + " answered "
                    + r.statusCode());
        }
        Map<String, Object> body = DeliveryStore.JSON.readValue(r.body(), new TypeReference<Map<String, Object>>() {
        });
        Object t = body.get("access_token");
        if (!(t instanceof String s) || s.isBlank()) {
            throw new IllegalStateException("token endpoint " + RedactedUri.of(tokenUri)
                    + " returned no access_token");
        }
        long expiresIn = body.get("expires_in") instanceof Number n ? n.longValue()
                : body.get("expires_in") instanceof String str ? Long.parseLong(str) : 300;
        token = s;
        expiresAt = clock.instant().plusSeconds(expiresIn);
        return token;
    }

    /** Forgets the token (after a 401), so the next call fetches a new one. */
    public synchronized void invalidate() {
        token = null;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
