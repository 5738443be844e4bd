/**
 * The one delivery engine behind every push sink: a durable cursor over the KPI change log per sink, delivery
 * records with stable payload ids, claims with row locks, backoff, dead-letter and replay.
 */
package io.streamvane.egress.delivery;
