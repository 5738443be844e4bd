/**
 * Keeps the push sinks' outbox bounded: deletes settled deliveries and the change-log rows every configured sink has
 * taken over, once they are older than their retention.
 */
package io.streamvane.egress.retention;
