package io.streamvane.egress.wallboard;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * One open screen. Frames wait in its own outbox and one task at a time writes them, in order, on the shared writer
 * pool: a write blocks while the client's socket is full, so a screen that stops reading holds up no one but itself.
 * A screen more than {@code maxBehind} frames behind is evicted (updates are deltas, so dropping one would corrupt it);
 * its browser reconnects and starts again from a full snapshot.
 */
final class ScreenStream {

    private static final Logger LOG = LoggerFactory.getLogger(ScreenStream.class);

    private final SseEmitter emitter;
    private final String owner;
    private final Executor writers;
    private final int maxBehind;
    private final Consumer<ScreenStream> onClose;
    private final Runnable onEvict;
    // Guarded by this.
    private final Queue<SseEventBuilder> outbox = new ArrayDeque<>();
    private boolean writing;
    private boolean closed;

    /**
     * {@code onClose} runs once, whichever way the stream ends (eviction, write failure, client gone, timeout);
     * {@code onEvict} before it when the screen fell too far behind.
     */
    ScreenStream(SseEmitter emitter, String owner, Executor writers, int maxBehind, Consumer<ScreenStream> onClose,
            Runnable onEvict) {
        this.emitter = emitter;
        this.owner = owner;
        this.writers = writers;
        this.maxBehind = maxBehind;
        this.onClose = onClose;
        this.onEvict = onEvict;
    }

    String owner() {
        return owner;
    }

    /** Queues a frame; never blocks. False when the stream is closed, or was evicted by this frame. */
    boolean offer(SseEventBuilder frame) {
        boolean start;
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (outbox.size() >= maxBehind) {
                LOG.info("wallboard screen of {} evicted: {} frames behind", owner, outbox.size());
                onEvict.run();
                closeLocked();
                return false;
            }
            outbox.add(frame);
            start = !writing;
            writing = true;
        }
        if (start) {
            submit(this::drain);
        }
        return true;
    }

    /** Ends the stream; frames not yet written are dropped. The emitter is completed after any write in flight. */
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closeLocked();
        }
    }

    boolean isOpen() {
        synchronized (this) {
            return !closed;
        }
    }

    private void closeLocked() {
        closed = true;
        outbox.clear();
        boolean idle = !writing;
        writing = true;
        if (idle) {
            submit(this::finish);
        }
        // else the draining task sees closed and finishes: completing here would wait on the emitter's write lock.
        onClose.accept(this);
    }

    private void drain() {
        while (true) {
            SseEventBuilder next;
            synchronized (this) {
                if (closed) {
                    break;
                }
                next = outbox.poll();
                if (next == null) {
                    writing = false;
                    return;
                }
            }
            try {
                emitter.send(next);
            } catch (IOException | IllegalStateException e) {
                LOG.debug("wallboard stream of {} closed: {}", owner, e.toString());
                close();
            }
        }
        finish();
    }

    private void finish() {
        try {
            emitter.complete();
        } catch (RuntimeException e) {
            LOG.debug("wallboard stream of {} already gone: {}", owner, e.toString());
        }
    }

    private void submit(Runnable task) {
        try {
            writers.execute(task);
        } catch (RejectedExecutionException e) {
            // Shutting down, or every writer is stuck on a stalled socket: this screen reconnects later.
            synchronized (this) {
                if (!closed) {
                    closed = true;
                    outbox.clear();
                    onClose.accept(this);
                }
            }
        }
    }
}
