package io.streamvane.egress.delivery;

import java.time.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by every push sink ({@code streamvane.egress.delivery.*}).
 *
 * @param enabled        run the engine's loops in this instance
 * @param pollInterval   longest wait between cycles; NOTIFY on streamvane_kpi_changes wakes the loops sooner
 * @param listen         LISTEN for change-log notifications (else poll only)
 * @param takeOverBatch  change-log rows turned into deliveries per transaction
 * @param maxAttempts    attempts after which a delivery is dead-lettered
 * @param initialBackoff first retry delay (doubles per attempt, with jitter)
 * @param maxBackoff     cap of the retry delay
 * @param startFrom      where a new sink's cursor starts: BEGINNING (all of the retained change log) or LATEST;
 *                       for zero-fill: BEGINNING from the earliest stored interval, LATEST from the watermark
 */
@Validated
@ConfigurationProperties("streamvane.egress.delivery")
public record DeliveryProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DurationMin(millis = 1) @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("true") boolean listen,
        @Min(1) @Max(100_000) @DefaultValue("500") int takeOverBatch,
        @Min(1) @Max(1000) @DefaultValue("12") int maxAttempts,
        @NotNull @DurationMin(millis = 1) @DefaultValue("5s") Duration initialBackoff,
        @NotNull @DurationMin(millis = 1) @DefaultValue("6h") Duration maxBackoff,
        @NotNull @DefaultValue("BEGINNING") StartFrom startFrom) {

    public enum StartFrom { BEGINNING, LATEST }

    public Backoff backoff() {
        return new Backoff(initialBackoff, maxBackoff, maxAttempts);
    }
}
