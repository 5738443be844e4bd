package io.streamvane.engine.bench;

import io.streamvane.engine.harness.Events;
import io.streamvane.engine.inbox.InboxConsumer;
import io.streamvane.engine.inbox.InboxWorkers;
import io.streamvane.engine.projection.Projector;
import io.streamvane.model.event.EventParser;
import io.streamvane.model.kpi.Granularity;
import io.streamvane.model.kpi.ServiceLevelPolicy;
import io.streamvane.model.store.Transactions;
import io.streamvane.testsupport.TestDatabases;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Engine benchmark (not a test): end-to-end projection throughput from a pre-filled inbox with 1 and 2 workers,
 * commit-to-visible latency at a fixed producer rate, and COPY of the same rows into a plain table as a yardstick.
 * Arguments: [events (default 40000)] [rate/s (default 2000)] [latency seconds (default 15)]. Uses a fresh database
 * on the test PostgreSQL (see TestDatabases; local 127.0.0.1:5432 here). See reactive-engine/README.md.
 */
public final class EngineBenchmark {

    private static final String[] TABLES = {"engine_inbox", "queue_interval", "agent_interval", "agent_segment",
        "acd_session", "kpi_change_log", "bench_copy"};

    record Row(Instant eventTime, String kind, String payload) {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 40_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        DataSource ds = TestDatabases.freshMigrated().dataSource();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_copy (raw_event_id bigint, event_time timestamptz, topic_kind text, "
                    + "payload jsonb)");
        }
        List<Row> rows = generate(events, new Random(42));
        System.out.printf("engine benchmark: %d events (%d conversations, acd.start/acd.end/user.end/acw), "
                + "%d CPUs, PostgreSQL %s%n", rows.size(), rows.size() / 4, Runtime.getRuntime().availableProcessors(),
                version(ds));

        double copyRate = copy(ds, rows, "bench_copy");
        System.out.printf("COPY into a plain table:      %,10.0f events/s%n", copyRate);
        for (int workers : new int[] {1, 2}) {
            reset(ds);
            copy(ds, rows, "engine_inbox");
            double r = drain(ds, workers, rows.size());
            System.out.printf("projected, %d worker(s):       %,10.0f events/s  (%.1f%% of COPY, COPY/engine = %.1fx)%n",
                    workers, r, 100 * r / copyRate, copyRate / r);
        }
        reset(ds);
        latency(ds, rows, rate, seconds);
    }

    static List<Row> generate(int events, Random random) {
        List<Row> rows = new ArrayList<>();
        Instant base = Instant.parse("2025-03-03T08:00:00Z");
        String[] outcomes = {"ANSWERED", "ANSWERED", "ANSWERED", "ABANDON", "FLOW_OUT"};
        for (int n = 0; rows.size() < events; n++) {
            String conv = "bench-" + n;
            String queue = "q" + random.nextInt(20);
            String media = random.nextInt(5) == 0 ? "chat" : "voice";
            Instant start = base.plusSeconds(random.nextInt(10 * 3600));
            long wait = random.nextInt(60_000);
            Instant end = start.plusMillis(wait);
            String outcome = outcomes[random.nextInt(outcomes.length)];
            String user = "u" + random.nextInt(200);
            Instant userEnd = end.plusSeconds(30 + random.nextInt(900));
            rows.add(new Row(start, "ACD_START", Events.acdStart(conv, "s" + n, queue, media, start)));
            rows.add(new Row(end, "ACD_END", Events.acdEnd(conv, "s" + n, queue, media, end, outcome, wait)));
            rows.add(new Row(userEnd, "USER_END", Events.userEnd(conv, "a" + n, user, queue, media, userEnd,
                    random.nextInt(600_000), random.nextInt(60_000))));
            Instant acw = userEnd.plusSeconds(random.nextInt(120));
            rows.add(new Row(acw, "ACW", Events.acw(conv, "a" + n, user, queue, media, acw, random.nextInt(120_000))));
        }
        return rows.subList(0, events);
    }

    private static String version(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void reset(DataSource ds) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE " + String.join(", ", TABLES));
        }
    }

    /** COPY of the inbox columns into {@code table}; events/s. */
    static double copy(DataSource ds, List<Row> rows, String table) throws Exception {
        StringBuilder text = new StringBuilder();
        long id = 1;
        for (Row r : rows) {
            text.append(id++).append('\t').append(r.eventTime()).append('\t').append(r.kind()).append('\t')
                    .append(r.payload().replace("\\", "\\\\")).append('\n');
        }
        try (Connection c = ds.getConnection()) {
            long t0 = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table
                    + " (raw_event_id, event_time, topic_kind, payload) FROM STDIN", new StringReader(text.toString()));
            return rows.size() / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private static InboxConsumer consumer(DataSource ds) {
        return new InboxConsumer(new Transactions(ds), new Projector(Granularity.PT15M, ServiceLevelPolicy::defaults),
                new EventParser());
    }

    /** Drains the pre-filled inbox with {@code workers} threads (batches of 500, as configured by default). */
    static double drain(DataSource ds, int workers, int expected) throws Exception {
        InboxConsumer consumer = consumer(ds);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long t0 = System.nanoTime();
        List<Future<Integer>> done = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            done.add(pool.submit(() -> consumer.drain(500)));
        }
        int total = 0;
        for (Future<Integer> f : done) {
            total += f.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        if (total != expected) {
            throw new IllegalStateException("drained " + total + " of " + expected);
        }
        return total / seconds;
    }

    /**
     * A producer commits inbox rows at {@code rate}/s (a transaction every 10 ms) while two {@link InboxWorkers}
     * (LISTEN/NOTIFY, batch 500) project; a watcher sees an event's KPI visible when its inbox row is gone, which
     * happens in the transaction that writes its components and change-log rows. Polling every ~1 ms adds up to that.
     */
    static void latency(DataSource ds, List<Row> rows, int rate, int seconds) throws Exception {
        InboxWorkers workers = new InboxWorkers(consumer(ds), ds, 2, 500, Duration.ofSeconds(1));
        workers.start();
        Map<Long, Long> committedAt = new ConcurrentHashMap<>();
        List<Long> latenciesMicros = java.util.Collections.synchronizedList(new ArrayList<>());
        int perTick = Math.max(1, rate / 100);
        int total = Math.min(rows.size(), rate * seconds);
        watching = true;
        Thread watcher = new Thread(() -> watch(ds, committedAt, latenciesMicros), "bench-watcher");
        watcher.start();
        long t0 = System.nanoTime();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO engine_inbox "
                + "(raw_event_id, event_time, topic_kind, payload) SELECT * FROM unnest(?::bigint[], "
                + "?::timestamptz[], ?::text[], ?::jsonb[]) RETURNING seq")) {
            c.setAutoCommit(false);
            for (int sent = 0, tick = 0; sent < total; tick++) {
                long due = t0 + tick * 10_000_000L;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                int n = Math.min(perTick, total - sent);
                List<Row> batch = rows.subList(sent, sent + n);
                ps.setArray(1, c.createArrayOf("int8", batch.stream().map(r -> 0L).toArray()));
                ps.setArray(2, c.createArrayOf("timestamptz",
                        batch.stream().map(r -> java.sql.Timestamp.from(r.eventTime())).toArray()));
                ps.setArray(3, c.createArrayOf("text", batch.stream().map(Row::kind).toArray()));
                ps.setArray(4, c.createArrayOf("jsonb", batch.stream().map(Row::payload).toArray()));
                List<Long> seqs = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        seqs.add(rs.getLong(1));
                    }
                }
                c.commit();
                long now = System.nanoTime();
                seqs.forEach(s -> committedAt.put(s, now));
                sent += n;
            }
        }
        double produceSeconds = (System.nanoTime() - t0) / 1e9;
        while (!committedAt.isEmpty() && System.nanoTime() - t0 < (seconds + 60) * 1_000_000_000L) {
            Thread.sleep(10);
        }
        watching = false;
        watcher.join();
        workers.stop();
        long[] sorted = latenciesMicros.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("latency at %d events/s (%d events in %.1f s, 2 workers): p50 %.1f ms, p99 %.1f ms, "
                + "max %.1f ms; %d not visible%n", rate, sorted.length, produceSeconds,
                percentile(sorted, 50) / 1000.0, percentile(sorted, 99) / 1000.0,
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1000.0, committedAt.size());
    }

    private static volatile boolean watching;

    private static void watch(DataSource ds, Map<Long, Long> committedAt, List<Long> latencies) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT seq FROM engine_inbox WHERE seq = ANY(?)")) {
            while (watching) {
                Long[] pending = committedAt.keySet().toArray(Long[]::new);
                if (pending.length == 0) {
                    Thread.sleep(1);
                    continue;
                }
                ps.setArray(1, c.createArrayOf("int8", pending));
                java.util.Set<Long> present = new java.util.HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        present.add(rs.getLong(1));
                    }
                }
                long now = System.nanoTime();
                for (Long seq : pending) {
                    if (!present.contains(seq)) {
                        Long at = committedAt.remove(seq);
                        if (at != null) {
                            latencies.add((now - at) / 1000);
                        }
                    }
                }
                Thread.sleep(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private EngineBenchmark() {
    }
}
