/** Plain JDBC transactions against the metrics store, retried when PostgreSQL resolves a deadlock by aborting one. */
package io.streamvane.engine.store;
