package io.streamvane.egress.wallboard;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * One LISTEN connection per process for every open screen: the engine's commit-time notifications
 * ({@code streamvane_kpi_changes} from the change log, {@code streamvane_realtime_changes} from the real-time
 * tables) each call {@code onChange}. A notification is a hint; the broadcaster also resyncs on a timer.
 */
class ChangeListener implements SmartLifecycle {

    static final List<String> CHANNELS = List.of("streamvane_kpi_changes", "streamvane_realtime_changes");
    private static final Logger LOG = LoggerFactory.getLogger(ChangeListener.class);

    private final DataSource dataSource;
    private final Duration poll;
    private final Runnable onChange;
    private volatile Thread thread;
    private volatile boolean running;

    ChangeListener(DataSource dataSource, Duration poll, Runnable onChange) {
        this.dataSource = dataSource;
        this.poll = poll;
        this.onChange = onChange;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "wallboard-listen");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(poll.toMillis() + 2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                try (Statement s = c.createStatement()) {
                    for (String channel : CHANNELS) {
                        s.execute("LISTEN " + channel);
                    }
                }
                if (!c.getAutoCommit()) {
                    c.commit();
                }
                Notifications pg = Notifications.of(c);
                // Changes committed while no connection listened would otherwise wait for the resync.
                onChange.run();
                while (running) {
                    if (pg.await(poll) > 0) {
                        onChange.run();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warn("wallboard LISTEN connection lost; retrying (screens resync on a timer meanwhile)", e);
                    pause();
                }
            }
        }
    }

    /**
     * {@code PGConnection.getNotifications(timeout)} reached by reflection: the driver is only a runtime dependency
     * of this module, as the rest of egress talks plain JDBC.
     */
    private record Notifications(Object connection, Method getNotifications) {

        static Notifications of(Connection c) throws SQLException {
            try {
                Class<?> type = Class.forName("org.postgresql.PGConnection", true, c.getClass().getClassLoader());
                return new Notifications(c.unwrap(type), type.getMethod("getNotifications", int.class));
            } catch (ClassNotFoundException | NoSuchMethodException e) {
                throw new SQLException("the wallboard needs the PostgreSQL JDBC driver (LISTEN/NOTIFY)", e);
            }
        }

        int await(Duration timeout) throws SQLException {
            try {
                Object[] received = (Object[]) getNotifications.invoke(connection, (int) Math.max(1, timeout.toMillis()));
                return received == null ? 0 : received.length;
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof SQLException sql) {
                    throw sql;
                }
                throw new SQLException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new SQLException(e);
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
