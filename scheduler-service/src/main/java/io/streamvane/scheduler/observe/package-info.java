/** Queue observation poll: real-time state from Genesys beside the event-derived state, and stale-waiting correction. */
package io.streamvane.scheduler.observe;
