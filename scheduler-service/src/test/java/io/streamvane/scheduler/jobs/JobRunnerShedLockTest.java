package io.streamvane.scheduler.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamvane.scheduler.StoreFixture;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class JobRunnerShedLockTest {

    private final StoreFixture store = new StoreFixture();

    private JobRunner replica(Runnable job) {
        JdbcTemplateLockProvider provider = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(store.dataSource)).usingDbTime().build());
        return new JobRunner(provider, Clock.systemUTC(), Duration.ofMinutes(5), Duration.ZERO).register("gap-fill", job);
    }

    @Test
    void twoSchedulersOnOneDatabaseRunAJobOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Runnable job = () -> {
            runs.incrementAndGet();
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        JobRunner a = replica(job);
        JobRunner b = replica(job);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = pool.submit(() -> a.run("gap-fill"));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            Future<Boolean> second = pool.submit(() -> b.run("gap-fill"));
            boolean secondRan = second.get(10, TimeUnit.SECONDS); // returns at once: the lock is held by replica a
            release.countDown();

            assertThat(List.of(first.get(10, TimeUnit.SECONDS), secondRan)).containsExactly(true, false);
            assertThat(runs).hasValue(1);
            assertThat(store.jdbc.queryForObject("SELECT count(*) FROM shedlock WHERE name = 'scheduler-gap-fill'", Integer.class))
                    .isEqualTo(1);
            // Once released, the other replica may take its turn.
            assertThat(b.run("gap-fill")).isTrue();
            assertThat(runs).hasValue(2);
        } finally {
            pool.shutdownNow();
        }
    }
}
