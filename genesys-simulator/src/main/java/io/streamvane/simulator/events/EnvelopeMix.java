package io.streamvane.simulator.events;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Which envelope each delivery gets (shares, normalised) and how often deliveries travel in JSON-array batches.
 *
 * @param batchShare   chance that a message starts a batch rather than carrying one delivery
 * @param maxBatchSize batches hold 2..maxBatchSize deliveries
 */
public record EnvelopeMix(Map<EnvelopeType, Double> shares, double batchShare, int maxBatchSize) {

    public EnvelopeMix {
        EnumMap<EnvelopeType, Double> copy = new EnumMap<>(EnvelopeType.class);
        copy.putAll(shares);
        if (copy.keySet().stream().anyMatch(t -> !EnvelopeType.SINGLE.contains(t))) {
            throw new IllegalArgumentException("only single-event envelopes can have a share: " + copy.keySet());
        }
        if (copy.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new IllegalArgumentException("shares must add up to more than 0");
        }
        if (batchShare < 0 || batchShare > 1 || maxBatchSize < 2) {
            throw new IllegalArgumentException("batchShare in [0,1] and maxBatchSize >= 2 required");
        }
        shares = Collections.unmodifiableMap(copy);
    }

    /** Mostly EventBridge-shaped traffic (the bulk feed), some of every other shape. */
    public static EnvelopeMix defaults() {
        return new EnvelopeMix(Map.of(EnvelopeType.EVENT_BRIDGE, 0.4, EnvelopeType.EVENT_GRID, 0.3,
                EnvelopeType.NOTIFICATION, 0.2, EnvelopeType.CLOUD_EVENTS, 0.1), 0.2, 10);
    }

    public double share(EnvelopeType type) {
        double total = shares.values().stream().mapToDouble(Double::doubleValue).sum();
        return shares.getOrDefault(type, 0.0) / total;
    }

    public EnvelopeType pick(RandomGenerator random) {
        double total = shares.values().stream().mapToDouble(Double::doubleValue).sum();
        double x = random.nextDouble() * total;
        EnvelopeType last = null;
        for (Map.Entry<EnvelopeType, Double> e : shares.entrySet()) {
            last = e.getKey();
            x -= e.getValue();
            if (x < 0) {
                return last;
            }
        }
        return last;
    }
}
