/**
 * The metrics store as every service uses it: the statements on shared tables (how an accepted event enters
 * {@code raw_event} and {@code engine_inbox}, the watermarks, the KPI settings), the advisory-lock keys, and the one
 * way to run a transaction ({@link io.streamvane.model.store.Transactions}) and read its failure
 * ({@link io.streamvane.model.store.StoreFailure}).
 */
package io.streamvane.model.store;
