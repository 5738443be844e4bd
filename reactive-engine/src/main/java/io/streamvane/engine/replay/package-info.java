/** Recomputes the interval components of a time range from the raw store, online and idempotently, with progress. */
package io.streamvane.engine.replay;
