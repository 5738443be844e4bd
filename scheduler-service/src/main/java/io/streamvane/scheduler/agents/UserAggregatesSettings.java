package io.streamvane.scheduler.agents;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code streamvane.scheduler.user-aggregates.*}, defaults in code; the schedule is
 * {@code streamvane.scheduler.jobs.user-aggregates.*}.
 *
 * <p>When: at each pass of the queue reconciliation ({@code streamvane.scheduler.reconcile.passes}, T+1h and T+48h),
 * so agent and queue figures are compared with Genesys at the same ages.
 *
 * @param chunk           the interval of one request
 * @param maxCatchUp      how far back a run that fell behind still catches up
 * @param usersPerRequest userId predicates per {@code users/aggregates/query} (Genesys allows at most 100)
 */
@Validated
@ConfigurationProperties("streamvane.scheduler.user-aggregates")
public record UserAggregatesSettings(
        @NotNull @DurationMin(minutes = 1) @DefaultValue("PT1H") Duration chunk,
        @NotNull @DurationMin(seconds = 0) @DefaultValue("P2D") Duration maxCatchUp,
        @Min(1) @Max(100) @DefaultValue("100") int usersPerRequest) {
}
