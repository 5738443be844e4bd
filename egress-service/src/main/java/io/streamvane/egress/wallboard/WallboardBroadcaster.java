package io.streamvane.egress.wallboard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
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
 * a second old (so a reconnect storm costs one read per second). Snapshots are read on one thread; each screen is
 * written by its own {@link ScreenStream}, so a screen that stops reading delays no other.
 */
class WallboardBroadcaster implements SmartLifecycle, AutoCloseable {

    static final String SNAPSHOT = "snapshot";
    static final String UPDATE = "update";
    private static final Logger LOG = LoggerFactory.getLogger(WallboardBroadcaster.class);
    private static final long RECONNECT_MILLIS = 2000;
    /** A screen this many frames behind is evicted: at one frame per change burst, it has stopped reading. */
    static final int MAX_FRAMES_BEHIND = 16;

    private final LongFunction<WallboardSnapshot> reader;
    private final JsonMapper json;
    private final WallboardProperties properties;
    private final Clock clock;
    private final List<ScreenStream> streams = new CopyOnWriteArrayList<>();
    private final StreamSlots slots;
    private final ThreadPoolExecutor writers;
    private final Counter evictions;
    private final Timer snapshots;
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wallboard-broadcast");
        t.setDaemon(true);
        return t;
    });
    private final List<ScheduledFuture<?>> timers = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    // Touched on the executor thread only.
    private WallboardSnapshot current;
    private boolean stale = true;
    private long lastId;

    /** {@code clock} should be the reader's, since a snapshot's age is its {@code asOf} against this clock. */
    WallboardBroadcaster(LongFunction<WallboardSnapshot> reader, JsonMapper json, WallboardProperties properties,
            Clock clock, MeterRegistry meters) {
        this.reader = reader;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.slots = new StreamSlots(properties.maxStreams(), properties.maxStreamsPerOwner());
        Gauge.builder("streamvane.wallboard.streams", slots, StreamSlots::open)
                .description("Wallboard screens open on this process").register(meters);
        this.evictions = Counter.builder("streamvane.wallboard.evictions")
                .description("Wallboard screens evicted for falling too far behind").register(meters);
        this.snapshots = Timer.builder("streamvane.wallboard.snapshot")
                .description("Time to read one wallboard snapshot, shared by every open screen").register(meters);
        // A thread per writing screen, made on demand: writes take microseconds, so few exist unless screens stall.
        this.writers = new ThreadPoolExecutor(0, properties.maxStreams() + 1, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "wallboard-write");
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * A new stream for {@code owner} (the credential's name); answered 503 when {@code max-streams} are open, 429 when
     * this owner has {@code max-streams-per-owner} open already, so one key cannot take every screen's place.
     */
    SseEmitter subscribe(String owner) {
        if (!running) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the wallboard is starting");
        }
        StreamSlots.Slot slot = slots.reserve(owner);
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        ScreenStream stream = new ScreenStream(emitter, owner, writers, MAX_FRAMES_BEHIND, closed -> {
            streams.remove(closed);
            slot.release();
        }, evictions::increment);
        emitter.onCompletion(stream::close);
        emitter.onTimeout(stream::close);
        emitter.onError(e -> stream.close());
        executor.execute(() -> {
            try {
                // A snapshot older than a second may miss a change that notifies nobody (a synced SL target).
                if (current == null || stale || current.asOf().isBefore(clock.instant().minusSeconds(1))) {
                    current = read();
                    stale = false;
                }
                if (stream.offer(frame(SNAPSHOT, current.id(), json.writeValueAsString(current)))) {
                    streams.add(stream);
                    if (!stream.isOpen()) {
                        streams.remove(stream); // it closed between the offer and the add
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("wallboard snapshot failed for a new screen", e);
                stream.close();
            }
        });
        return emitter;
    }

    /** Screens open now (slots held), for tests and figures. */
    int openStreams() {
        return slots.open();
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
            WallboardSnapshot next = read();
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

    private WallboardSnapshot read() {
        return snapshots.record(() -> reader.apply(nextId()));
    }

    private void heartbeat() {
        for (ScreenStream stream : streams) {
            stream.offer(SseEmitter.event().comment("heartbeat"));
        }
    }

    private void broadcast(String name, long id, String data) {
        for (ScreenStream stream : streams) {
            stream.offer(frame(name, id, data));
        }
    }

    private static SseEmitter.SseEventBuilder frame(String name, long id, String data) {
        return SseEmitter.event().name(name).id(Long.toString(id)).reconnectTime(RECONNECT_MILLIS).data(data);
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
        timers.add(executor.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS));
        long resync = properties.resync().toMillis();
        timers.add(executor.scheduleWithFixedDelay(this::changed, resync, resync, TimeUnit.MILLISECONDS));
        running = true;
    }

    /** Closes every screen and stops the timers; {@link #start()} may follow (a paused context resumes). */
    @Override
    public void stop() {
        running = false;
        timers.forEach(t -> t.cancel(false));
        timers.clear();
        streams.forEach(ScreenStream::close);
        streams.clear();
    }

    /** The threads go with the bean, not with a {@link #stop()}. */
    @Override
    public void close() {
        stop();
        executor.shutdownNow();
        writers.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
