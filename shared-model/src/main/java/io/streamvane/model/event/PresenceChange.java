package io.streamvane.model.event;

/**
 * {@code v2.users.{id}.presence}: a user's presence changed. The body has no user id; it comes from the topic.
 *
 * @param primary whether this is the user's primary presence source; null when absent
 */
public record PresenceChange(String userId, PresenceState presence, String source, Boolean primary)
        implements EventBody {
}
