package io.streamvane.model.event;

/** {@code v2.users.{id}.routingStatus}: a user's routing status changed. */
public record RoutingStatusChange(String userId, RoutingState routingStatus) implements EventBody {
}
