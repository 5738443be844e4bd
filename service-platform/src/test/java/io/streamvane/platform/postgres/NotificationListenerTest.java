package io.streamvane.platform.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.streamvane.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against a real PostgreSQL: each test owns a fresh database, so its only other backend is the listener's. */
class NotificationListenerTest {

    private static final String CHANNEL = "sv_test_changes";

    private final DataSource dataSource = TestDatabases.fresh().dataSource();
    private final Semaphore wakeUps = new Semaphore(0);
    private final NotificationListener listener =
            new NotificationListener("test-listen", dataSource, List.of(CHANNEL, "sv_test_other"), wakeUps::release);

    @AfterEach
    void stop() {
        listener.stop();
    }

    @Test
    void aNotificationOnAnyChannelRunsTheCallback() throws Exception {
        listener.start();
        awaitWakeUp(); // connected and listening

        execute("NOTIFY " + CHANNEL);
        awaitWakeUp();
        execute("NOTIFY sv_test_other, 'payload'");
        awaitWakeUp();
    }

    @Test
    void notificationsArriveAgainAfterTheListeningBackendIsTerminated() throws Exception {
        listener.start();
        awaitWakeUp();
        List<Integer> before = otherBackends();
        assertThat(before).hasSize(1);

        assertThat(querySingleBoolean("SELECT pg_terminate_backend(" + before.get(0) + ")")).isTrue();
        awaitWakeUp(); // reconnected: the callback runs for whatever was notified meanwhile
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(otherBackends()).hasSize(1).doesNotContainAnyElementsOf(before));

        execute("NOTIFY " + CHANNEL);
        awaitWakeUp();
    }

    @Test
    void afterStopTheConnectionIsReleasedAndTheCallbackNoLongerRuns() throws Exception {
        listener.start();
        awaitWakeUp();

        listener.stop();
        execute("NOTIFY " + CHANNEL);

        assertThat(listener.isRunning()).isFalse();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(otherBackends()).isEmpty());
        assertThat(wakeUps.tryAcquire(1, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void channelNamesAreCheckedBeforeTheyReachSql() {
        assertThatThrownBy(() -> new NotificationListener("x", dataSource, List.of("a; DROP TABLE t"), () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NotificationListener("x", dataSource, List.of(), () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void awaitWakeUp() throws InterruptedException {
        assertThat(wakeUps.tryAcquire(10, TimeUnit.SECONDS)).as("callback ran").isTrue();
    }

    /** Backends on this test's database other than the asking one: the listener's. */
    private List<Integer> otherBackends() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
                        + "AND pid <> pg_backend_pid() AND backend_type = 'client backend'")) {
            List<Integer> pids = new ArrayList<>();
            while (rs.next()) {
                pids.add(rs.getInt(1));
            }
            return pids;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private boolean querySingleBoolean(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
