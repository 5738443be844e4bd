/** Syncs queues (names, divisions, per-media SL target and threshold) and users from Genesys into the dimension tables. */
package io.streamvane.scheduler.reference;
