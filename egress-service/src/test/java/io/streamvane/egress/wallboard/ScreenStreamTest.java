package io.streamvane.egress.wallboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class ScreenStreamTest {

    private final ExecutorService writers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        writers.shutdownNow();
    }

    /** An emitter whose client reads until {@code stall} is closed, then blocks the way a full socket blocks. */
    static final class Screen extends SseEmitter {
        final List<String> received = new CopyOnWriteArrayList<>();
        final CountDownLatch unblock = new CountDownLatch(1);
        final AtomicInteger completed = new AtomicInteger();
        volatile boolean stalled;

        @Override
        public void send(SseEventBuilder builder) throws IOException {
            if (stalled) {
                try {
                    unblock.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("broken pipe");
            }
            StringBuilder text = new StringBuilder();
            builder.build().forEach(part -> text.append(part.getData()));
            received.add(text.toString().replaceAll("(?s).*data:(frame \\d+).*", "$1"));
        }

        @Override
        public void complete() {
            completed.incrementAndGet();
        }
    }

    private static SseEmitter.SseEventBuilder frame(int n) {
        return SseEmitter.event().name("update").data("frame " + n);
    }

    @Test
    void aScreenThatStopsReadingHoldsUpNoOtherAndIsEvictedWhenFarBehind() {
        Screen stalled = new Screen();
        Screen healthy = new Screen();
        List<ScreenStream> closed = new CopyOnWriteArrayList<>();
        AtomicInteger evictions = new AtomicInteger();
        ScreenStream slow = new ScreenStream(stalled, "tv-1", writers, 4, closed::add, evictions::incrementAndGet);
        ScreenStream fast = new ScreenStream(healthy, "tv-2", writers, 4, closed::add, evictions::incrementAndGet);
        stalled.stalled = true;

        for (int n = 0; n < 20; n++) {
            slow.offer(frame(n));
            fast.offer(frame(n));
            int expected = n + 1;
            await().until(() -> healthy.received.size() == expected);
        }

        assertThat(healthy.received).hasSize(20).last().isEqualTo("frame 19");
        assertThat(closed).containsExactly(slow);
        assertThat(evictions).hasValue(1);
        assertThat(slow.isOpen()).isFalse();
        assertThat(slow.offer(frame(99))).isFalse();
        // Completing while its write is stuck would wait on the emitter's write lock: it happens once the write ends.
        assertThat(stalled.completed).hasValue(0);
        stalled.unblock.countDown();
        await().until(() -> stalled.completed.get() == 1);
        assertThat(fast.isOpen()).isTrue();
    }

    @Test
    void framesOfOneScreenAreWrittenInOrderOneAtATime() {
        Screen screen = new Screen();
        ScreenStream stream = new ScreenStream(screen, "tv", writers, 1000, s -> { }, () -> { });
        for (int n = 0; n < 500; n++) {
            stream.offer(frame(n));
        }
        await().until(() -> screen.received.size() == 500);
        for (int n = 0; n < 500; n++) {
            assertThat(screen.received.get(n)).isEqualTo("frame " + n);
        }
    }

    @Test
    void aFailedWriteClosesTheStreamOnceAndCompletesIt() {
        Screen screen = new Screen();
        AtomicInteger closes = new AtomicInteger();
        ScreenStream stream = new ScreenStream(screen, "tv", writers, 8, s -> closes.incrementAndGet(), () -> { });
        screen.stalled = true;
        screen.unblock.countDown();

        stream.offer(frame(1));
        await().until(() -> !stream.isOpen());
        stream.close();

        assertThat(closes).hasValue(1);
        await().until(() -> screen.completed.get() == 1);
    }
}
