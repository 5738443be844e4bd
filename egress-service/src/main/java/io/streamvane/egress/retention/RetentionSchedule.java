package io.streamvane.egress.retention;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the outbox retention on every replica at a fixed delay; a run another replica holds is cut short. */
class RetentionSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

    private final OutboxRetention retention;

    RetentionSchedule(OutboxRetention retention) {
        this.retention = retention;
    }

    @Scheduled(initialDelayString = "${streamvane.egress.delivery.retention.initial-delay:1m}",
               fixedDelayString = "${streamvane.egress.delivery.retention.interval:1h}")
    void purge() {
        try {
            retention.runOnce();
        } catch (Exception e) {
            // The next run retries; the tables only grow a little meanwhile.
            LOG.warn("sink outbox retention failed: {}", e.toString());
        }
    }
}
