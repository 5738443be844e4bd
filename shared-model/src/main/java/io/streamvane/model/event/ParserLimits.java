package io.streamvane.model.event;

/**
 * What {@link EventParser} accepts before refusing a body outright.
 *
 * @param maxBodyBytes    the largest body, in UTF-8 bytes (default 1 MiB, SPEC §1.4)
 * @param maxBatchItems   the most envelopes in one JSON array (default 10 000)
 * @param maxNestingDepth the deepest JSON nesting (default 64; Genesys bodies inside three envelopes stay far below),
 *                        so hostile input cannot exhaust the stack
 */
public record ParserLimits(long maxBodyBytes, int maxBatchItems, int maxNestingDepth) {

    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_BATCH_ITEMS = 10_000;
    public static final int DEFAULT_MAX_NESTING_DEPTH = 64;

    public ParserLimits {
        if (maxBodyBytes < 1 || maxBodyBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxBodyBytes must be in 1.." + Integer.MAX_VALUE + ": " + maxBodyBytes);
        }
        if (maxBatchItems < 1) {
            throw new IllegalArgumentException("maxBatchItems must be positive: " + maxBatchItems);
        }
        if (maxNestingDepth < 8) {
            throw new IllegalArgumentException("maxNestingDepth must be at least 8 to hold nested envelopes: "
                    + maxNestingDepth);
        }
    }

    public static ParserLimits defaults() {
        return new ParserLimits(DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_BATCH_ITEMS, DEFAULT_MAX_NESTING_DEPTH);
    }
}
