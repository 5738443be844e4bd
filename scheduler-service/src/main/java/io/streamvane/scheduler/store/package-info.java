/** JDBC access to the metrics-store interval tables the scheduler writes, and the change log that tells the sinks. */
package io.streamvane.scheduler.store;
