/**
 * How an accepted event enters the metrics store: its {@code raw_event} and {@code engine_inbox} rows and the one
 * statement that writes both, so ingress and every test harness feed the engine alike.
 */
package io.streamvane.model.store;
