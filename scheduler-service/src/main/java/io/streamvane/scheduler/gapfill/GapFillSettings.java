package io.streamvane.scheduler.gapfill;

import io.streamvane.platform.settings.SettingsBinder;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code streamvane.scheduler.gap-fill.*}, defaults in code.
 *
 * @param chunk        the interval of one aggregates request (hour-sized by default; Genesys's maximum is unconfirmed)
 * @param closedLag    how long after an interval ends before it is asked for (current intervals are moving targets)
 * @param maxChunksPerRun bound on API requests per gap per run, so one huge backfill cannot starve other jobs
 */
@Validated
@ConfigurationProperties("streamvane.scheduler.gap-fill")
public record GapFillSettings(
        @NotNull @DurationMin(minutes = 1) @DefaultValue("PT1H") Duration chunk,
        @NotNull @DurationMin(seconds = 0) @DefaultValue("PT2M") Duration closedLag,
        @Min(1) @DefaultValue("500") int maxChunksPerRun) {

    public static GapFillSettings defaults() {
        return SettingsBinder.defaults(GapFillSettings.class);
    }
}
