package io.streamvane.ingress.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the ingress pipeline, its guard and HTTP ingress ({@code streamvane.ingress.*}); defaults in code.
 *
 * @param maxBodySize       the largest body any transport may hand in (SPEC §1.4: 1 MiB); HTTP answers 413 above it
 * @param maxBatchItems     the most envelopes in one JSON array; a larger batch is refused whole
 * @param maxNestingDepth   the deepest JSON nesting accepted, so hostile input cannot exhaust the stack
 * @param maxClockSkew      how far ahead of the receive time an event time still moves the watermark; an event
 *                          stamped further ahead is stored and counted, but moves the watermark only this far
 * @param rawRetention      how long raw events (and so the dedup horizon) are kept, by event time
 * @param partitions        the raw-store partition maintenance job
 * @param storeRetryAfter   what HTTP's 503 {@code Retry-After} advises when the store is unavailable
 */
@Validated
@ConfigurationProperties("streamvane.ingress")
public record IngressProperties(
        @NotNull @DefaultValue("1MB") DataSize maxBodySize,
        @Min(1) @Max(1_000_000) @DefaultValue("10000") int maxBatchItems,
        @Min(8) @Max(1000) @DefaultValue("64") int maxNestingDepth,
        @NotNull @DefaultValue("2m") Duration maxClockSkew,
        @NotNull @DefaultValue("35d") Duration rawRetention,
        @NotNull @Valid @DefaultValue Partitions partitions,
        @NotNull @DefaultValue("5s") Duration storeRetryAfter) {

    /**
     * @param enabled      whether this replica runs the job (every replica may: replicas skip a run another holds)
     * @param lookahead    how far ahead of today daily partitions are created
     * @param interval     time between runs
     * @param initialDelay time from startup to the first run
     */
    public record Partitions(
            @DefaultValue("true") boolean enabled,
            @NotNull @DefaultValue("14d") Duration lookahead,
            @NotNull @DefaultValue("1h") Duration interval,
            @NotNull @DefaultValue("10s") Duration initialDelay) {

        @AssertTrue(message = "lookahead must be at least one day and interval positive")
        boolean isSane() {
            return lookahead == null || interval == null
                    || (lookahead.compareTo(Duration.ofDays(1)) >= 0 && !interval.isNegative() && !interval.isZero());
        }
    }

    @AssertTrue(message = "maxBodySize must be between 1 byte and 2 GiB")
    boolean isMaxBodySizeInRange() {
        return maxBodySize == null || (maxBodySize.toBytes() >= 1 && maxBodySize.toBytes() <= Integer.MAX_VALUE);
    }

    @AssertTrue(message = "maxClockSkew must not be negative and rawRetention must be at least one day")
    boolean isTimingSane() {
        return rawRetention == null || maxClockSkew == null
                || (!maxClockSkew.isNegative() && rawRetention.compareTo(Duration.ofDays(1)) >= 0);
    }
}
