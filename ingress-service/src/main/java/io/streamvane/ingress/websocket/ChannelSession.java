package io.streamvane.ingress.websocket;

import io.micrometer.core.instrument.MeterRegistry;
import io.streamvane.ingress.pipeline.EventIngestion;
import io.streamvane.ingress.pipeline.StoreUnavailableException;
import io.streamvane.ingress.pipeline.Transport;
import io.streamvane.ingress.websocket.NotificationsClient.Channel;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one set of topics (one channel's worth) flowing: creates and subscribes a channel, connects, pings,
 * declares the socket dead after {@code silenceTimeout} without a frame, reconnects with backoff, rotates to a
 * fresh channel before expiry with overlap, and records every period it was not receiving as an ingest gap.
 *
 * <p>All state changes run on this session's single scheduler thread; only data ingestion runs on the socket's
 * thread, so frames are stored in arrival order and a slow store slows the socket instead of piling up.
 */
final class ChannelSession implements ChannelSocket.Events, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelSession.class);
    static final String PING = "{\"message\":\"ping\"}";
    static final String FRAMES = "streamvane.ingress.websocket.frames";

    private final List<String> topics;
    private final NotificationsClient api;
    private final HttpClient http;
    private final EventIngestion ingestion;
    private final GapRecorder gaps;
    private final GenesysWebsocketProperties settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ScheduledExecutorService scheduler;

    private Channel channel;
    private volatile ChannelSocket socket;
    private volatile Instant lastFrameAt;
    /** Non-null while not receiving: when it stopped, the gap's start. */
    private Instant stoppedAt;
    /** Non-null while the store refuses data frames: those events are lost too. */
    private volatile Instant storeFailingSince;
    private int failedAttempts;
    private ScheduledFuture<?> rotation;
    private volatile boolean closed;

    ChannelSession(List<String> topics, NotificationsClient api, HttpClient http, EventIngestion ingestion,
                   GapRecorder gaps, GenesysWebsocketProperties settings, Clock clock, MeterRegistry meters) {
        this.topics = List.copyOf(topics);
        this.api = api;
        this.http = http;
        this.ingestion = ingestion;
        this.gaps = gaps;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "genesys-ws-session"));
    }

    void start() {
        scheduler.execute(() -> connect(true));
        long ping = settings.pingInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::supervise, ping, ping, TimeUnit.MILLISECONDS);
    }

    /** Connects on the current channel, or a new one when asked or when there is none worth reusing. */
    private void connect(boolean newChannel) {
        if (closed || socket != null) {
            return;
        }
        try {
            if (newChannel || channel == null || !clock.instant().isBefore(channel.expires())) {
                channel = openChannel();
            }
            socket = ChannelSocket.open(http, channel.connectUri(), connectTimeout(), this);
            lastFrameAt = clock.instant();
            failedAttempts = 0;
            LOG.info("Genesys websocket connected on channel {} ({} topics)", channel.id(), topics.size());
            resumed(lastFrameAt);
            scheduleRotation();
        } catch (Exception e) {
            failedAttempts++;
            Duration delay = backoff();
            LOG.warn("Genesys websocket connect failed (attempt {}), retrying in {}: {}", failedAttempts, delay,
                    e.toString());
            // A channel that refuses a socket may be gone (expired, evicted by the 20-channel cap): start afresh.
            scheduler.schedule(() -> connect(true), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private Channel openChannel() {
        Channel created = api.createChannel();
        api.subscribe(created.id(), topics);
        return created;
    }

    private void resumed(Instant at) {
        if (stoppedAt != null) {
            recordGap(stoppedAt, at);
            stoppedAt = null;
        }
    }

    private void recordGap(Instant from, Instant to) {
        try {
            gaps.record(from, to, topics);
            meters.counter("streamvane.ingress.websocket.gaps").increment();
            LOG.warn("Genesys websocket gap recorded: {} .. {} ({} topics)", from, to, topics.size());
        } catch (RuntimeException e) {
            LOG.error("Could not record the websocket gap {} .. {} for {} topics", from, to, topics.size(), e);
        }
    }

    private void supervise() {
        ChannelSocket current = socket;
        if (closed || current == null) {
            return;
        }
        if (Duration.between(lastFrameAt, clock.instant()).compareTo(settings.silenceTimeout()) > 0) {
            // Receiving stopped at the last frame we saw, not when we noticed.
            lost(current, "no heartbeat or pong for " + settings.silenceTimeout(), lastFrameAt);
        } else {
            current.send(PING);
        }
    }

    private void lost(ChannelSocket gone, String why, Instant receivingStoppedAt) {
        if (closed || gone != socket) {
            return; // a replaced (rotated) socket ending is expected
        }
        LOG.warn("Genesys websocket on channel {} lost: {}", channel.id(), why);
        socket = null;
        gone.abort();
        if (stoppedAt == null) {
            stoppedAt = receivingStoppedAt;
        }
        cancelRotation();
        // Same channel first: its subscriptions survive a socket drop (the SDKs reconnect this way).
        scheduler.schedule(() -> connect(false), backoff().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void scheduleRotation() {
        cancelRotation();
        Duration until = Duration.between(clock.instant(), channel.expires().minus(settings.rotateBeforeExpiry()));
        rotation = scheduler.schedule(this::rotate, Math.max(0, until.toMillis()), TimeUnit.MILLISECONDS);
    }

    private void cancelRotation() {
        if (rotation != null) {
            rotation.cancel(false);
        }
    }

    /** New channel subscribed and connected before the old socket closes: no gap; dedup absorbs the overlap. */
    private void rotate() {
        ChannelSocket old = socket;
        if (closed || old == null) {
            return;
        }
        try {
            Channel next = openChannel();
            ChannelSocket replacement = ChannelSocket.open(http, next.connectUri(), connectTimeout(), this);
            channel = next;
            socket = replacement;
            lastFrameAt = clock.instant();
            old.close("rotated");
            LOG.info("Genesys websocket rotated to channel {}", next.id());
            scheduleRotation();
        } catch (Exception e) {
            LOG.warn("Genesys channel rotation failed, retrying in {}: {}", backoff(), e.toString());
            rotation = scheduler.schedule(this::rotate, backoff().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void onMessage(ChannelSocket from, String text) {
        // Frames of a rotated-out socket during the overlap are real data too; dedup makes them harmless.
        lastFrameAt = clock.instant();
        Frames.Kind kind = Frames.classify(text);
        meters.counter(FRAMES, "kind", kind.name().toLowerCase(java.util.Locale.ROOT)).increment();
        switch (kind) {
            case DATA -> ingest(text);
            case SOCKET_CLOSING -> {
                Instant at = clock.instant();
                scheduler.execute(() -> lost(from, "v2.system.socket_closing", at));
            }
            case SYSTEM, SUBSCRIPTION_RESULT, UNREADABLE -> LOG.info("Genesys websocket control frame: {}", text);
            default -> { /* heartbeat and pong only prove the socket is alive */ }
        }
    }

    private void ingest(String text) {
        Instant at = clock.instant();
        try {
            ingestion.ingest(text.getBytes(StandardCharsets.UTF_8), Transport.WEBSOCKET);
            Instant failingSince = storeFailingSince;
            if (failingSince != null) {
                storeFailingSince = null;
                recordGap(failingSince, at);
            }
        } catch (StoreUnavailableException e) {
            // No replay on the websocket: the event is gone, so the period must be gap-filled like a disconnect.
            if (storeFailingSince == null) {
                storeFailingSince = at;
            }
            LOG.warn("Store unavailable, websocket event lost (gap open since {})", storeFailingSince);
        }
    }

    @Override
    public void onGone(ChannelSocket from, String why) {
        Instant at = clock.instant();
        scheduler.execute(() -> lost(from, why, at));
    }

    private Duration backoff() {
        long factor = 1L << Math.min(16, Math.max(0, failedAttempts - 1));
        Duration delay = settings.reconnectBackoff().multipliedBy(factor);
        return delay.compareTo(settings.maxReconnectBackoff()) > 0 ? settings.maxReconnectBackoff() : delay;
    }

    private Duration connectTimeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        ChannelSocket current = socket;
        if (current != null) {
            current.close("shutdown");
        }
    }
}
