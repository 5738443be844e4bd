package io.streamvane.egress.wfm;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local Standard Webhooks receiver: verifies every signature independently of the sink's signer (constant-time
 * compare, 5-minute timestamp tolerance), records accepted deliveries and answers with a status that tests switch.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String id, long timestamp, String contentType, String body, long at) {
    }

    /** What the receiver answers: a status and an optional Retry-After. */
    record Answer(int status, String retryAfter) {
        static final Answer OK = new Answer(204, null);
    }

    final List<Received> accepted = new CopyOnWriteArrayList<>();
    final List<Long> attempts = new CopyOnWriteArrayList<>();
    final AtomicInteger badSignatures = new AtomicInteger();
    volatile Supplier<Answer> answer = () -> Answer.OK;
    private final HttpServer server;
    private final byte[] key;

    WebhookReceiver(String secret) throws Exception {
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/wfm", ex -> {
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
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/wfm");
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

    List<String> acceptedIds() {
        List<String> ids = new ArrayList<>();
        accepted.forEach(r -> ids.add(r.id()));
        return ids;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
