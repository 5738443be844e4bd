package io.streamvane.ingress.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.streamvane.ingress.guard.DedupHorizon;
import io.streamvane.ingress.StoreRows;
import io.streamvane.ingress.TestEvents;
import io.streamvane.ingress.guard.RawEventStore;
import io.streamvane.ingress.guard.WatermarkTracker;
import io.streamvane.model.event.EventParser;
import io.streamvane.testsupport.TestDatabase;
import io.streamvane.testsupport.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Two pipelines (as two replicas: own store, own watermark cache, own connections) racing on overlapping batches. */
class ConcurrentIngestionTest {

    private static final int DISTINCT_EVENTS = 400;
    private static final int THREADS_PER_PIPELINE = 3;
    private static final int BATCHES_PER_THREAD = 15;
    private static final int BATCH_SIZE = 60;

    @Test
    void twoPipelinesIngestingOverlappingDuplicatedBatchesStoreEveryEventExactlyOnce() throws Exception {
        TestDatabase db = TestDatabases.freshMigrated();
        long t0 = Instant.now().minus(Duration.ofHours(2)).toEpochMilli();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < DISTINCT_EVENTS; i++) {
            events.add(TestEvents.acdStart("conv-" + i, t0 + i * 1000L));
        }
        List<EventIngestion> replicas = List.of(replica(db), replica(db));
        AtomicInteger accepted = new AtomicInteger();
        Set<Integer> sent = java.util.concurrent.ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_PIPELINE);
        List<Future<?>> work = new ArrayList<>();
        for (int thread = 0; thread < 2 * THREADS_PER_PIPELINE; thread++) {
            EventIngestion replica = replicas.get(thread % 2);
            Random random = new Random(thread);
            work.add(pool.submit(() -> {
                start.await();
                for (int b = 0; b < BATCHES_PER_THREAD; b++) {
                    List<String> batch = new ArrayList<>();
                    for (int k = 0; k < BATCH_SIZE; k++) {
                        int pick = random.nextInt(DISTINCT_EVENTS);
                        sent.add(pick);
                        batch.add(events.get(pick));
                        if (random.nextInt(10) == 0) {
                            batch.add(events.get(pick));
                        }
                    }
                    var result = (IngestionResult.Ingested) replica.ingest(
                            TestEvents.batch(batch).getBytes(StandardCharsets.UTF_8), Transport.HTTP);
                    assertThat(result.accepted() + result.duplicates()).isEqualTo(batch.size());
                    accepted.addAndGet(result.accepted());
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : work) {
            future.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        StoreRows rows = new StoreRows(db.dataSource());
        assertThat(rows.rawEvents()).isEqualTo(sent.size());
        assertThat(rows.count("FROM (SELECT DISTINCT identity_digest FROM raw_event) d")).isEqualTo(sent.size());
        assertThat(rows.inboxRows()).isEqualTo(rows.rawEvents());
        assertThat(rows.count("FROM engine_inbox i LEFT JOIN raw_event r ON r.id = i.raw_event_id WHERE r.id IS NULL"))
                .isZero();
        assertThat(accepted.get()).isEqualTo(sent.size());
        assertThat(new HashSet<>(sent)).hasSizeGreaterThan(DISTINCT_EVENTS / 2);
    }

    private static EventIngestion replica(TestDatabase db) {
        return new IngestionPipeline(new EventParser(),
                new RawEventStore(db.dataSource(), new WatermarkTracker(Duration.ofMinutes(5))),
                new DedupHorizon(Duration.ofDays(35)), new SimpleMeterRegistry(), Clock.systemUTC());
    }
}
