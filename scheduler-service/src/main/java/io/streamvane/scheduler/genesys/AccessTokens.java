package io.streamvane.scheduler.genesys;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * OAuth client-credentials tokens from {@code login.<env>/oauth/token}, cached and renewed
 * {@code tokenRenewBefore} ahead of expiry (the grant has no refresh token: a new one is simply requested).
 */
public final class AccessTokens {

    record TokenResponse(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("expires_in") long expiresIn) {
    }

    private record Cached(String value, Instant expiresAt) {
    }

    private final RestClient login;
    private final String clientId;
    private final String clientSecret;
    private final Duration renewBefore;
    private final Clock clock;
    private final AtomicLong requests = new AtomicLong();
    private volatile Cached cached;

    public AccessTokens(RestClient login, String clientId, String clientSecret, Duration renewBefore, Clock clock) {
        this.login = login;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.renewBefore = renewBefore;
        this.clock = clock;
    }

    public String current() {
        Cached c = cached;
        if (c != null && clock.instant().isBefore(c.expiresAt().minus(renewBefore))) {
            return c.value();
        }
        synchronized (this) {
            c = cached;
            if (c != null && clock.instant().isBefore(c.expiresAt().minus(renewBefore))) {
                return c.value();
            }
            cached = c = fetch();
            return c.value();
        }
    }

    /** Forgets the token, after a 401 says it was revoked early. */
    public void invalidate() {
        cached = null;
    }

    public long requests() {
        return requests.get();
    }

    private Cached fetch() {
        Instant requestedAt = clock.instant();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        requests.incrementAndGet();
        TokenResponse token = login.post()
                .uri("/oauth/token")
                .headers(h -> h.setBasicAuth(clientId, clientSecret))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .body(TokenResponse.class);
        if (token == null || token.accessToken() == null) {
            throw new GenesysApiException("token response without access_token", 200, null);
        }
        // Measured from the request, not the response, so a slow login never leaves us holding an expired token.
        return new Cached(token.accessToken(), requestedAt.plusSeconds(token.expiresIn()));
    }
}
