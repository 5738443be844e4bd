package io.streamvane.egress.delivery;

import io.streamvane.model.kpi.Granularity;
import java.util.Objects;

/**
 * Which interval rows a sink wants: their granularity (a whole multiple of the stored base buckets, checked when the
 * delivery engine starts), whether only final rows are sent (a final row that is later restated is sent again, with
 * its higher revision), and whether intervals without any stored row are sent as zero rows once final
 * ({@code zeroFill}, SPEC §3.3 "all intervals including zeros"; see {@link DeliveryStore#zeroFill}), and whether the
 * sink takes agent interval rows ({@link AgentIntervalPayload}) beside the queue rows ({@code agents}).
 */
public record FeedShape(Granularity granularity, boolean finalOnly, boolean zeroFill, boolean agents) {

    public FeedShape {
        Objects.requireNonNull(granularity, "granularity");
    }

    /** A queue-row shape. */
    public FeedShape(Granularity granularity, boolean finalOnly, boolean zeroFill) {
        this(granularity, finalOnly, zeroFill, false);
    }

    /** A shape without zero-fill (only intervals with stored rows are sent). */
    public FeedShape(Granularity granularity, boolean finalOnly) {
        this(granularity, finalOnly, false);
    }
}
