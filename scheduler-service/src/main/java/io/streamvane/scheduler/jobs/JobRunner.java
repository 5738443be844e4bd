package io.streamvane.scheduler.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a named job under its ShedLock lock, for the schedule and for the admin API alike, so "run now" never
 * overlaps a scheduled run on another replica. Locks are explicit (no AOP proxy), which also keeps the jobs
 * testable with two lock providers on one database.
 */
public class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final LockingTaskExecutor locks;
    private final Clock clock;
    private final Duration lockAtMostFor;
    private final Duration lockAtLeastFor;
    private final Map<String, Runnable> jobs = new LinkedHashMap<>();

    public JobRunner(LockProvider lockProvider, Clock clock, Duration lockAtMostFor, Duration lockAtLeastFor) {
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
        this.clock = clock;
        this.lockAtMostFor = lockAtMostFor;
        this.lockAtLeastFor = lockAtLeastFor;
    }

    public JobRunner register(String name, Runnable job) {
        jobs.put(name, job);
        return this;
    }

    public Set<String> names() {
        return jobs.keySet();
    }

    public boolean knows(String name) {
        return jobs.containsKey(name);
    }

    /** True when this replica held the lock and ran the job; false when another replica holds it. */
    public boolean run(String name) {
        Runnable job = jobs.get(name);
        if (job == null) {
            throw new IllegalArgumentException("unknown job " + name + "; known: " + jobs.keySet());
        }
        try {
            return locks.executeWithLock(() -> {
                job.run();
                return Boolean.TRUE;
            }, new LockConfiguration(clock.instant(), "scheduler-" + name, lockAtMostFor, lockAtLeastFor)).wasExecuted();
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("job " + name + " failed", t);
        }
    }

    /** For the schedule: failures are logged, never thrown into the scheduler thread. */
    public void runScheduled(String name) {
        try {
            if (!run(name)) {
                log.debug("job {} skipped: locked by another replica", name);
            }
        } catch (RuntimeException e) {
            log.warn("job {} failed: {}", name, e.toString());
        }
    }
}
