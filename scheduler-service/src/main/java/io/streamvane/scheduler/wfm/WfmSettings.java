package io.streamvane.scheduler.wfm;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code streamvane.scheduler.wfm.*}, defaults in code; the schedule is
 * {@code streamvane.scheduler.jobs.wfm-intraday.*}.
 *
 * @param businessUnitIds comma-separated; empty: the job does nothing
 * @param timeZone        the business unit's zone ({@code businessUnitDate} is a local date)
 * @param daysAhead       days after today asked for (1: today and tomorrow)
 * @param intervalMinutes {@code intervalLengthMinutes} of the intraday request
 */
@Validated
@ConfigurationProperties("streamvane.scheduler.wfm")
public record WfmSettings(
        @NotNull @DefaultValue List<String> businessUnitIds,
        @NotNull @DefaultValue("UTC") ZoneId timeZone,
        @Min(0) @Max(31) @DefaultValue("1") int daysAhead,
        @Min(1) @Max(1440) @DefaultValue("15") int intervalMinutes) {

    public WfmSettings {
        // "" in application.yml, or a trailing comma, must not become a business unit.
        businessUnitIds = businessUnitIds.stream().map(String::trim).filter(b -> !b.isEmpty()).toList();
    }
}
