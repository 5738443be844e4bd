package io.streamvane.ingress.websocket;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code streamvane.ingress.genesys-websocket.*}: the Notification API websocket ingress; defaults in code.
 *
 * @param enabled                  off unless set
 * @param environment              the org's region host suffix, e.g. {@code mypurecloud.ie} (interfaces.md §5.2)
 * @param apiBaseUri               defaults to {@code https://api.<environment>}
 * @param loginBaseUri             defaults to {@code https://login.<environment>}
 * @param clientId                 OAuth client-credentials client id (from the environment, never committed)
 * @param clientSecret             its secret
 * @param queueIds                 queues whose {@code v2.analytics.queues.{id}.observations} to subscribe
 * @param userIds                  users whose {@code v2.users.{id}.activity} to subscribe
 * @param discoverFromDimensions   also subscribe every queue and user in the {@code queue}/{@code app_user} tables
 * @param topicsPerChannel         Genesys allows 1,000 topics per channel
 * @param pingInterval             how often the client sends {@code {"message":"ping"}}
 * @param silenceTimeout           no frame (heartbeat, pong, data) for this long means the socket is dead; Genesys
 *                                 heartbeats every ~30 s and answers pings, so two missed rounds is a dead socket,
 *                                 not a slow one
 * @param rotateBeforeExpiry       a replacement channel is opened this long before the 24 h channel expiry
 * @param reconnectBackoff         first reconnect delay, doubled per failed attempt
 * @param maxReconnectBackoff      cap of that delay
 * @param tokenRenewBefore         a cached token is renewed this long before it expires
 */
@Validated
@ConfigurationProperties("streamvane.ingress.genesys-websocket")
public record GenesysWebsocketProperties(
        @DefaultValue("false") boolean enabled,
        @NotBlank @DefaultValue("mypurecloud.com") String environment,
        URI apiBaseUri,
        URI loginBaseUri,
        String clientId,
        String clientSecret,
        @NotNull @DefaultValue List<String> queueIds,
        @NotNull @DefaultValue List<String> userIds,
        @DefaultValue("false") boolean discoverFromDimensions,
        @Min(1) @Max(1000) @DefaultValue("1000") int topicsPerChannel,
        @NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration pingInterval,
        @NotNull @DurationMin(millis = 1) @DefaultValue("75s") Duration silenceTimeout,
        @NotNull @DurationMin(seconds = 0) @DefaultValue("30m") Duration rotateBeforeExpiry,
        @NotNull @DurationMin(millis = 1) @DefaultValue("1s") Duration reconnectBackoff,
        @NotNull @DurationMin(millis = 1) @DefaultValue("1m") Duration maxReconnectBackoff,
        @NotNull @DurationMin(seconds = 0) @DefaultValue("5m") Duration tokenRenewBefore) {

    public GenesysWebsocketProperties {
        // Derived from the environment, so not a fixed default.
        apiBaseUri = apiBaseUri == null ? URI.create("https://api." + environment) : apiBaseUri;
        loginBaseUri = loginBaseUri == null ? URI.create("https://login." + environment) : loginBaseUri;
        queueIds = List.copyOf(queueIds);
        userIds = List.copyOf(userIds);
    }

    @AssertTrue(message = "max-reconnect-backoff must be at least reconnect-backoff")
    boolean isBackoffSane() {
        return reconnectBackoff == null || maxReconnectBackoff == null
                || maxReconnectBackoff.compareTo(reconnectBackoff) >= 0;
    }
}
