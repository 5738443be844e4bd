package io.streamvane.scheduler.reconcile;

import io.streamvane.platform.settings.SettingsBinder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code streamvane.scheduler.reconcile.*}, defaults in code.
 *
 * @param passes     when closed intervals are compared again; unset or empty: {@link #DEFAULT_PASSES}, T+1h (record
 *                   only) and T+48h, Genesys's restatement horizon (adopt Genesys's figures when drift exceeds the
 *                   tolerance)
 * @param tolerance  drift at or below {@code max(absolute, relative × |api value|)} is recorded but never adopted
 * @param chunk      the interval of one aggregates request
 * @param maxCatchUp how far back a pass that fell behind (service down) still catches up
 */
@Validated
@ConfigurationProperties("streamvane.scheduler.reconcile")
public record ReconcileSettings(
        List<@NotNull @Valid Pass> passes,
        @NotNull @Valid @DefaultValue Tolerance tolerance,
        @NotNull @DurationMin(minutes = 1) @DefaultValue("PT1H") Duration chunk,
        @NotNull @DurationMin(seconds = 0) @DefaultValue("P2D") Duration maxCatchUp) {

    /** A list of records has no {@code @DefaultValue}: the default passes are this constant, applied when unset. */
    public static final List<Pass> DEFAULT_PASSES =
            List.of(new Pass("T+1h", Duration.ofHours(1), false), new Pass("T+48h", Duration.ofHours(48), true));

    /**
     * @param name  the pass's name in {@code reconcile_cursor}, drift rows and metrics
     * @param age   how old a closed interval is when this pass compares it
     * @param adopt whether this pass adopts Genesys's figures where drift exceeds the tolerance
     */
    public record Pass(@NotBlank String name, @NotNull @DurationMin(seconds = 0) Duration age, boolean adopt) {
    }

    /**
     * @param absolute drift at or below this count is never adopted
     * @param relative nor at or below this fraction of the API value
     */
    public record Tolerance(@Min(0) @DefaultValue("0") long absolute,
            @DecimalMin("0") @DefaultValue("0.0") double relative) {

        public boolean exceeded(long drift, long apiValue) {
            return Math.abs(drift) > Math.max(absolute, (long) Math.floor(relative * Math.abs(apiValue)));
        }
    }

    public ReconcileSettings {
        // Not List.copyOf: an element left null (only unknown keys under passes[i]) is validation's to report.
        passes = passes == null || passes.isEmpty() ? DEFAULT_PASSES
                : Collections.unmodifiableList(new ArrayList<>(passes));
    }

    @AssertTrue(message = "passes must have distinct names")
    boolean isPassNamesDistinct() {
        return passes.stream().map(p -> p == null ? null : p.name()).distinct().count() == passes.size();
    }

    public static ReconcileSettings defaults() {
        return SettingsBinder.defaults(ReconcileSettings.class);
    }

    public ReconcileSettings withTolerance(Tolerance tolerance) {
        return new ReconcileSettings(passes, tolerance, chunk, maxCatchUp);
    }
}
