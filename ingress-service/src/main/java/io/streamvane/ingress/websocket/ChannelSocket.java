package io.streamvane.ingress.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** One JDK websocket on one channel, reassembling text frames and reporting whole messages and the end. */
final class ChannelSocket implements WebSocket.Listener {

    /** Receives what this socket sees; {@code socket} tells a live socket's callbacks from a replaced one's. */
    interface Events {
        void onMessage(ChannelSocket socket, String text);

        void onGone(ChannelSocket socket, String why);
    }

    private final Events events;
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket webSocket;

    private ChannelSocket(Events events) {
        this.events = events;
    }

    static ChannelSocket open(HttpClient http, URI connectUri, Duration timeout, Events events) throws Exception {
        var socket = new ChannelSocket(events);
        socket.webSocket = http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(connectUri, socket)
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return socket;
    }

    void send(String text) {
        WebSocket ws = webSocket;
        if (ws != null && !ws.isOutputClosed()) {
            ws.sendText(text, true);
        }
    }

    /** Closes politely (rotation); {@link #abort()} is for a socket already considered dead. */
    void close(String reason) {
        WebSocket ws = webSocket;
        if (ws != null && !ws.isOutputClosed()) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, reason).orTimeout(5, TimeUnit.SECONDS)
                    .whenComplete((w, e) -> ws.abort());
        }
    }

    void abort() {
        WebSocket ws = webSocket;
        if (ws != null) {
            ws.abort();
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        this.webSocket = webSocket;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            // Handled before requesting the next frame: ingestion backpressures the socket instead of queueing.
            events.onMessage(this, text);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        events.onGone(this, "closed " + statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        events.onGone(this, "error " + error);
    }
}
