package io.streamvane.scheduler.observe;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code streamvane.scheduler.observation-poll.*}, defaults in code; the schedule is
 * {@code streamvane.scheduler.jobs.observation-poll.*}.
 *
 * @param staleAfter       an event-side waiting contact Genesys does not list is expired once it waited this long
 * @param queuesPerRequest queues per {@code queues/observations/query}
 */
@Validated
@ConfigurationProperties("streamvane.scheduler.observation-poll")
public record ObservationPollSettings(
        @NotNull @DurationMin(seconds = 0) @DefaultValue("PT2M") Duration staleAfter,
        @Min(1) @Max(100) @DefaultValue("100") int queuesPerRequest) {
}
