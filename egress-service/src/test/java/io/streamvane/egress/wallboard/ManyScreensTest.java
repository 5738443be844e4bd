package io.streamvane.egress.wallboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.streamvane.egress.EgressIntegrationTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 500 screens from one process: a snapshot is read once per burst of changes and sent to every open screen, so what
 * it costs the store does not grow with the number of screens. With {@link #QUEUES} queues, each round commits a
 * change to every tile; with 1, 100 and 500 screens open it prints the snapshots read per round, the statements and
 * milliseconds per snapshot ({@code streamvane.wallboard.snapshot}), and when the last screen had the update. It
 * asserts what holds on any machine: every screen gets every round, and a snapshot prepares as many statements with
 * 500 screens as with one.
 */
@Import(ManyScreensTest.CountingStatements.class)
@TestPropertySource(properties = {"streamvane.egress.wallboard.max-streams=600",
        "streamvane.egress.wallboard.max-streams-per-owner=600"})
class ManyScreensTest extends EgressIntegrationTest {

    static final int QUEUES = 100;
    static final int AGENTS = 300;
    static final int ROUNDS = 5;
    /** Statements prepared on the broadcaster's thread: the snapshot reads, and nothing else runs there. */
    static final AtomicLong SNAPSHOT_STATEMENTS = new AtomicLong();

    @Autowired
    TransactionTemplate tx;

    @Autowired
    MeterRegistry meters;

    @Autowired
    WallboardBroadcaster broadcaster;

    EngineLikeWrites engine;

    @BeforeEach
    void queuesWithToday() {
        jdbc.sql("TRUNCATE kpi_change_log").update();
        engine = new EngineLikeWrites(jdbc, tx);
        engine.queuesWithCurrentInterval("q-many-", QUEUES, CLOCK.instant());
        // The agent board too: every snapshot reads the agents beside the tiles.
        engine.agents("q-many-1", AGENTS, "ON_QUEUE", "IDLE");
    }

    @Test
    void aSnapshotCostsTheSameForOneScreenAndFiveHundred() throws Exception {
        Timer snapshots = meters.get("streamvane.wallboard.snapshot").timer();
        Map<Integer, Double> statementsPerSnapshot = new TreeMap<>();
        for (int count : new int[] {1, 100, 500}) {
            double loadBefore = loadAverage();
            List<Screen> screens = new ArrayList<>();
            try {
                for (int i = 0; i < count; i++) {
                    screens.add(Screen.open(port, READ_KEY));
                }
                await().atMost(Duration.ofMinutes(2)).until(() -> broadcaster.openStreams() == count
                        && screens.stream().allMatch(s -> s.frames.get() >= 1));
                awaitNoSnapshotUnderWay(snapshots);
                long snapshots0 = snapshots.count();
                double millis0 = snapshots.totalTime(TimeUnit.MILLISECONDS);
                long statements0 = SNAPSHOT_STATEMENTS.get();
                List<Long> lastScreenMillis = new ArrayList<>();
                for (int round = 1; round <= ROUNDS; round++) {
                    long[] before = screens.stream().mapToLong(s -> s.frames.get()).toArray();
                    long committed = System.nanoTime();
                    engine.everyQueueOffersOneMore("q-many-");
                    await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(5)).until(() -> {
                        for (int i = 0; i < before.length; i++) {
                            if (screens.get(i).frames.get() <= before[i]) {
                                return false;
                            }
                        }
                        return true;
                    });
                    lastScreenMillis.add((System.nanoTime() - committed) / 1_000_000);
                }
                awaitNoSnapshotUnderWay(snapshots);
                long read = snapshots.count() - snapshots0;
                double perSnapshotMillis = (snapshots.totalTime(TimeUnit.MILLISECONDS) - millis0) / read;
                double perSnapshotStatements = (SNAPSHOT_STATEMENTS.get() - statements0) / (double) read;
                statementsPerSnapshot.put(count, perSnapshotStatements);
                System.out.printf("[wallboard] %d screens, %d tiles, %d agents: %d snapshots for %d rounds, %.0f statements and "
                                + "%.1f ms per snapshot, commit -> last screen updated %s ms; load average %.2f before, "
                                + "%.2f after%n", count, QUEUES, AGENTS, read, ROUNDS, perSnapshotStatements,
                        perSnapshotMillis, lastScreenMillis, loadBefore, loadAverage());
                assertThat(read).as("snapshots read for %d screens", count).isPositive();
            } finally {
                for (Screen s : screens) {
                    s.close();
                }
            }
            await().atMost(Duration.ofMinutes(1)).until(() -> broadcaster.openStreams() == 0);
        }
        assertThat(statementsPerSnapshot.get(500)).as("statements per snapshot, 500 screens vs 1")
                .isEqualTo(statementsPerSnapshot.get(1));
    }

    /**
     * Until neither a snapshot completes nor a statement is prepared for a second: the counters are then read between
     * snapshots, so each snapshot counted has all its statements counted and no statement belongs to an uncounted one.
     */
    private static void awaitNoSnapshotUnderWay(Timer snapshots) {
        AtomicLong seen = new AtomicLong(-1);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50)).during(Duration.ofSeconds(1))
                .until(() -> {
                    long now = snapshots.count() * 1_000_000_000L + SNAPSHOT_STATEMENTS.get();
                    return seen.getAndSet(now) == now;
                });
    }

    private static double loadAverage() throws Exception {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    /** A screen on a raw socket, counting the frames (snapshot and update events) it has read. */
    static final class Screen implements AutoCloseable {
        final Socket socket = new Socket();
        final AtomicLong frames = new AtomicLong();

        static Screen open(int port, String key) throws Exception {
            Screen s = new Screen();
            s.socket.connect(new InetSocketAddress("localhost", port));
            OutputStream out = s.socket.getOutputStream();
            out.write(("GET /wallboard/stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                    + "X-API-Key: " + key + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread reader = new Thread(s::read, "many-screens-reader");
            reader.setDaemon(true);
            reader.start();
            return s;
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("event:")) {
                        frames.incrementAndGet();
                    }
                }
            } catch (Exception closed) {
                // the test closed the screen
            }
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    /** Counts the statements prepared on the broadcaster's thread, over the service's own pool. */
    @TestConfiguration(proxyBeanMethods = false)
    static class CountingStatements {

        @Bean
        static BeanPostProcessor countSnapshotStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds && "dataSource".equals(name) ? new Counting(ds) : bean;
                }
            };
        }
    }

    static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counted(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counted(super.getConnection(username, password));
        }

        private static Connection counted(Connection c) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                        String m = method.getName();
                        if ((m.startsWith("prepare") || m.equals("createStatement"))
                                && Thread.currentThread().getName().startsWith("wallboard-broadcast")) {
                            SNAPSHOT_STATEMENTS.incrementAndGet();
                        }
                        try {
                            return method.invoke(c, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }
}
