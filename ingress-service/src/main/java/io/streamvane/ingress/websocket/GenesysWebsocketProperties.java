package io.streamvane.ingress.websocket;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code streamvane.ingress.genesys-websocket.*}: the Notification API websocket ingress.
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
 * @param silenceTimeout           no frame (heartbeat, pong, data) for this long means the socket is dead
 * @param rotateBeforeExpiry       a replacement channel is opened this long before the 24 h channel expiry
 * @param reconnectBackoff         first reconnect delay, doubled per failed attempt
 * @param maxReconnectBackoff      cap of that delay
 * @param tokenRenewBefore         a cached token is renewed this long before it expires
 */
@Validated
@ConfigurationProperties("streamvane.ingress.genesys-websocket")
public record GenesysWebsocketProperties(boolean enabled, String environment, URI apiBaseUri, URI loginBaseUri,
                                         String clientId, String clientSecret, List<String> queueIds,
                                         List<String> userIds, boolean discoverFromDimensions,
                                         @Min(1) @Max(1000) Integer topicsPerChannel, Duration pingInterval,
                                         Duration silenceTimeout, Duration rotateBeforeExpiry,
                                         Duration reconnectBackoff, Duration maxReconnectBackoff,
                                         Duration tokenRenewBefore) {

    public GenesysWebsocketProperties {
        environment = environment == null ? "mypurecloud.com" : environment;
        apiBaseUri = apiBaseUri == null ? URI.create("https://api." + environment) : apiBaseUri;
        loginBaseUri = loginBaseUri == null ? URI.create("https://login." + environment) : loginBaseUri;
        queueIds = queueIds == null ? List.of() : List.copyOf(queueIds);
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
        topicsPerChannel = topicsPerChannel == null ? 1000 : topicsPerChannel;
        pingInterval = pingInterval == null ? Duration.ofSeconds(30) : pingInterval;
        // Genesys heartbeats every ~30 s and answers pings: two missed rounds is a dead socket, not a slow one.
        silenceTimeout = silenceTimeout == null ? Duration.ofSeconds(75) : silenceTimeout;
        rotateBeforeExpiry = rotateBeforeExpiry == null ? Duration.ofMinutes(30) : rotateBeforeExpiry;
        reconnectBackoff = reconnectBackoff == null ? Duration.ofSeconds(1) : reconnectBackoff;
        maxReconnectBackoff = maxReconnectBackoff == null ? Duration.ofMinutes(1) : maxReconnectBackoff;
        tokenRenewBefore = tokenRenewBefore == null ? Duration.ofMinutes(5) : tokenRenewBefore;
    }
}
