package io.streamvane.simulator.sink;

import io.streamvane.simulator.events.SimulatedMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * POSTs each message body (one envelope or a JSON-array batch, as composed) to the ingress endpoint
 * {@code POST /api/v1/events}, with {@code X-API-Key} when a key is given. Rejections (400 for poison) are the
 * expected answer to bad input, so responses are counted by status rather than thrown.
 */
public final class HttpEventSink implements EventSink {

    public static final String EVENTS_PATH = "/api/v1/events";

    private final HttpClient client;
    private final URI endpoint;
    private final String apiKey;
    private final Duration timeout;
    private final Map<Integer, Long> statusCounts = new TreeMap<>();
    private final AtomicLong transportFailures = new AtomicLong();

    public HttpEventSink(HttpClient client, URI endpoint, String apiKey, Duration timeout) {
        this.client = client;
        this.endpoint = endpoint;
        this.apiKey = apiKey;
        this.timeout = timeout;
    }

    /** @param baseUrl e.g. {@code http://localhost:8080}; the events path is appended */
    public static HttpEventSink forBaseUrl(String baseUrl, String apiKey) {
        String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return new HttpEventSink(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                URI.create(trimmed + EVENTS_PATH), apiKey, Duration.ofSeconds(30));
    }

    @Override
    public void accept(SimulatedMessage message) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(message.json()));
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("X-API-Key", apiKey);
        }
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            synchronized (statusCounts) {
                statusCounts.merge(response.statusCode(), 1L, Long::sum);
            }
        } catch (IOException e) {
            transportFailures.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting to " + endpoint, e);
        }
    }

    public Map<Integer, Long> statusCounts() {
        synchronized (statusCounts) {
            return Map.copyOf(statusCounts);
        }
    }

    public long transportFailures() {
        return transportFailures.get();
    }
}
