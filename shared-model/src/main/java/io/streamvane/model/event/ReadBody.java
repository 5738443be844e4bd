package io.streamvane.model.event;

import java.time.Instant;

/** What a body reader derives from an {@code eventBody}: everything of the event that does not come from the envelope. */
record ReadBody(EventBody body, EntityIds ids, Instant eventTime, EventIdentity identity) {
}
