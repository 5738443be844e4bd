package io.streamvane.simulator.faults;

import io.streamvane.simulator.events.Delivery;
import io.streamvane.simulator.events.EnvelopeMix;
import io.streamvane.simulator.events.EnvelopeType;
import io.streamvane.simulator.events.GenesysEvent;
import io.streamvane.simulator.events.PlannedDelivery;
import io.streamvane.simulator.events.PoisonKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/** Plans the delivery of each event (envelope, send time, copies) under a {@link FaultConfig}. */
public final class FaultInjector {

    /** A duplicate is a retry: it follows the original within this bound (or the reorder window if larger). */
    private static final Duration DUPLICATE_SPREAD = Duration.ofSeconds(30);

    private final FaultConfig faults;
    private final EnvelopeMix mix;
    private final RandomGenerator random;

    public FaultInjector(FaultConfig faults, EnvelopeMix mix, RandomGenerator random) {
        this.faults = faults;
        this.mix = mix;
        this.random = random;
    }

    /** @param events in event-time order, as the model produced them */
    public FaultPlan plan(List<GenesysEvent> events) {
        List<PlannedDelivery> planned = new ArrayList<>(events.size() + events.size() / 10);
        List<GenesysEvent> dropped = new ArrayList<>();
        int duplicates = 0;
        int late = 0;
        int poison = 0;
        long reorderMs = faults.reorderWindow().toMillis();
        long duplicateSpreadMs = Math.max(reorderMs, DUPLICATE_SPREAD.toMillis());
        for (GenesysEvent event : events) {
            if (faults.inOutage(event.eventTimeMs())) {
                dropped.add(event);
                continue;
            }
            boolean isLate = random.nextDouble() < faults.lateShare();
            long sendAt = event.eventTimeMs() + (isLate ? faults.lateDelay().toMillis() : 0) + jitter(reorderMs);
            late += isLate ? 1 : 0;
            planned.add(new PlannedDelivery(sendAt, Delivery.of(event, mix.pick(random), false, isLate)));
            if (random.nextDouble() < faults.duplicateRate()) {
                duplicates++;
                planned.add(new PlannedDelivery(sendAt + jitter(duplicateSpreadMs),
                        Delivery.of(event, mix.pick(random), true, isLate)));
            }
            if (random.nextDouble() < faults.poisonRate()) {
                poison++;
                planned.add(new PlannedDelivery(sendAt, poison()));
            }
        }
        // List.sort is stable, so equal send times keep plan order and the output stays deterministic.
        planned.sort(Comparator.comparingLong(PlannedDelivery::sendAtMs));
        int delivered = planned.size() - poison;
        return new FaultPlan(planned, new FaultReport(events.size(), delivered, duplicates, late, poison, dropped));
    }

    private long jitter(long boundMs) {
        return boundMs <= 0 ? 0 : random.nextLong(boundMs);
    }

    private Delivery poison() {
        PoisonKind kind = PoisonKind.values()[random.nextInt(PoisonKind.values().length)];
        EnvelopeType envelope = kind == PoisonKind.MISSING_CONVERSATION_ID ? mix.pick(random) : EnvelopeType.UNKNOWN;
        return Delivery.poison(kind, envelope);
    }
}
