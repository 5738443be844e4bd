package io.streamvane.egress.delivery;

import io.streamvane.model.kpi.Granularity;
import java.util.Objects;

/**
 * Which interval rows a sink wants: their granularity (a whole multiple of the stored PT15M buckets) and whether only
 * final rows are sent (a final row that is later restated is sent again, with its higher revision).
 */
public record FeedShape(Granularity granularity, boolean finalOnly) {

    public FeedShape {
        Objects.requireNonNull(granularity, "granularity");
        if (!granularity.isMultipleOf(Granularity.DEFAULT_BASE)) {
            throw new IllegalArgumentException(granularity + " is not a multiple of " + Granularity.DEFAULT_BASE);
        }
    }
}
