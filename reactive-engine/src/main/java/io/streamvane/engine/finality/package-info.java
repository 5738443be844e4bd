/** Marks intervals final as the event-time watermark passes them, and expires ACD sessions that never ended. */
package io.streamvane.engine.finality;
