package io.streamvane.simulator.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * One queue × media type's service-level goal as Genesys reference data carries it: what a store seeds into its
 * service-level settings so that its "answered within SL" means the same as the simulator's ground truth.
 *
 * @param mediaType lower case, as the store keys it
 */
public record ServiceLevelGoal(String queueId, String mediaType, Duration threshold, double target) {

    /** The target as a percentage with two decimals (0.8 → 80.00). */
    public BigDecimal targetPercent() {
        return BigDecimal.valueOf(target * 100).setScale(2, RoundingMode.HALF_UP);
    }
}
