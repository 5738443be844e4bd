package io.streamvane.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.ingress.guard.DedupHorizon;
import io.streamvane.engine.finality.FinalitySweep;
import io.streamvane.engine.inbox.InboxConsumer;
import io.streamvane.engine.inbox.InboxWorkers;
import io.streamvane.engine.projection.Projector;
import io.streamvane.engine.projection.RangeRestatement;
import io.streamvane.engine.replay.ReplayService;
import io.streamvane.engine.settings.ServiceLevelSettingsSource;
import io.streamvane.ingress.guard.RawEventStore;
import io.streamvane.ingress.guard.WatermarkTracker;
import io.streamvane.ingress.pipeline.IngestionPipeline;
import io.streamvane.ingress.pipeline.IngestionResult;
import io.streamvane.ingress.pipeline.Transport;
import io.streamvane.model.event.EventParser;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.KpiSettings;
import io.streamvane.model.store.Transactions;
import io.streamvane.simulator.model.SimulationConfig;
import io.streamvane.testsupport.ServiceLevelSeed;
import io.streamvane.testsupport.TestDatabase;
import io.streamvane.testsupport.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * The production pieces wired by hand in one JVM, as the ingress and engine configurations wire them: the ingress
 * {@link IngestionPipeline} (parser, dedup guard, watermark), the engine's {@link InboxWorkers} (LISTEN/NOTIFY,
 * default 2 workers × batch 500) and {@link FinalitySweep}, on a fresh migrated database whose {@code queue_media_sl}
 * holds the simulated queues' service-level thresholds (what the scheduler's reference sync would store).
 */
final class Pipeline implements AutoCloseable {

    /** The default {@code streamvane.kpi.allowed-lateness}. */
    static final Duration ALLOWED_LATENESS = KpiSettings.DEFAULTS.allowedLateness();

    /** Never used: the benchmark replays on its own thread ({@link ReplayService#run}). */
    private static final java.util.concurrent.ExecutorService REPLAY_RUNNER =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "benchmark-replay");
                t.setDaemon(true);
                return t;
            });

    final DataSource dataSource;
    final IngestionPipeline ingestion;
    final InboxWorkers workers;
    final FinalitySweep finality;
    final ReplayService replay;
    private boolean started;

    private Pipeline(DataSource dataSource, IngestionPipeline ingestion, InboxWorkers workers, FinalitySweep finality,
            ReplayService replay) {
        this.dataSource = dataSource;
        this.ingestion = ingestion;
        this.workers = workers;
        this.finality = finality;
        this.replay = replay;
    }

    static Pipeline fresh(SimulationConfig config, int workerThreads, int batchSize) throws SQLException {
        return fresh(config, workerThreads, batchSize, true);
    }

    /**
     * @param pooled connections from a Hikari pool sized as the services size theirs (what the product runs on);
     *               false opens a new PostgreSQL connection per transaction, as this benchmark did before, which
     *               measures connection set-up as much as the pipeline
     */
    static Pipeline fresh(SimulationConfig config, int workerThreads, int batchSize, boolean pooled)
            throws SQLException {
        return fresh(config, workerThreads, batchSize, pooled, 1);
    }

    static Pipeline fresh(SimulationConfig config, int workerThreads, int batchSize, boolean pooled,
            int ingestThreads) throws SQLException {
        TestDatabase db = TestDatabases.freshMigrated();
        DataSource ds = pooled ? pool(db, workerThreads, ingestThreads) : db.dataSource();
        seedServiceLevels(ds, config);
        Transactions tx = new Transactions(ds);
        ServiceLevelSettingsSource sl = new ServiceLevelSettingsSource(tx, false);
        sl.refresh();
        InboxConsumer consumer = new InboxConsumer(tx, new Projector(Granularity.PT15M, sl), new EventParser());
        IngestionPipeline ingestion = new IngestionPipeline(new EventParser(),
                new RawEventStore(ds, new WatermarkTracker(ALLOWED_LATENESS)),
                // The benchmark replays a fixed past day: no horizon, as for a replay of raw_event.
                new DedupHorizon(Duration.ofDays(36_500)), new SimpleMeterRegistry(),
                Clock.systemUTC());
        InboxWorkers workers = new InboxWorkers(consumer, ds, workerThreads, batchSize, Duration.ofSeconds(1));
        // Sources idle for years still count: the simulated day lies in the past of the wall clock.
        FinalitySweep finality = new FinalitySweep(tx, Granularity.PT15M, Duration.ofDays(3650), 5000);
        // The engine's default replay settings (streamvane.engine.replay: 1 h chunks, 12 h segment span).
        ReplayService replay = new ReplayService(tx, new RangeRestatement(Granularity.PT15M, sl, new EventParser()),
                new ReplayService.Settings(Duration.ofHours(1), Duration.ofHours(12)), REPLAY_RUNNER,
                Clock.systemUTC());
        return new Pipeline(ds, ingestion, workers, finality, replay);
    }

    private static void seedServiceLevels(DataSource ds, SimulationConfig config) throws SQLException {
        ServiceLevelSeed.insertAll(ds, config.serviceLevelGoals().stream()
                .map(g -> new ServiceLevelSeed(g.queueId(), g.mediaType(), g.threshold(), g.targetPercent())).toList());
    }

    void start() {
        workers.start();
        started = true;
    }

    IngestionResult.Ingested ingest(byte[] body) {
        IngestionResult r = ingestion.ingest(body, Transport.SIMULATOR);
        if (r instanceof IngestionResult.Ingested ok) {
            return ok;
        }
        throw new IllegalStateException("body refused: " + r);
    }

    long inboxCount() throws SQLException {
        return scalar("SELECT count(*) FROM engine_inbox");
    }

    long scalar(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String serverVersion() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Waits until the inbox is empty (every ingested event's components committed); returns System.nanoTime then.
     * The probe asks for any row, not for the count: counting a large inbox every few ms cost the database more CPU
     * than some of the projection's statements and slowed the run it measured.
     */
    long awaitDrained(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (scalar("SELECT count(*) FROM (SELECT 1 FROM engine_inbox LIMIT 1) AS any_row") == 0) {
                return System.nanoTime();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("inbox not drained after " + timeout + ": " + inboxCount() + " rows");
            }
            Thread.sleep(10);
        }
    }

    /** Stops the engine workers; the database stays readable for the figures taken afterwards. */
    void stopWorkers() {
        if (started) {
            started = false;
            workers.stop();
        }
    }

    @Override
    public void close() {
        stopWorkers();
        if (dataSource instanceof HikariDataSource pool) {
            pool.close();
        }
    }

    /** One connection per worker and per ingest caller, a few for listeners and the figures. */
    private static HikariDataSource pool(TestDatabase db, int workerThreads, int ingestThreads) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(db.jdbcUrl());
        c.setUsername(db.username());
        c.setPassword(db.password());
        c.setMaximumPoolSize(workerThreads + ingestThreads + 3);
        c.setPoolName("benchmark");
        return new HikariDataSource(c);
    }
}
