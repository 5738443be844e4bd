package io.streamvane.ingress.websocket;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for Genesys speaking the Notification API protocol: the token endpoint, channel creation and
 * subscriptions over HTTP, and a hand-rolled RFC 6455 websocket server per channel that answers
 * {@code {"message":"ping"}} with a pong (unless told not to), sends heartbeats, data and socket_closing on demand,
 * and can drop a connection without a close frame.
 */
final class FakeGenesys implements AutoCloseable {

    private final HttpServer http;
    private final ServerSocket ws;
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final AtomicInteger tokenRequests = new AtomicInteger();
    final List<String> channels = new CopyOnWriteArrayList<>();
    final List<String> subscriptionBodies = new CopyOnWriteArrayList<>();
    final List<Connection> connections = new CopyOnWriteArrayList<>();
    volatile Duration channelLifetime = Duration.ofHours(24);
    volatile boolean answerPings = true;
    volatile boolean refuseSockets;

    FakeGenesys() throws IOException {
        ws = new ServerSocket(0);
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/oauth/token", ex -> {
            tokenRequests.incrementAndGet();
            authorizations.add("token:" + ex.getRequestHeaders().getFirst("Authorization"));
            respond(ex, "{\"access_token\":\"tok-" + tokenRequests.get() + "\",\"token_type\":\"bearer\",\"expires_in\":86400}");
        });
        http.createContext("/api/v2/notifications/channels", this::channels);
        http.start();
        Thread acceptor = new Thread(this::accept, "fake-genesys-ws");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI apiBase() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    private void channels(HttpExchange ex) throws IOException {
        authorizations.add("api:" + ex.getRequestHeaders().getFirst("Authorization"));
        String path = ex.getRequestURI().getPath();
        if (path.endsWith("/subscriptions")) {
            subscriptionBodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            respond(ex, "{\"entities\":[]}");
            return;
        }
        String id = "streaming-" + channels.size();
        channels.add(id);
        respond(ex, "{\"id\":\"" + id + "\",\"connectUri\":\"ws://127.0.0.1:" + ws.getLocalPort() + "/channels/" + id
                + "\",\"expires\":\"" + Instant.now().plus(channelLifetime) + "\"}");
    }

    private static void respond(HttpExchange ex, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private void accept() {
        while (!ws.isClosed()) {
            try {
                Socket s = ws.accept();
                if (refuseSockets) {
                    s.close();
                    continue;
                }
                Thread t = new Thread(() -> serve(s), "fake-genesys-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            List<String> headers = readHeaders(in);
            Matcher path = Pattern.compile("GET /channels/(\\S+) ").matcher(headers.get(0));
            String key = headers.stream().filter(h -> h.toLowerCase().startsWith("sec-websocket-key:"))
                    .map(h -> h.substring(h.indexOf(':') + 1).trim()).findFirst().orElseThrow();
            String accept = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1")
                    .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII)));
            socket.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            var connection = new Connection(path.find() ? path.group(1) : "?", socket);
            connections.add(connection);
            connection.readLoop(new DataInputStream(in));
        } catch (Exception e) {
            // the client went away
        }
    }

    private static List<String> readHeaders(InputStream in) throws IOException {
        var lines = new ArrayList<String>();
        var line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String l = line.toString(StandardCharsets.US_ASCII).trim();
                if (l.isEmpty()) {
                    break;
                }
                lines.add(l);
                line.reset();
            } else {
                line.write(b);
            }
        }
        return lines;
    }

    @Override
    public void close() throws IOException {
        http.stop(0);
        ws.close();
        for (Connection c : connections) {
            c.drop();
        }
    }

    /** One accepted websocket. */
    final class Connection {
        final String channelId;
        final Socket socket;
        final List<String> received = new CopyOnWriteArrayList<>();
        volatile boolean closedByClient;

        Connection(String channelId, Socket socket) {
            this.channelId = channelId;
            this.socket = socket;
        }

        void readLoop(DataInputStream in) throws IOException {
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                long len = b1 & 0x7F;
                if (len == 126) {
                    len = in.readUnsignedShort();
                } else if (len == 127) {
                    len = in.readLong();
                }
                byte[] mask = new byte[4];
                if ((b1 & 0x80) != 0) {
                    in.readFully(mask);
                }
                byte[] payload = new byte[(int) len];
                in.readFully(payload);
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
                int opcode = b0 & 0x0F;
                if (opcode == 0x8) {
                    closedByClient = true;
                    write(0x8, payload);
                    socket.close();
                    return;
                }
                if (opcode == 0x1) {
                    String text = new String(payload, StandardCharsets.UTF_8);
                    received.add(text);
                    if (answerPings && text.contains("\"ping\"")) {
                        send("{\"topicName\":\"channel.metadata\",\"eventBody\":{\"message\":\"pong\"}}");
                    }
                }
            }
        }

        void heartbeat() {
            send("{\"topicName\":\"channel.metadata\",\"eventBody\":{\"message\":\"WebSocket Heartbeat\"}}");
        }

        void socketClosing() {
            send("{\"topicName\":\"v2.system.socket_closing\",\"eventBody\":{\"message\":\"maintenance\"}}");
        }

        synchronized void send(String text) {
            try {
                write(0x1, text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // dropped
            }
        }

        private synchronized void write(int opcode, byte[] payload) throws IOException {
            var out = new ByteArrayOutputStream();
            out.write(0x80 | opcode);
            if (payload.length < 126) {
                out.write(payload.length);
            } else {
                out.write(126);
                out.write(payload.length >>> 8);
                out.write(payload.length & 0xFF);
            }
            out.write(payload);
            socket.getOutputStream().write(out.toByteArray());
            socket.getOutputStream().flush();
        }

        /** Ends the TCP connection without a close frame, as a network failure would. */
        void drop() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }

        boolean open() {
            return !socket.isClosed();
        }
    }
}
