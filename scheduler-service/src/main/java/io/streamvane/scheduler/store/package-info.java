/**
 * JDBC access to the metrics-store interval tables the scheduler writes and the change log that tells the sinks, and
 * the one reader that turns Genesys conversation aggregates into the same interval rows (gap-fill and reconcile).
 */
package io.streamvane.scheduler.store;
