package io.streamvane.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small blocking HTTP client for the suites: every call answers a status and the body as text. */
public final class Http {

    public record Answer(int status, String body) {
        public boolean is5xx() {
            return status >= 500;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Http(String base) {
        this.base = base;
    }

    public Answer post(String path, String contentType, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        return send(b.build());
    }

    public Answer send(String method, String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, method.equals("GET") || method.equals("DELETE") || method.equals("HEAD")
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (!method.equals("GET") && !method.equals("DELETE") && !method.equals("HEAD")) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        return send(b.build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
