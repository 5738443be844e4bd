package io.streamvane.simulator.api;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** OAuth client credentials: checks Basic client id and secret, issues bearer tokens that expire. */
final class TokenIssuer {

    record Token(String value, String clientId, Instant expiresAt) {
    }

    private final Map<String, String> clients;
    private final Duration lifetime;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    TokenIssuer(Map<String, String> clients, Duration lifetime, Clock clock) {
        this.clients = clients;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    Token issue(String authorization, String grantType) {
        if (!"client_credentials".equals(grantType)) {
            throw new ApiError(400, "unsupported_grant_type", "grant_type must be client_credentials");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new ApiError(401, "invalid_client", "Basic client credentials required");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ApiError(401, "invalid_client", "malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        String clientId = colon < 0 ? decoded : decoded.substring(0, colon);
        String secret = colon < 0 ? "" : decoded.substring(colon + 1);
        if (!secret.equals(clients.get(clientId))) {
            throw new ApiError(401, "invalid_client", "bad client credentials");
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        Token token = new Token(HexFormat.of().formatHex(bytes), clientId, clock.instant().plus(lifetime));
        tokens.put(token.value(), token);
        return token;
    }

    long expiresInSeconds() {
        return lifetime.toSeconds();
    }

    /** The client the bearer token belongs to; 401 when absent, unknown or expired. */
    String authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiError(401, "authentication.required", "No authentication bearer token specified");
        }
        Token token = tokens.get(authorization.substring(7).trim());
        if (token == null) {
            throw new ApiError(401, "bad.credentials", "Invalid login credentials.");
        }
        if (!clock.instant().isBefore(token.expiresAt())) {
            tokens.remove(token.value());
            throw new ApiError(401, "bad.credentials", "Invalid login credentials. (token expired)");
        }
        return token.clientId();
    }
}
