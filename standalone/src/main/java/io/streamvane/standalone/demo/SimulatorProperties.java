package io.streamvane.standalone.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code streamvane.simulator.*}: the demo's event source.
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
 * @param apiPort           port of the fake Genesys API; 0 picks a free one at start
 * @param apiClientId       OAuth client id the fake API accepts; empty means one generated at start
 * @param apiClientSecret   its secret; empty means one generated at start
 * @param apiRequestsPerMinute the fake API's per-client budget
 * @param apiTokenLifetime  lifetime of the fake API's tokens
 */
@ConfigurationProperties("streamvane.simulator")
public record SimulatorProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("60") double speedup,
        Instant start,
        @DefaultValue("2h") Duration history,
        ZoneId siteTimeZone,
        @DefaultValue("1d") Duration duration,
        @DefaultValue("42") long seed,
        @DefaultValue("1.0") double arrivalRateScale,
        @DefaultValue("NONE") Faults faults,
        String ingressUrl,
        @DefaultValue("0") int apiPort,
        String apiClientId,
        String apiClientSecret,
        @DefaultValue("300") int apiRequestsPerMinute,
        @DefaultValue("24h") Duration apiTokenLifetime) {

    public enum Faults { NONE, TYPICAL }

    public SimulatorProperties {
        if (!(speedup > 0)) {
            throw new IllegalArgumentException("streamvane.simulator.speedup must be positive");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("streamvane.simulator.duration must be positive");
        }
    }
}
