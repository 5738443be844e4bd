/** Folds a batch of accepted events into the metrics store (SPEC §2), in the caller's transaction, order-insensitively. */
package io.streamvane.engine.projection;
