package io.streamvane.engine.config;

import io.streamvane.engine.finality.AcdSessionExpiry;
import io.streamvane.engine.finality.FinalitySweep;
import io.streamvane.engine.inbox.InboxWorkers;
import io.streamvane.engine.settings.ServiceLevelSettingsSource;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Starts the inbox workers and the periodic jobs (finality, ACD expiry, SL refresh) after Flyway; stops gracefully. */
public final class EngineLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EngineLifecycle.class);

    private final EngineProperties p;
    private final InboxWorkers workers;
    private final FinalitySweep finality;
    private final AcdSessionExpiry expiry;
    private final ServiceLevelSettingsSource settings;
    private ScheduledExecutorService jobs;

    EngineLifecycle(EngineProperties p, InboxWorkers workers, FinalitySweep finality, AcdSessionExpiry expiry,
            ServiceLevelSettingsSource settings) {
        this.p = p;
        this.workers = workers;
        this.finality = finality;
        this.expiry = expiry;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (!p.enabled() || jobs != null) {
            return;
        }
        jobs = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "engine-jobs");
            t.setDaemon(true);
            return t;
        });
        schedule("settings refresh", Duration.ZERO, p.serviceLevel().refreshInterval(), settings::refresh);
        schedule("finality sweep", p.finality().sweepInterval(), p.finality().sweepInterval(), finality::sweep);
        schedule("acd session expiry", p.acdSessions().sweepInterval(), p.acdSessions().sweepInterval(),
                expiry::expire);
        workers.start();
    }

    private interface Job {
        Object run() throws Exception;
    }

    private void schedule(String name, Duration delay, Duration every, Job job) {
        jobs.scheduleWithFixedDelay(() -> {
            try {
                job.run();
            } catch (Exception e) {
                log.warn("engine job '{}' failed; next run in {}", name, every, e);
            }
        }, delay.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        workers.stop();
        if (jobs != null) {
            jobs.shutdownNow();
            jobs = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return jobs != null;
    }
}
