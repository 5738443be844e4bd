package io.streamvane.egress.wallboard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code streamvane.egress.wallboard.*}.
 *
 * @param enabled         serve the page and the stream
 * @param debounce        how long a burst of change notifications is gathered before one snapshot is computed
 * @param heartbeat       comment sent to idle streams so proxies keep them open
 * @param resync          snapshot recomputed this often while screens are open, without a notification (interval
 *                        roll-over, a notification lost with its connection)
 * @param streamTimeout   a stream is closed after this and the browser reconnects (bounds a vanished client)
 * @param maxStreams      open streams accepted at once; more are answered 503
 * @param defaultSlTarget SL target (fraction) where Genesys gave the queue none
 */
@ConfigurationProperties("streamvane.egress.wallboard")
public record WallboardProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("50ms") Duration debounce,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("30s") Duration resync,
        @DefaultValue("30m") Duration streamTimeout,
        @DefaultValue("500") int maxStreams,
        @DefaultValue("0.8") double defaultSlTarget) {

    public WallboardProperties {
        if (maxStreams < 1) {
            throw new IllegalArgumentException("streamvane.egress.wallboard.max-streams must be at least 1");
        }
        if (defaultSlTarget < 0 || defaultSlTarget > 1) {
            throw new IllegalArgumentException("streamvane.egress.wallboard.default-sl-target must be in 0..1");
        }
    }
}
