package io.streamvane.egress.retention;

import java.time.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code streamvane.egress.delivery.retention.*}: how long the sink outbox keeps settled rows.
 *
 * @param enabled      run the retention job in this instance (where delivery runs)
 * @param delivered    delivered and superseded deliveries are deleted this long after they settled
 * @param deadLettered dead-lettered deliveries are deleted this long after they were dead-lettered (an operator's
 *                     window to retry them; a replay re-enqueues the row after that)
 * @param changeLog    change-log rows every configured sink has taken over are deleted once this old
 * @param interval     pause between runs
 * @param initialDelay first run after start-up
 * @param batchSize    rows deleted per transaction, so a first run on a large table holds no long locks
 */
@Validated
@ConfigurationProperties("streamvane.egress.delivery.retention")
public record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("7d") Duration delivered,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("30d") Duration deadLettered,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("2d") Duration changeLog,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("1h") Duration interval,
        @NotNull @DefaultValue("1m") Duration initialDelay,
        @Min(1) @Max(100_000) @DefaultValue("5000") int batchSize) {

    public OutboxRetention.Limits limits() {
        return new OutboxRetention.Limits(delivered, deadLettered, changeLog, batchSize);
    }
}
