/** The ingress guard: dedup by semantic identity in the raw store, per-source watermarks, raw partition upkeep. */
package io.streamvane.ingress.guard;
