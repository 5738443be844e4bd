package io.streamvane.testsupport.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local Standard Webhooks receiver: verifies every signature independently of the sender's signer (constant-time
 * compare, 5-minute timestamp tolerance), records accepted deliveries and answers with a status that tests switch.
 * {@link #stop()} takes it off the network (connection refused) and {@link #start()} brings it back on the same port,
 * as a receiver that is down for a while.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(String id, long timestamp, String contentType, String body, long at) {
    }

    /** What the receiver answers: a status and an optional Retry-After. */
    public record Answer(int status, String retryAfter) {
        public static final Answer OK = new Answer(204, null);
    }

    public final List<Received> accepted = new CopyOnWriteArrayList<>();
    public final List<Long> attempts = new CopyOnWriteArrayList<>();
    public final AtomicInteger badSignatures = new AtomicInteger();
    public volatile Supplier<Answer> answer = () -> Answer.OK;
    private final byte[] key;
    private int port;
    private HttpServer server;
    private ExecutorService handlers;

    public WebhookReceiver(String secret) throws IOException {
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        start();
    }

    /** Listens (again) on the receiver's port; the first start picks a free one. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + port, e);
        }
        server.createContext("/wfm", this::handle);
        // A thread per request, as a real receiver: a slow answer to one sender never queues another's request.
        handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);
        server.start();
        port = server.getAddress().getPort();
    }

    /** Off the network: open exchanges end, new connections are refused. */
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
            handlers.shutdownNow();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        attempts.add(System.currentTimeMillis());
        String id = ex.getRequestHeaders().getFirst("webhook-id");
        String ts = ex.getRequestHeaders().getFirst("webhook-timestamp");
        String sig = ex.getRequestHeaders().getFirst("webhook-signature");
        if (!verify(id, ts, sig, body)) {
            badSignatures.incrementAndGet();
            ex.sendResponseHeaders(401, -1);
            ex.close();
            return;
        }
        Answer a = answer.get();
        if (a.retryAfter() != null) {
            ex.getResponseHeaders().add("Retry-After", a.retryAfter());
        }
        if (a.status() / 100 == 2) {
            accepted.add(new Received(id, Long.parseLong(ts), ex.getRequestHeaders().getFirst("Content-Type"),
                    new String(body, StandardCharsets.UTF_8), System.currentTimeMillis()));
        }
        ex.sendResponseHeaders(a.status(), -1);
        ex.close();
    }

    public synchronized URI url() {
        return URI.create("http://127.0.0.1:" + port + "/wfm");
    }

    private boolean verify(String id, String ts, String header, byte[] body) {
        try {
            if (id == null || ts == null || header == null) {
                return false;
            }
            if (Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(ts)) > 300) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + ts + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            for (String part : header.split(" ")) {
                String[] vs = part.split(",", 2);
                if (vs.length == 2 && vs[0].equals("v1")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(vs[1]))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    public List<String> acceptedIds() {
        List<String> ids = new ArrayList<>();
        accepted.forEach(r -> ids.add(r.id()));
        return ids;
    }

    @Override
    public void close() {
        stop();
    }
}
