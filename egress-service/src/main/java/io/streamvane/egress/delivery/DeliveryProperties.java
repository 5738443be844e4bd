package io.streamvane.egress.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
@ConfigurationProperties("streamvane.egress.delivery")
public record DeliveryProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("true") boolean listen,
        @DefaultValue("500") int takeOverBatch,
        @DefaultValue("12") int maxAttempts,
        @DefaultValue("5s") Duration initialBackoff,
        @DefaultValue("6h") Duration maxBackoff,
        @DefaultValue("BEGINNING") StartFrom startFrom) {

    public enum StartFrom { BEGINNING, LATEST }

    public Backoff backoff() {
        return new Backoff(initialBackoff, maxBackoff, maxAttempts);
    }
}
