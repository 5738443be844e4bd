package io.streamvane.ingress.websocket;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** The Notification API's REST side: create a channel, set its subscriptions. */
class NotificationsClient {

    private final RestClient rest;
    private final ClientCredentialsTokens tokens;

    NotificationsClient(RestClient.Builder rest, URI apiBaseUri, ClientCredentialsTokens tokens) {
        this.rest = rest.baseUrl(apiBaseUri.toString()).build();
        this.tokens = tokens;
    }

    Channel createChannel() {
        Channel channel = rest.post().uri("/api/v2/notifications/channels")
                .header(HttpHeaders.AUTHORIZATION, tokens.bearer()).contentType(MediaType.APPLICATION_JSON).body("{}")
                .retrieve().body(Channel.class);
        if (channel == null || channel.connectUri() == null) {
            throw new IllegalStateException("Channel creation returned no connectUri");
        }
        return channel;
    }

    /** Replaces the channel's subscriptions (PUT), so a retried call never stacks topics. */
    void subscribe(String channelId, List<String> topics) {
        rest.put().uri("/api/v2/notifications/channels/{id}/subscriptions", channelId)
                .header(HttpHeaders.AUTHORIZATION, tokens.bearer()).contentType(MediaType.APPLICATION_JSON)
                .body(topics.stream().map(t -> Map.of("id", t)).toList())
                .retrieve().toBodilessEntity();
    }

    /** A notification channel; {@code expires} is when Genesys drops it (24 h after creation). */
    record Channel(String id, URI connectUri, Instant expires) {
    }
}
