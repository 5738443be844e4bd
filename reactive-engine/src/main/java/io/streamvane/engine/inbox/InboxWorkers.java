package io.streamvane.engine.inbox;

import io.streamvane.model.store.StoreChannels;
import io.streamvane.platform.postgres.NotificationListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * N worker threads draining the inbox, woken by LISTEN streamvane_inbox ({@link NotificationListener}) and by a poll
 * timeout as fallback (notifications are a hint: one may be missed while reconnecting). {@link #stop()} lets each
 * worker finish its current transaction.
 */
public final class InboxWorkers {

    private static final Logger log = LoggerFactory.getLogger(InboxWorkers.class);

    private final InboxConsumer consumer;
    private final NotificationListener listener;
    private final int workers;
    private final int batchSize;
    private final Duration pollInterval;
    private final Object signal = new Object();
    private final List<Thread> threads = new ArrayList<>();
    private long generation;
    private volatile boolean running;

    public InboxWorkers(InboxConsumer consumer, DataSource dataSource, int workers, int batchSize,
            Duration pollInterval) {
        this.consumer = consumer;
        this.listener = new NotificationListener("engine-listen", dataSource, List.of(StoreChannels.INBOX),
                this::wakeAll);
        this.workers = workers;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(this::work, "engine-worker-" + i);
            t.start();
            threads.add(t);
        }
        listener.start();
    }

    public synchronized void stop() {
        running = false;
        wakeAll();
        listener.stop();
        for (Thread t : threads) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    private void work() {
        while (running) {
            long seen;
            synchronized (signal) {
                seen = generation;
            }
            try {
                if (consumer.processBatch(batchSize) > 0) {
                    continue;
                }
            } catch (Exception e) {
                log.warn("inbox batch failed; retrying after the poll interval", e);
            }
            synchronized (signal) {
                if (running && generation == seen) {
                    try {
                        signal.wait(pollInterval.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    private void wakeAll() {
        synchronized (signal) {
            generation++;
            signal.notifyAll();
        }
    }
}
