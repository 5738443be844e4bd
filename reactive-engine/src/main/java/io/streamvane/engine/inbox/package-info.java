/** Claims accepted events from engine_inbox (SKIP LOCKED batches, LISTEN/NOTIFY wake-up with polling fallback). */
package io.streamvane.engine.inbox;
