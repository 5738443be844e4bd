package io.streamvane.simulator.model;

import java.time.Duration;

/**
 * How callers and agents behave on one media type. Patience is a mixture: a share of callers give up almost at
 * once (under {@code shortAbandonBelow}, which yields short abandons) and the rest follow a log-normal.
 */
public record MediaBehaviour(LogNormal talk, double holdProbability, LogNormal hold, LogNormal acw,
                             LogNormal patience, double impatientShare, Duration shortAbandonBelow) {

    public static MediaBehaviour voiceDefaults() {
        return new MediaBehaviour(
                LogNormal.of(Duration.ofSeconds(240), 0.6), 0.3, LogNormal.of(Duration.ofSeconds(40), 0.7),
                LogNormal.of(Duration.ofSeconds(45), 0.5), LogNormal.of(Duration.ofSeconds(120), 0.9),
                0.08, Duration.ofSeconds(10));
    }

    public static MediaBehaviour chatDefaults() {
        return new MediaBehaviour(
                LogNormal.of(Duration.ofSeconds(420), 0.5), 0.0, LogNormal.of(Duration.ofSeconds(30), 0.5),
                LogNormal.of(Duration.ofSeconds(30), 0.5), LogNormal.of(Duration.ofSeconds(240), 0.8),
                0.05, Duration.ofSeconds(10));
    }
}
