package io.streamvane.scheduler.gapfill;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param chunk        the interval of one aggregates request (hour-sized by default; Genesys's maximum is unconfirmed)
 * @param closedLag    how long after an interval ends before it is asked for (current intervals are moving targets)
 * @param maxChunksPerRun bound on API requests per gap per run, so one huge backfill cannot starve other jobs
 */
@ConfigurationProperties("streamvane.scheduler.gap-fill")
public record GapFillSettings(Duration chunk, Duration closedLag, Integer maxChunksPerRun) {

    public GapFillSettings {
        chunk = chunk == null ? Duration.ofHours(1) : chunk;
        closedLag = closedLag == null ? Duration.ofMinutes(2) : closedLag;
        maxChunksPerRun = maxChunksPerRun == null ? 500 : maxChunksPerRun;
    }

    public static GapFillSettings defaults() {
        return new GapFillSettings(null, null, null);
    }
}
