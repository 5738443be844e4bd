package io.streamvane.simulator.sink;

import io.streamvane.simulator.events.ScheduledMessage;
import java.util.List;

/**
 * Sends scheduled messages to a sink in order, holding each back until its simulated send time, scaled by the
 * pacing, has come on the wall clock. The first message goes out at once.
 */
public final class PacedPublisher {

    private final WallClock clock;

    public PacedPublisher(WallClock clock) {
        this.clock = clock;
    }

    public PacedPublisher() {
        this(WallClock.system());
    }

    public PublishStats publish(List<ScheduledMessage> messages, EventSink sink, Pacing pacing) {
        long wallStart = clock.nanoTime();
        long deliveries = 0;
        long simStart = messages.isEmpty() ? 0 : messages.get(0).sendAtMs();
        for (ScheduledMessage scheduled : messages) {
            if (pacing.paced()) {
                long dueNanos = wallStart + (long) ((scheduled.sendAtMs() - simStart) * 1_000_000.0 / pacing.speedup());
                long waitNanos = dueNanos - clock.nanoTime();
                if (waitNanos > 0) {
                    sleep(waitNanos);
                }
            }
            sink.accept(scheduled.message());
            deliveries += scheduled.message().deliveries().size();
        }
        return new PublishStats(messages.size(), deliveries, clock.nanoTime() - wallStart);
    }

    private void sleep(long nanos) {
        try {
            clock.sleepNanos(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pacing", e);
        }
    }
}
