/** Compares event-derived intervals with Genesys aggregates at T+1h and T+48h, records drift, adopts by policy. */
package io.streamvane.scheduler.reconcile;
