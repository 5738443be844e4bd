package io.streamvane.simulator.model;

import java.util.SplittableRandom;
import java.util.UUID;

/** Version-4-shaped UUIDs drawn from a seeded generator, so the same seed yields the same ids. */
public final class DeterministicIds {

    private final SplittableRandom random;

    public DeterministicIds(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public String next() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
