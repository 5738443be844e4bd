package io.streamvane.egress.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code streamvane.egress.delivery.retention.*}: how long the sink outbox keeps settled rows.
 *
 * @param enabled      run the retention job in this instance (where delivery runs)
 * @param delivered    delivered and superseded deliveries are deleted this long after they settled
 * @param deadLettered dead-lettered deliveries are deleted this long after they were dead-lettered (an operator's
 *                     window to retry them; a replay re-enqueues the row after that)
 * @param changeLog    change-log rows every configured sink has taken over are deleted once this old
 * @param interval     pause between runs (read by the schedule's placeholder, as ingress's partition job does)
 * @param initialDelay first run after start-up
 * @param batchSize    rows deleted per transaction, so a first run on a large table holds no long locks
 */
@ConfigurationProperties("streamvane.egress.delivery.retention")
public record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("7d") Duration delivered,
        @DefaultValue("30d") Duration deadLettered,
        @DefaultValue("2d") Duration changeLog,
        @DefaultValue("1h") Duration interval,
        @DefaultValue("1m") Duration initialDelay,
        @DefaultValue("5000") int batchSize) {

    public RetentionProperties {
        for (Duration d : new Duration[] {delivered, deadLettered, changeLog, interval}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(
                        "streamvane.egress.delivery.retention durations must be positive, got " + d);
            }
        }
        if (batchSize < 1 || batchSize > 100_000) {
            throw new IllegalArgumentException("streamvane.egress.delivery.retention.batch-size must be in 1..100000");
        }
    }

    public OutboxRetention.Limits limits() {
        return new OutboxRetention.Limits(delivered, deadLettered, changeLog, batchSize);
    }
}
