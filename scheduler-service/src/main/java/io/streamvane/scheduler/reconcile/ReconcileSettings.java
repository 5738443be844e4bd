package io.streamvane.scheduler.reconcile;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param passes     when closed intervals are compared again; by default T+1h (record only) and T+48h, Genesys's
 *                   restatement horizon (adopt Genesys's figures when drift exceeds the tolerance)
 * @param tolerance  drift at or below {@code max(absolute, relative × |api value|)} is recorded but never adopted
 * @param maxCatchUp how far back a pass that fell behind (service down) still catches up
 */
@ConfigurationProperties("streamvane.scheduler.reconcile")
public record ReconcileSettings(List<Pass> passes, Tolerance tolerance, Duration chunk, Duration maxCatchUp) {

    public record Pass(String name, Duration age, boolean adopt) {
    }

    public record Tolerance(long absolute, double relative) {

        public boolean exceeded(long drift, long apiValue) {
            return Math.abs(drift) > Math.max(absolute, (long) Math.floor(relative * Math.abs(apiValue)));
        }
    }

    public ReconcileSettings {
        passes = passes == null || passes.isEmpty()
                ? List.of(new Pass("T+1h", Duration.ofHours(1), false), new Pass("T+48h", Duration.ofHours(48), true))
                : List.copyOf(passes);
        tolerance = tolerance == null ? new Tolerance(0, 0.0) : tolerance;
        chunk = chunk == null ? Duration.ofHours(1) : chunk;
        maxCatchUp = maxCatchUp == null ? Duration.ofDays(2) : maxCatchUp;
    }

    public static ReconcileSettings defaults() {
        return new ReconcileSettings(null, null, null, null);
    }
}
