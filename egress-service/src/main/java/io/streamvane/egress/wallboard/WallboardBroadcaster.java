package io.streamvane.egress.wallboard;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fans one snapshot out to every open screen. A change signal starts a short debounce; then the snapshot is read
 * once, compared with the last one, and only the changed tiles go out, serialised once for all streams. A new or
 * reconnecting stream (whatever its {@code Last-Event-ID}) gets the full snapshot first, read anew unless it is under
 * a second old (so a reconnect storm costs one read per second). Everything that writes to a
 * stream runs on one thread, so no two writes to one emitter overlap.
 */
class WallboardBroadcaster implements SmartLifecycle {

    static final String SNAPSHOT = "snapshot";
    static final String UPDATE = "update";
    private static final Logger LOG = LoggerFactory.getLogger(WallboardBroadcaster.class);
    private static final long RECONNECT_MILLIS = 2000;

    private final LongFunction<WallboardSnapshot> reader;
    private final JsonMapper json;
    private final WallboardProperties properties;
    private final Clock clock;
    private final List<SseEmitter> streams = new CopyOnWriteArrayList<>();
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wallboard-broadcast");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running;
    // Touched on the executor thread only.
    private WallboardSnapshot current;
    private boolean stale = true;
    private long lastId;

    /** {@code clock} should be the reader's, since a snapshot's age is its {@code asOf} against this clock. */
    WallboardBroadcaster(LongFunction<WallboardSnapshot> reader, JsonMapper json, WallboardProperties properties,
            Clock clock) {
        this.reader = reader;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** A new stream; answered 503 when {@code max-streams} are open already. */
    SseEmitter subscribe() {
        if (!running) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the wallboard is starting");
        }
        if (streams.size() >= properties.maxStreams()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "the wallboard serves " + properties.maxStreams() + " screens at most");
        }
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        emitter.onCompletion(() -> streams.remove(emitter));
        emitter.onTimeout(() -> {
            streams.remove(emitter);
            emitter.complete();
        });
        emitter.onError(e -> streams.remove(emitter));
        executor.execute(() -> {
            try {
                // A snapshot older than a second may miss a change that notifies nobody (a synced SL target).
                if (current == null || stale || current.asOf().isBefore(clock.instant().minusSeconds(1))) {
                    current = reader.apply(nextId());
                    stale = false;
                }
                send(emitter, SNAPSHOT, current.id(), json.writeValueAsString(current));
                streams.add(emitter);
            } catch (RuntimeException e) {
                LOG.warn("wallboard snapshot failed for a new screen", e);
                emitter.completeWithError(e);
            }
        });
        return emitter;
    }

    /** Something changed in the store: gather the burst, then push once. */
    void changed() {
        if (running && refreshPending.compareAndSet(false, true)) {
            executor.schedule(this::refresh, properties.debounce().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void refresh() {
        refreshPending.set(false);
        if (streams.isEmpty()) {
            stale = true;
            return;
        }
        try {
            WallboardSnapshot next = reader.apply(nextId());
            WallboardSnapshot.Update update = current == null ? null : next.since(current);
            boolean full = current == null;
            current = next;
            stale = false;
            if (full) {
                broadcast(SNAPSHOT, next.id(), json.writeValueAsString(next));
            } else if (update != null) {
                broadcast(UPDATE, next.id(), json.writeValueAsString(update));
            }
        } catch (RuntimeException e) {
            LOG.warn("wallboard snapshot failed; screens keep the last one until the next change", e);
        }
    }

    private void heartbeat() {
        for (SseEmitter emitter : streams) {
            try {
                emitter.send(SseEmitter.event().comment("heartbeat"));
            } catch (IOException | IllegalStateException e) {
                drop(emitter, e);
            }
        }
    }

    private void broadcast(String name, long id, String data) {
        for (SseEmitter emitter : streams) {
            send(emitter, name, id, data);
        }
    }

    private void send(SseEmitter emitter, String name, long id, String data) {
        try {
            emitter.send(SseEmitter.event().name(name).id(Long.toString(id)).reconnectTime(RECONNECT_MILLIS)
                    .data(data));
        } catch (IOException | IllegalStateException e) {
            drop(emitter, e);
        }
    }

    private void drop(SseEmitter emitter, Exception cause) {
        streams.remove(emitter);
        LOG.debug("wallboard stream closed: {}", cause.toString());
        emitter.completeWithError(cause);
    }

    /**
     * Strictly increasing within the process whatever the clock does; across restarts too as long as the clock moves
     * forward (milliseconds since the epoch, bumped on collision). Only a label: a stream gets the full snapshot first
     * whatever its {@code Last-Event-ID}, so no verdict rests on it.
     */
    private long nextId() {
        lastId = Math.max(lastId + 1, clock.millis());
        return lastId;
    }

    @Override
    public void start() {
        long heartbeat = properties.heartbeat().toMillis();
        executor.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        long resync = properties.resync().toMillis();
        executor.scheduleWithFixedDelay(this::changed, resync, resync, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        executor.shutdownNow();
        streams.forEach(SseEmitter::complete);
        streams.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
