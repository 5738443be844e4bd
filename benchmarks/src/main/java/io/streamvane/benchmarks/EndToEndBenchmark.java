package io.streamvane.benchmarks;

import io.streamvane.ingress.pipeline.IngestionResult;
import io.streamvane.model.kpi.QueueMetric;
import io.streamvane.simulator.EmissionConfig;
import io.streamvane.simulator.Simulator;
import io.streamvane.simulator.faults.FaultConfig;
import io.streamvane.simulator.model.DefaultContactCenter;
import io.streamvane.simulator.model.SimulationConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * End-to-end benchmark (not a test; see the root README, "Benchmarks"): a simulated day through the full pipeline in
 * one JVM against fresh databases on the test PostgreSQL: simulator → {@code IngestionPipeline.ingest} (direct calls
 * with batch bodies, no HTTP) → {@code engine_inbox} → two LISTEN/NOTIFY {@code InboxWorkers} → {@code queue_interval}.
 *
 * <ol>
 *   <li>Max speed: every body ingested back to back while the workers project; events/s from the first ingest call
 *       to the inbox being empty (the inbox row is deleted in the transaction that commits the event's components).
 *   <li>Exactness of that same run (10 % duplicates, 30 s reordering, 1 % ten minutes late): after the drain and a
 *       finality sweep, {@code queue_interval} rows equal to the ground truth / all rows.
 *   <li>Latency on a second fresh database: bodies every 10 ms at a fixed rate; per event, from the ingest call
 *       returning to its inbox row being gone.
 *   <li>COPY of the run's {@code raw_event} rows into a plain table, the ceiling.
 *   <li>Genesys API calls per day, hybrid vs polling-only, by the scheduler README's formula.
 * </ol>
 */
public final class EndToEndBenchmark {

    /** Run settings; the simulated arrival window is {@code [start, start + duration)}. */
    public record Options(java.time.Instant start, Duration duration, double scale, int queues, int agents, int rate,
                          int latencySeconds, int bodyEvents, int ingestThreads, int workers, int batch, boolean pooled,
                          Path out) {

        public static Options parse(String[] args) {
            java.time.Instant start = SimulationConfig.DEFAULT_START;
            Duration duration = Duration.ofDays(1);
            double scale = 1.0;
            int queues = 4;
            int agents = 40;
            int rate = 2000;
            int latencySeconds = 20;
            int bodyEvents = 100;
            int ingestThreads = 1;
            // streamvane.engine.batch-size's default
            int batch = 500;
            int workers = 2;
            boolean pooled = true;
            Path out = Path.of("benchmarks/target/e2e-results.md");
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("option " + args[i] + " needs a value");
                }
                String v = args[i + 1];
                switch (args[i]) {
                    case "--start" -> start = java.time.Instant.parse(v);
                    case "--hours" -> duration = Duration.ofMinutes(Math.round(Double.parseDouble(v) * 60));
                    case "--scale" -> scale = Double.parseDouble(v);
                    case "--queues" -> queues = Integer.parseInt(v);
                    case "--agents" -> agents = Integer.parseInt(v);
                    case "--rate" -> rate = Integer.parseInt(v);
                    case "--latency-seconds" -> latencySeconds = Integer.parseInt(v);
                    case "--body-events" -> bodyEvents = Integer.parseInt(v);
                    case "--workers" -> workers = Integer.parseInt(v);
                    case "--ingest-threads" -> ingestThreads = Integer.parseInt(v);
                    case "--batch" -> batch = Integer.parseInt(v);
                    case "--pool" -> pooled = switch (v) {
                        case "hikari" -> true;
                        case "none" -> false;
                        default -> throw new IllegalArgumentException("--pool is hikari or none: " + v);
                    };
                    case "--out" -> out = Path.of(v);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(start, duration, scale, queues, agents, rate, latencySeconds, bodyEvents,
                    ingestThreads, workers, batch, pooled, out);
        }

        /** The simulated contact center: the default one, or as many queues and agents as asked for. */
        SimulationConfig simulation() {
            SimulationConfig base = SimulationConfig.defaults().withArrivalRateScale(scale).withWindow(start, duration);
            return queues == 4 && agents == 40 ? base
                    : base.withStaff(DefaultContactCenter.queues(queues), DefaultContactCenter.agents(agents, queues));
        }
    }

    /** The faults the exactness figure is stated for. */
    public static final FaultConfig FAULTS = new FaultConfig(0.10, Duration.ofSeconds(30), 0.01,
            Duration.ofMinutes(10), null, Duration.ZERO, 0);

    /** What a run measured; {@link #table()} is what the console, the results file and the README show. */
    public record Results(Options options, String machine, int generatedEvents, int deliveries, int bodies,
                          long accepted, long duplicates, long late, double ingestSeconds, double endToEndSeconds,
                          Exactness exactness, int finalised, Latency latency, double copyPerSecond,
                          Replay replay, ApiCalls apiCalls) {

        public double endToEndPerSecond() {
            return accepted / endToEndSeconds;
        }

        public double exactnessPercent() {
            return exactness.percent();
        }

        public List<String> mismatches() {
            return exactness.mismatches();
        }

        public String table() {
            Options o = options;
            String window = o.duration.equals(Duration.ofDays(1)) ? "A full simulated day"
                    : String.format(Locale.ROOT, "%.2f simulated hours from %s", o.duration.toMinutes() / 60.0,
                            o.start);
            StringBuilder t = new StringBuilder();
            t.append("| Figure | Result |\n|---|---|\n");
            t.append(String.format(Locale.ROOT, "| Workload | %s (arrival scale %.2f, %d queues × voice/chat, "
                    + "%,d agents): %,d Genesys events → %,d deliveries (10 %% duplicates, 30 s reordering, 1 %% "
                    + "10 min late) in %,d bodies of ~%d, ingested by direct `IngestionPipeline.ingest` calls "
                    + "(%d threads), %d engine workers (LISTEN/NOTIFY, batch %d), connections %s |\n", window,
                    o.scale, o.queues, o.agents, generatedEvents, deliveries, bodies, o.bodyEvents, o.ingestThreads,
                    o.workers, o.batch, o.pooled ? "from a Hikari pool of " + (o.workers + o.ingestThreads + 3) : "opened per transaction (no pool)"));
            t.append(String.format(Locale.ROOT, "| **End to end, max speed** | **%,.0f events/s** (%,d distinct events "
                    + "stored and projected in %.1f s, first ingest → inbox empty; %,.0f deliveries/s; ingest alone "
                    + "done at %.1f s, %,d duplicates dropped, %,d flagged late) |\n", endToEndPerSecond(), accepted,
                    endToEndSeconds, deliveries / endToEndSeconds, ingestSeconds, duplicates, late));
            t.append(String.format(Locale.ROOT, "| **Event→KPI latency at %,d events/s** | **p50 %.0f ms, p99 %.0f ms**, "
                    + "max %.0f ms (%,d events; producer reached %,.0f events/s%s; ingest call returned → inbox row "
                    + "gone, polled every ~1 ms) |\n", o.rate, latency.p50Ms(), latency.p99Ms(), latency.maxMs(),
                    latency.events(), latency.achievedRate(),
                    latency.achievedRate() < 0.95 * o.rate ? ", below target: the machine could not sustain it" : ""));
            t.append(String.format(Locale.ROOT, "| **Exactness** | **%.2f %%**: %,d of %,d `queue_interval` rows equal "
                    + "the ground truth in all %d components of the catalogue (queue × media × 15-min bucket grid; %,d "
                    + "rows final after the sweep; %d mismatching) |\n", exactness.percent(), exactness.equal(),
                    exactness.rows(), QueueMetric.components().size(), exactness.finalRows(),
                    exactness.mismatches().size()));
            t.append(String.format(Locale.ROOT, "| **Replay** | **%,.0f events/s** (the day's %,d `raw_event` rows "
                    + "recomputed by `ReplayService` in 1 h chunks in %.1f s; exactness after it %.2f %%; "
                    + "replay ÷ COPY = %.1f %%) |\n", replay.perSecond(), replay.events(), replay.seconds(),
                    replay.exactnessPercent(), 100 * replay.perSecond() / copyPerSecond));
            t.append(String.format(Locale.ROOT, "| **Genesys API calls / day** | **hybrid %,d vs polling-only %,d** "
                    + "(%.1f× fewer). %s |\n", apiCalls.hybrid(), apiCalls.pollingOnly(),
                    apiCalls.pollingOnly() / (double) apiCalls.hybrid(), apiCalls.formula()));
            t.append(String.format(Locale.ROOT, "| **COPY ceiling** | %,.0f rows/s (`COPY` of the run's %,d `raw_event` "
                    + "rows into a plain table); **end to end ÷ COPY = %.1f %%** (COPY %.1f× faster) |\n",
                    copyPerSecond, accepted, 100 * endToEndPerSecond() / copyPerSecond,
                    copyPerSecond / endToEndPerSecond()));
            t.append("| Machine | ").append(machine).append(" |\n");
            return t.toString();
        }
    }

    /** The day recomputed from raw_event ({@code ReplayService}, the engine's default chunks) after the run. */
    public record Replay(long events, double seconds, double exactnessPercent) {
        double perSecond() {
            return events / seconds;
        }
    }

    /** Event→KPI latency of the paced run. */
    public record Latency(int events, double achievedRate, double p50Ms, double p99Ms, double maxMs, int notVisible) {
    }

    /**
     * Genesys API calls per day at 15-minute freshness, the scheduler README's table: polling-only = queue×media
     * aggregates × 96 + queue observations × 96 + ⌈users/100⌉ user aggregates × 96; hybrid = reference sync
     * (⌈queues/100⌉ + ⌈users/100⌉ pages) × 24 + 2 reconciliation passes × 96 + one request per gap hour.
     */
    public record ApiCalls(int pollingOnly, int hybrid, String formula) {

        static ApiCalls of(SimulationConfig config, int gapHours) {
            int queues = config.queues().size();
            int queueMedia = config.queues().stream().mapToInt(q -> q.mediaTypes().size()).sum();
            int users = config.agents().size();
            int userPages = (users + 99) / 100;
            int queuePages = (queues + 99) / 100;
            int polling = queueMedia * 96 + queues * 96 + userPages * 96;
            int hybrid = (queuePages + userPages) * 24 + 2 * 96 + gapHours;
            String formula = String.format(Locale.ROOT, "Polling-only = %d queue×media × 96 + %d queues × 96 "
                    + "observations + ⌈%d users/100⌉ × 96 user aggregates = %,d; hybrid = (⌈%d/100⌉ + ⌈%d/100⌉) pages "
                    + "× 24 hourly reference syncs + 2 reconciliation passes × 96 + %d gap-fill hours = %,d "
                    + "(scheduler README formula, default job configuration; no outage in this run, so no gap-fill; "
                    + "tokens ~1/day either way)", queueMedia, queues, users, polling, queues, users, gapHours, hybrid);
            return new ApiCalls(polling, hybrid, formula);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Results results = run(options, System.out);
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        StringBuilder file = new StringBuilder("# End-to-end benchmark\n\n").append(results.table());
        if (!results.mismatches().isEmpty()) {
            file.append("\nMismatching rows:\n\n");
            results.mismatches().forEach(m -> file.append("- ").append(m).append('\n'));
        }
        Files.writeString(options.out(), file.toString());
        System.out.println("written to " + options.out().toAbsolutePath());
        System.exit(0);
    }

    public static Results run(Options o, PrintStream out) throws Exception {
        String loadBefore = loadAverage();
        SimulationConfig config = o.simulation();
        long g0 = System.nanoTime();
        Simulator sim = Simulator.run(config, EmissionConfig.defaults().withFaults(FAULTS));
        List<Bodies.Body> bodies = Bodies.of(sim.messages(), o.bodyEvents());
        int deliveries = bodies.stream().mapToInt(Bodies.Body::deliveries).sum();
        out.printf(Locale.ROOT, "simulated %,d events, %,d deliveries in %,d messages → %,d bodies in %.1f s%n",
                sim.events().size(), deliveries, sim.messages().size(), bodies.size(), (System.nanoTime() - g0) / 1e9);

        // 1 + 2: max speed, then exactness on the same database.
        long accepted = 0;
        long duplicates = 0;
        long late = 0;
        double ingestSeconds;
        double e2eSeconds;
        Exactness exactness;
        int finalised;
        double copyRate;
        double replaySeconds;
        long replayedEvents;
        double replayExact;
        String pgVersion;
        try (Pipeline p = Pipeline.fresh(config, o.workers(), o.batch(), o.pooled(), o.ingestThreads())) {
            pgVersion = p.serverVersion();
            p.start();
            long t0 = System.nanoTime();
            long[] counts = ingestAll(p, bodies, o.ingestThreads());
            accepted = counts[0];
            duplicates = counts[1];
            late = counts[2];
            long tIngested = System.nanoTime();
            long tDrained = p.awaitDrained(Duration.ofMinutes(30));
            ingestSeconds = (tIngested - t0) / 1e9;
            e2eSeconds = (tDrained - t0) / 1e9;
            out.printf(Locale.ROOT, "max speed: %,d events accepted (%,d duplicates, %,d late) ingested in %.1f s, "
                    + "projected by %.1f s: %,.0f events/s end to end%n", accepted, duplicates, late, ingestSeconds,
                    e2eSeconds, accepted / e2eSeconds);
            p.stopWorkers();
            finalised = p.finality.sweep();
            exactness = Exactness.compare(p.dataSource, sim.groundTruth(), config.start());
            out.printf(Locale.ROOT, "exactness: %,d / %,d rows equal the ground truth (%.2f %%), %,d finalised by "
                    + "the sweep%n", exactness.equal(), exactness.rows(), exactness.percent(), finalised);
            exactness.mismatches().stream().limit(50).forEach(m -> out.println("  MISMATCH " + m));
            long r0 = System.nanoTime();
            p.replay.run(config.start(), config.end().plus(Duration.ofHours(2)));
            replaySeconds = (System.nanoTime() - r0) / 1e9;
            replayedEvents = p.scalar("SELECT count(*) FROM raw_event");
            Exactness afterReplay = Exactness.compare(p.dataSource, sim.groundTruth(), config.start());
            out.printf(Locale.ROOT, "replay of the day from raw_event: %,d events in %.1f s: %,.0f events/s; "
                    + "exactness after it %.2f %%%n", replayedEvents, replaySeconds, replayedEvents / replaySeconds,
                    afterReplay.percent());
            replayExact = afterReplay.percent();
            copyRate = copyCeiling(p.dataSource);
            out.printf(Locale.ROOT, "COPY of the raw_event rows into a plain table: %,.0f rows/s%n", copyRate);
        }

        // 3: latency at a fixed rate, on a fresh database.
        Latency latency = latency(config, sim, o, out);
        String loadAfter = loadAverage();
        String machine = String.format(Locale.ROOT, "%d CPUs (`nproc`), %s RAM, PostgreSQL %s on 127.0.0.1 (fresh "
                + "database per run), Java %s; load average %s before, %s after", Runtime.getRuntime().availableProcessors(), memory(), pgVersion,
                System.getProperty("java.version"), loadBefore, loadAfter);
        Results results = new Results(o, machine, sim.events().size(), deliveries, bodies.size(), accepted,
                duplicates, late, ingestSeconds, e2eSeconds, exactness, finalised, latency, copyRate,
                new Replay(replayedEvents, replaySeconds, replayExact), ApiCalls.of(config, 0));
        out.println();
        out.print(results.table());
        return results;
    }

    /**
     * Every body ingested by {@code threads} callers taking the next body in send order, as concurrent HTTP requests
     * or Service Bus receivers would; returns accepted, duplicates and late.
     */
    static long[] ingestAll(Pipeline p, List<Bodies.Body> bodies, int threads) throws Exception {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLongArray counts = new java.util.concurrent.atomic.AtomicLongArray(3);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<?>> callers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                callers.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < bodies.size(); ) {
                        IngestionResult.Ingested r = p.ingest(bodies.get(i).json());
                        counts.addAndGet(0, r.accepted());
                        counts.addAndGet(1, r.duplicates());
                        counts.addAndGet(2, r.late());
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : callers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new long[] {counts.get(0), counts.get(1), counts.get(2)};
    }

    /** COPY OUT of the run's raw_event rows, then a timed COPY IN of them into a plain table (no index/constraint). */
    static double copyCeiling(DataSource ds) throws Exception {
        String columns = "identity_digest, identity_key, topic_kind, topic_name, event_time, received_at, source, "
                + "envelope, body, late";
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_copy (identity_digest bytea, identity_key text, topic_kind text, "
                    + "topic_name text, event_time timestamptz, received_at timestamptz, source text, envelope jsonb, "
                    + "body jsonb, late boolean)");
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            long rows = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyOut("COPY (SELECT " + columns + " FROM raw_event) TO STDOUT", buffer);
            byte[] data = buffer.toByteArray();
            long t0 = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY bench_copy (" + columns + ") FROM STDIN", new ByteArrayInputStream(data));
            return rows / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static volatile boolean watching;

    /**
     * One producer thread ingests a body of rate/100 deliveries every 10 ms for {@code latencySeconds} of wall time (a
     * producer falling behind sends fewer; the achieved rate is reported); after each call returns it reads the
     * ids of the raw events that call inserted (it is the only writer, so they are those above the last id seen) and
     * stamps them with the return time. A watcher polls every ~1 ms for which of them still have an inbox row.
     */
    static Latency latency(SimulationConfig config, Simulator sim, Options o, PrintStream out) throws Exception {
        int perTick = Math.max(1, o.rate() / 100);
        List<Bodies.Body> all = Bodies.of(sim.messages(), perTick);
        int ticks = Math.min(all.size(), o.rate() * o.latencySeconds() / perTick);
        List<Bodies.Body> bodies = all.subList(0, ticks);
        Map<Long, Long> returnedAt = new ConcurrentHashMap<>();
        List<Long> micros = Collections.synchronizedList(new ArrayList<>());
        int delivered = 0;
        double seconds;
        try (Pipeline p = Pipeline.fresh(config, o.workers(), o.batch(), o.pooled())) {
            p.start();
            watching = true;
            Thread watcher = new Thread(() -> watch(p.dataSource, returnedAt, micros), "e2e-latency-watcher");
            watcher.start();
            long lastId = 0;
            long t0 = System.nanoTime();
            try (Connection c = p.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM raw_event WHERE id > ? ORDER BY id")) {
                long stopAt = t0 + o.latencySeconds() * 1_000_000_000L;
                for (int tick = 0; tick < ticks && System.nanoTime() < stopAt; tick++) {
                    long due = t0 + tick * 10_000_000L;
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                    Bodies.Body body = bodies.get(tick);
                    p.ingest(body.json());
                    long now = System.nanoTime();
                    delivered += body.deliveries();
                    ps.setLong(1, lastId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            lastId = rs.getLong(1);
                            returnedAt.put(lastId, now);
                        }
                    }
                }
            }
            seconds = (System.nanoTime() - t0) / 1e9;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!returnedAt.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            watching = false;
            watcher.join();
        }
        long[] sorted = micros.stream().mapToLong(Long::longValue).sorted().toArray();
        Latency l = new Latency(sorted.length, delivered / seconds, percentile(sorted, 50) / 1000.0,
                percentile(sorted, 99) / 1000.0, sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0,
                returnedAt.size());
        out.printf(Locale.ROOT, "latency at %,d/s: %,d events (%,d deliveries in %.1f s = %,.0f/s): p50 %.1f ms, "
                + "p99 %.1f ms, max %.1f ms; %d not visible%n", o.rate(), l.events(), delivered, seconds,
                l.achievedRate(), l.p50Ms(), l.p99Ms(), l.maxMs(), l.notVisible());
        return l;
    }

    private static void watch(DataSource ds, Map<Long, Long> returnedAt, List<Long> micros) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT raw_event_id FROM engine_inbox WHERE raw_event_id = ANY(?)")) {
            while (watching) {
                Long[] pending = returnedAt.keySet().toArray(Long[]::new);
                if (pending.length > 0) {
                    ps.setArray(1, c.createArrayOf("int8", pending));
                    Set<Long> present = new HashSet<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            present.add(rs.getLong(1));
                        }
                    }
                    long now = System.nanoTime();
                    for (Long id : pending) {
                        if (!present.contains(id)) {
                            Long at = returnedAt.remove(id);
                            if (at != null) {
                                micros.add((now - at) / 1000);
                            }
                        }
                    }
                }
                Thread.sleep(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " / " + f[1] + " / " + f[2];
        } catch (Exception e) {
            return "n/a";
        }
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"), StandardCharsets.US_ASCII)) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%.0f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (Exception e) {
            // fall through
        }
        return "n/a";
    }

    private EndToEndBenchmark() {
    }
}
