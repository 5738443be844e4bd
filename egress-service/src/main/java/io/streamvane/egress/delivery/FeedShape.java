package io.streamvane.egress.delivery;

import io.streamvane.model.kpi.Granularity;
import java.util.Objects;

/**
 * Which interval rows a sink wants: their granularity (a whole multiple of the stored base buckets, checked when the
 * delivery engine starts), whether only final rows are sent (a final row that is later restated is sent again, with
 * its higher revision), and whether intervals without any stored row are sent as zero rows once final
 * ({@code zeroFill}, SPEC §3.3 "all intervals including zeros"; see {@link DeliveryStore#zeroFill}; queue rows only),
 * and which rows it takes: queue interval rows ({@code queues}), agent interval rows ({@link AgentIntervalPayload},
 * {@code agents}), or both.
 */
public record FeedShape(Granularity granularity, boolean finalOnly, boolean zeroFill, boolean queues, boolean agents) {

    public FeedShape {
        Objects.requireNonNull(granularity, "granularity");
        if (!queues && !agents) {
            throw new IllegalArgumentException("a feed takes queue rows, agent rows or both");
        }
        zeroFill = zeroFill && queues;
    }

    /** A queue-row shape. */
    public FeedShape(Granularity granularity, boolean finalOnly, boolean zeroFill) {
        this(granularity, finalOnly, zeroFill, true, false);
    }

    /** A shape without zero-fill (only intervals with stored rows are sent). */
    public FeedShape(Granularity granularity, boolean finalOnly) {
        this(granularity, finalOnly, false);
    }
}
