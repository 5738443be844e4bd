package io.streamvane.egress.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param sourceIdleTimeout a watermark source not updated for this long no longer holds finality back (the
 *                       engine's {@code streamvane.engine.finality.source-idle-timeout}; keep the two equal); read
 *                       by every egress surface, since the one reader of interval rows judges finality with it
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
        @DefaultValue("BEGINNING") StartFrom startFrom,
        @DefaultValue("30m") Duration sourceIdleTimeout) {

    @ConstructorBinding
    public DeliveryProperties {
    }

    /** Without a source idle timeout: the engine's default, 30 minutes. */
    public DeliveryProperties(boolean enabled, Duration pollInterval, boolean listen, int takeOverBatch,
            int maxAttempts, Duration initialBackoff, Duration maxBackoff, StartFrom startFrom) {
        this(enabled, pollInterval, listen, takeOverBatch, maxAttempts, initialBackoff, maxBackoff, startFrom,
                Duration.ofMinutes(30));
    }

    public enum StartFrom { BEGINNING, LATEST }

    public static DeliveryProperties defaults() {
        return new DeliveryProperties(true, Duration.ofSeconds(1), true, 500, 12, Duration.ofSeconds(5),
                Duration.ofHours(6), StartFrom.BEGINNING);
    }

    public Backoff backoff() {
        return new Backoff(initialBackoff, maxBackoff, maxAttempts);
    }
}
