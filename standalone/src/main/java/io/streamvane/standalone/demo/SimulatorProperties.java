package io.streamvane.standalone.demo;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code streamvane.simulator.*}: the demo's event source; defaults in code.
 *
 * @param enabled           off by default; the demo profile turns it on
 * @param speedup           simulated seconds per wall second while catching up with the wall clock; never faster
 *                          than real time once caught up, so no event is ever sent before it happened
 * @param start             simulated start; empty means {@code history} before now, so the wallboard opens on
 *                          recent intervals and then moves live
 * @param history           how far before now an unset {@code start} lies
 * @param siteTimeZone      IANA time zone of the simulated site, whose local hours shape the arrivals; empty means
 *                          the real site whose local time at start-up is nearest 13:00, so the demo is busy at any hour
 * @param duration          simulated arrival window (the run drains after it)
 * @param seed              same seed, same day
 * @param arrivalRateScale  load knob on every queue's arrival rate
 * @param faults            NONE or TYPICAL (2% duplicates, 30 s reordering, 1% ten minutes late, 0.5% poison)
 * @param ingressUrl        where events are POSTed; empty means this app's own HTTP ingress
 * @param apiKey            the ingest-scoped key the simulator posts with; empty means one generated at start (and
 *                          registered as the only admin key when {@code streamvane.security.api-keys} is empty)
 * @param apiPort           port of the fake Genesys API; 0 picks a free one at start
 * @param apiClientId       OAuth client id the fake API accepts; empty means one generated at start
 * @param apiClientSecret   its secret; empty means one generated at start
 * @param apiRequestsPerMinute the fake API's per-client budget
 * @param apiTokenLifetime  lifetime of the fake API's tokens
 */
@Validated
@ConfigurationProperties("streamvane.simulator")
public record SimulatorProperties(
        @DefaultValue("false") boolean enabled,
        @DecimalMin(value = "0", inclusive = false) @DefaultValue("60") double speedup,
        Instant start,
        @NotNull @DurationMin(seconds = 0) @DefaultValue("2h") Duration history,
        ZoneId siteTimeZone,
        @NotNull @DurationMin(millis = 1) @DefaultValue("1d") Duration duration,
        @DefaultValue("42") long seed,
        @DecimalMin("0") @DefaultValue("1.0") double arrivalRateScale,
        @NotNull @DefaultValue("NONE") Faults faults,
        String ingressUrl,
        String apiKey,
        @Min(0) @Max(65535) @DefaultValue("0") int apiPort,
        String apiClientId,
        String apiClientSecret,
        @Min(1) @DefaultValue("300") int apiRequestsPerMinute,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("24h") Duration apiTokenLifetime) {

    public enum Faults { NONE, TYPICAL }
}
