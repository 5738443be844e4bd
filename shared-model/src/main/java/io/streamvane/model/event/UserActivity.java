package io.streamvane.model.event;

import java.time.Instant;
import java.util.List;

/**
 * {@code v2.users.{id}.activity}: routing status, presence and joined queues of a queue member in one message.
 *
 * @param routingStatus  nullable
 * @param presence       nullable
 * @param activeQueueIds the queues the user is active on; empty when absent
 */
public record UserActivity(
        String userId,
        RoutingState routingStatus,
        PresenceState presence,
        List<String> activeQueueIds,
        Instant dateActiveQueuesChanged) implements EventBody {

    public UserActivity {
        activeQueueIds = List.copyOf(activeQueueIds);
    }
}
