/**
 * The canonical Genesys event: every envelope (Notification, EventBridge, Event Grid, CloudEvents, batches) is
 * read by {@link io.streamvane.model.event.EventParser} into one {@link io.streamvane.model.event.GenesysEvent}
 * with a semantic identity that does not depend on the envelope that carried it (SPEC §1).
 */
package io.streamvane.model.event;
