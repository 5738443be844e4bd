package io.streamvane.ingress.guard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * How far back event identities are kept (SPEC §1.3): {@code raw_event}'s daily partitions (UTC) from
 * today − retention on. The partition job drops the days before; ingress refuses events before it
 * ({@code beyond-dedup-horizon}), since such an event can no longer be told from a redelivery.
 *
 * @param retention {@code streamvane.ingress.raw-retention}, whole days count
 */
public record DedupHorizon(Duration retention) {

    public DedupHorizon {
        Objects.requireNonNull(retention, "retention");
    }

    /** The oldest day whose identities are still kept. */
    public LocalDate oldestKeptDay(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(retention.toDays());
    }

    /** Events before this instant are beyond the horizon. */
    public Instant start(Instant now) {
        return oldestKeptDay(now).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
