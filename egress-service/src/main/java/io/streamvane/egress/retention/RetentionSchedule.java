package io.streamvane.egress.retention;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the outbox retention on every replica at a fixed delay; a run another replica holds is cut short. The
 * schedule is bound into {@link RetentionProperties}, so its defaults live there alone.
 */
class RetentionSchedule implements SchedulingConfigurer {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

    private final OutboxRetention retention;
    private final RetentionProperties properties;

    RetentionSchedule(OutboxRetention retention, RetentionProperties properties) {
        this.retention = retention;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::purge, properties.interval(), properties.initialDelay()));
    }

    void purge() {
        try {
            retention.runOnce();
        } catch (Exception e) {
            // The next run retries; the tables only grow a little meanwhile.
            LOG.warn("sink outbox retention failed: {}", e.toString());
        }
    }
}
