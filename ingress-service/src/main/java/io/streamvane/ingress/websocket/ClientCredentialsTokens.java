package io.streamvane.ingress.websocket;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/** OAuth client-credentials tokens from {@code login.<env>/oauth/token}, cached until shortly before expiry. */
final class ClientCredentialsTokens {

    private final RestClient rest;
    private final URI tokenUri;
    private final String basicAuth;
    private final Duration renewBefore;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    ClientCredentialsTokens(RestClient.Builder rest, URI loginBaseUri, String clientId, String clientSecret,
                            Duration renewBefore, Clock clock) {
        this.rest = rest.build();
        this.tokenUri = loginBaseUri.resolve("/oauth/token");
        this.basicAuth = "Basic " + Base64.getEncoder()
                .encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        this.renewBefore = renewBefore;
        this.clock = clock;
    }

    synchronized String bearer() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            var form = new LinkedMultiValueMap<String, String>();
            form.add("grant_type", "client_credentials");
            TokenResponse response = rest.post().uri(tokenUri).header(HttpHeaders.AUTHORIZATION, basicAuth)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                    .retrieve().body(TokenResponse.class);
            if (response == null || response.accessToken() == null) {
                throw new IllegalStateException("Token endpoint " + tokenUri + " returned no access_token");
            }
            token = response.accessToken();
            renewAt = clock.instant().plusSeconds(response.expiresIn()).minus(renewBefore);
        }
        return "Bearer " + token;
    }

    record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {
    }
}
