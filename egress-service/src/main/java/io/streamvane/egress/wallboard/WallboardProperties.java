package io.streamvane.egress.wallboard;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

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
 * @param maxStreamsPerOwner open streams one credential (API key or token subject) may hold; more are answered 429
 * @param tokenTtl        how long a stream token ({@code POST /api/v1/wallboard/tokens}) may wait to be used; it is
 *                        good for one stream
 * @param groups          named sets of queues (by id, or every queue of a Genesys division) a screen shows alone
 *                        ({@code ?group=}) or rotates through ({@code ?tv=<seconds>}); a queue may be in several
 */
@Validated
@ConfigurationProperties("streamvane.egress.wallboard")
public record WallboardProperties(
        @DefaultValue("true") boolean enabled,
        @NotNull @DefaultValue("50ms") Duration debounce,
        @NotNull @DurationMin(millis = 1) @DefaultValue("15s") Duration heartbeat,
        @NotNull @DurationMin(millis = 1) @DefaultValue("30s") Duration resync,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("30m") Duration streamTimeout,
        @Min(1) @DefaultValue("500") int maxStreams,
        @Min(1) @DefaultValue("100") int maxStreamsPerOwner,
        @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 10) @DefaultValue("60s") Duration tokenTtl,
        List<@Valid Group> groups) {

    public WallboardProperties {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** One group: its name on the screen, and its queues by id and by division id. */
    public record Group(@NotBlank String name, List<String> queues, List<String> divisions) {

        public Group {
            queues = queues == null ? List.of() : List.copyOf(queues);
            divisions = divisions == null ? List.of() : List.copyOf(divisions);
        }

        boolean contains(String queueId, String divisionId) {
            return queues.contains(queueId) || (divisionId != null && divisions.contains(divisionId));
        }
    }
}
