package io.streamvane.ingress.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.ingress.guard.DedupHorizon;
import io.streamvane.ingress.StoreRows;
import io.streamvane.ingress.TestEvents;
import io.streamvane.ingress.guard.RawEventStore;
import io.streamvane.ingress.guard.WatermarkTracker;
import io.streamvane.ingress.pipeline.IngestionPipeline;
import io.streamvane.ingress.pipeline.IngestionResult;
import io.streamvane.ingress.pipeline.Transport;
import io.streamvane.model.event.EventParser;
import io.streamvane.model.event.GenesysEvent;
import io.streamvane.model.event.ParseResult;
import io.streamvane.testsupport.TestDatabase;
import io.streamvane.testsupport.TestDatabases;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Accepted events per second through the whole pipeline (parse, dedup, raw_event + engine_inbox + watermark, one
 * transaction per body, one thread) for bodies of 1, 100 and 1000 events, against loading the same raw_event rows
 * with plain {@code COPY} on the same database. Not a test: run it by hand (see the ingress-service README).
 *
 * <p>Arguments: [events per batch size, default 20000] [events for batch size 1, default 3000].
 */
public final class IngressBenchmark {

    private static final int[] BATCH_SIZES = {1, 100, 1000};

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int singleEvents = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        TestDatabase db = TestDatabases.freshMigrated();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.username());
        config.setPassword(db.password());
        config.setMaximumPoolSize(2);
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            StoreRows rows = new StoreRows(dataSource);
            IngestionPipeline pipeline = new IngestionPipeline(new EventParser(),
                    new RawEventStore(dataSource, new WatermarkTracker(Duration.ofMinutes(5))),
                    new DedupHorizon(Duration.ofDays(35)), new SimpleMeterRegistry(), Clock.systemUTC());
            long t0 = Instant.now().minus(Duration.ofHours(6)).toEpochMilli();

            System.out.printf("PostgreSQL %s, JDK %s, %d cores%n",
                    rows.queryString("SHOW server_version"), Runtime.version(),
                    Runtime.getRuntime().availableProcessors());
            run(pipeline, rows, bodies(events(0, 2000, t0), 100), "warm-up");
            rows.execute("TRUNCATE raw_event, engine_inbox, watermark");

            double[] perSize = new double[BATCH_SIZES.length];
            for (int s = 0; s < BATCH_SIZES.length; s++) {
                int batchSize = BATCH_SIZES[s];
                int n = batchSize == 1 ? singleEvents : events;
                List<String> all = events(batchSize * 10_000_000, n, t0);
                double perSecond = run(pipeline, rows, bodies(all, batchSize), "batch size " + batchSize);
                perSize[s] = perSecond;
                System.out.printf("pipeline, batch size %4d: %,10.0f events/s (%,d events)%n", batchSize, perSecond, n);
                rows.execute("TRUNCATE raw_event, engine_inbox, watermark");
            }

            List<String> all = events(900_000_000, events, t0);
            double copyPerSecond = copy(dataSource, all);
            rows.execute("TRUNCATE raw_event, engine_inbox, watermark");
            System.out.printf("COPY raw_event rows     : %,10.0f events/s (%,d events)%n", copyPerSecond, events);
            for (int s = 0; s < BATCH_SIZES.length; s++) {
                System.out.printf("pipeline/COPY, batch size %4d: %.3f (COPY is %.1fx faster)%n", BATCH_SIZES[s],
                        perSize[s] / copyPerSecond, copyPerSecond / perSize[s]);
            }
        }
    }

    private static double run(IngestionPipeline pipeline, StoreRows rows, List<byte[]> bodies, String label) {
        long accepted = 0;
        long start = System.nanoTime();
        for (byte[] body : bodies) {
            accepted += ((IngestionResult.Ingested) pipeline.ingest(body, Transport.SIMULATOR)).accepted();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (accepted != rows.rawEvents()) {
            throw new IllegalStateException(label + ": accepted " + accepted + " but stored " + rows.rawEvents());
        }
        return accepted / seconds;
    }

    /** Loads the raw_event rows the pipeline would write, parsed beforehand, with COPY ... FROM STDIN (CSV). */
    private static double copy(HikariDataSource dataSource, List<String> events) throws Exception {
        EventParser parser = new EventParser();
        StringBuilder csv = new StringBuilder();
        HexFormat hex = HexFormat.of();
        for (String event : events) {
            GenesysEvent parsed = ((ParseResult.Items) parser.parse(event)).acceptedEvents().get(0);
            csv.append("\\x").append(hex.formatHex(parsed.identity().digest())).append(',')
                    .append(quote(parsed.identity().key())).append(',')
                    .append(parsed.kind().name()).append(',')
                    .append(quote(parsed.topicName())).append(',')
                    .append(parsed.eventTime()).append(",simulator,")
                    .append(quote("{\"layers\":[\"NOTIFICATION\"],\"ids\":{}}")).append(',')
                    .append(quote(parsed.eventBodyJson())).append(",false\n");
        }
        String data = csv.toString();
        try (Connection connection = dataSource.getConnection()) {
            long start = System.nanoTime();
            long copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY raw_event (identity_digest, identity_key, topic_kind, topic_name, event_time, source, "
                            + "envelope, body, late) FROM STDIN (FORMAT csv)", new StringReader(data));
            double seconds = (System.nanoTime() - start) / 1e9;
            return copied / seconds;
        }
    }

    private static String quote(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static List<String> events(int firstId, int count, long t0) {
        List<String> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(TestEvents.acdStart("bench-" + (firstId + i), t0 + i));
        }
        return events;
    }

    private static List<byte[]> bodies(List<String> events, int batchSize) {
        List<byte[]> bodies = new ArrayList<>();
        for (int from = 0; from < events.size(); from += batchSize) {
            List<String> slice = events.subList(from, Math.min(events.size(), from + batchSize));
            String body = batchSize == 1 ? slice.get(0) : TestEvents.batch(slice);
            bodies.add(body.getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }
}
