package io.streamvane.platform.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a callback when PostgreSQL notifies one of some channels: one thread holds one connection that LISTENs,
 * waiting in pgjdbc's {@code getNotifications(timeout)}. When that connection drops (PostgreSQL restarted, the
 * backend terminated, an idle flow cut) it reconnects after a growing pause and listens again.
 *
 * <p>A notification is a hint, never the only signal, so the callback also runs after every (re)connect:
 * whatever was notified while no connection listened is lost. Callers keep a polling fallback for the time
 * between the drop and the reconnect.
 */
public final class NotificationListener implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationListener.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]*");
    /** A notification ends a wait at once, so this only bounds how long {@link #stop()} waits for the thread. */
    private static final int WAIT_MILLIS = 500;
    /** A quiet connection is checked this often: a flow dropped silently (idle timeouts) would never fail a wait. */
    private static final long CHECK_QUIET_NANOS = Duration.ofSeconds(30).toNanos();
    private static final int CHECK_TIMEOUT_SECONDS = 5;
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration MAX_RETRY = Duration.ofSeconds(5);

    private final String name;
    private final DataSource dataSource;
    private final List<String> channels;
    private final Runnable onNotification;
    private volatile Thread thread;

    /**
     * @param name           the thread's name, also the log prefix
     * @param channels       lower-case identifiers, as the NOTIFY side spells them
     * @param onNotification runs on the listener thread for every received batch and after every (re)connect;
     *                       keep it short (wake someone up)
     */
    public NotificationListener(String name, DataSource dataSource, List<String> channels, Runnable onNotification) {
        this.name = Objects.requireNonNull(name, "name");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.channels = List.copyOf(channels);
        this.onNotification = Objects.requireNonNull(onNotification, "onNotification");
        if (this.channels.isEmpty()) {
            throw new IllegalArgumentException("listen to at least one channel");
        }
        for (String channel : this.channels) {
            // Channels are spliced into LISTEN: only plain identifiers, never anything quoted or injected.
            if (!CHANNEL.matcher(channel).matches()) {
                throw new IllegalArgumentException("not a plain channel name: " + channel);
            }
        }
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        // Daemon: a thread stuck in connecting must never keep the JVM alive.
        Thread t = new Thread(this::run, name);
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Stops listening: waits up to about a second for the thread, which ends at its next wake-up at the latest. */
    @Override
    public void stop() {
        Thread t;
        synchronized (this) {
            t = thread;
            thread = null;
        }
        if (t == null) {
            return;
        }
        t.interrupt();
        try {
            t.join(WAIT_MILLIS + 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    /** A thread whose listener was stopped (or stopped and started again) ends: never two threads listening. */
    private boolean current() {
        return thread == Thread.currentThread();
    }

    private void run() {
        Duration retry = FIRST_RETRY;
        boolean lost = false;
        while (current()) {
            try (Connection c = dataSource.getConnection()) {
                PGConnection pg = subscribe(c);
                if (lost) {
                    LOG.info("{}: listening again on {}", name, channels);
                }
                lost = false;
                retry = FIRST_RETRY;
                wake();
                await(c, pg);
                unlisten(c);
            } catch (SQLException | RuntimeException e) {
                if (!current()) {
                    return;
                }
                if (!lost) {
                    LOG.warn("{}: no LISTEN connection for {} ({}); retrying, polling meanwhile", name, channels,
                            e.toString());
                } else {
                    LOG.debug("{}: reconnect failed ({}); next try in {}", name, e.toString(), retry);
                }
                lost = true;
                pause(retry);
                Duration doubled = retry.multipliedBy(2);
                retry = doubled.compareTo(MAX_RETRY) < 0 ? doubled : MAX_RETRY;
            }
        }
    }

    private PGConnection subscribe(Connection c) throws SQLException {
        // LISTEN inside an open transaction would only take effect at its commit.
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            for (String channel : channels) {
                s.execute("LISTEN " + channel);
            }
        }
        return c.unwrap(PGConnection.class);
    }

    private void await(Connection c, PGConnection pg) throws SQLException {
        long quietSince = System.nanoTime();
        while (current()) {
            var received = pg.getNotifications(WAIT_MILLIS);
            if (received != null && received.length > 0) {
                quietSince = System.nanoTime();
                wake();
            } else if (System.nanoTime() - quietSince > CHECK_QUIET_NANOS) {
                if (!c.isValid(CHECK_TIMEOUT_SECONDS)) {
                    throw new SQLException("the LISTEN connection no longer answers", "08006");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private void wake() {
        if (!current()) {
            return;
        }
        try {
            onNotification.run();
        } catch (RuntimeException e) {
            // The owner's failure, not the connection's: keep listening.
            LOG.warn("{}: notification callback failed", name, e);
        }
    }

    /** A pooled connection goes back without the subscription, or it would buffer notifications for nobody. */
    private static void unlisten(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("UNLISTEN *");
        } catch (SQLException ignored) {
            // Closing it follows; a broken connection is the pool's to discard.
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            // stop() interrupts; the loop condition sees it.
        }
    }
}
