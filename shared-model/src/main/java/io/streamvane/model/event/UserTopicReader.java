package io.streamvane.model.event;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Reads the user status topics ({@code v2.users.{id}.activity}, {@code .routingStatus}, {@code .presence}).
 *
 * <p>Required: the user id (body {@code id}, else the topic's id; presence bodies have none), and
 * <ul>
 *   <li>routingStatus: {@code routingStatus.status} and {@code routingStatus.startTime};</li>
 *   <li>presence: {@code modifiedDate} and {@code presenceDefinition} with {@code systemPresence} or {@code id};</li>
 *   <li>activity: at least one time ({@code routingStatus.startTime}, {@code presence.modifiedDate} or
 *       {@code dateActiveQueuesChanged}); a {@code routingStatus} or {@code presence} that is present must be
 *       complete as above.</li>
 * </ul>
 * The event time is that start/modified time (for activity the latest of them). Identity: (kind, userId,
 * status/presence, startTime/modifiedDate); for activity also the active queues, so a queue join is not mistaken
 * for a duplicate.
 */
final class UserTopicReader {

    ReadBody read(TopicKind kind, String topicName, JsonNode eventBody) {
        JsonFields fields = JsonFields.of(eventBody, kind.eventLabel());
        String userId = fields.text("id");
        if (userId == null) {
            userId = kind.idIn(topicName).orElseThrow(() -> fields.missing("id (the user id; the topic names none)"));
        }
        return switch (kind) {
            case USER_ROUTING_STATUS -> routingStatus(userId, fields);
            case USER_PRESENCE -> presence(userId, fields);
            case USER_ACTIVITY -> activity(userId, fields);
            default -> throw new IllegalArgumentException("not a user topic kind: " + kind);
        };
    }

    private static ReadBody routingStatus(String userId, JsonFields fields) {
        RoutingState state = routingState(fields.requiredObject("routingStatus"));
        EventIdentity identity = EventIdentity.of(TopicKind.USER_ROUTING_STATUS, userId, state.status(),
                state.startTime().toString());
        return new ReadBody(new RoutingStatusChange(userId, state), EntityIds.ofUser(userId), state.startTime(),
                identity);
    }

    private static ReadBody presence(String userId, JsonFields fields) {
        PresenceState state = presenceState(fields);
        PresenceChange body = new PresenceChange(userId, state, fields.text("source"), fields.bool("primary"));
        EventIdentity identity = EventIdentity.of(TopicKind.USER_PRESENCE, userId, state.systemPresence(),
                state.presenceDefinitionId(), state.modifiedDate().toString());
        return new ReadBody(body, EntityIds.ofUser(userId), state.modifiedDate(), identity);
    }

    private static ReadBody activity(String userId, JsonFields fields) {
        JsonFields routing = fields.object("routingStatus");
        JsonFields presence = fields.object("presence");
        RoutingState routingState = routing == null ? null : routingState(routing);
        PresenceState presenceState = presence == null ? null : presenceState(presence);
        List<String> queueIds = fields.textList("activeQueueIds");
        Instant queuesChanged = fields.isoInstant("dateActiveQueuesChanged");
        Instant eventTime = Stream.of(
                        routingState == null ? null : routingState.startTime(),
                        presenceState == null ? null : presenceState.modifiedDate(),
                        queuesChanged)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElseThrow(() -> fields.missing("routingStatus.startTime, presence.modifiedDate and "
                        + "dateActiveQueuesChanged (at least one is needed)"));
        UserActivity body = new UserActivity(userId, routingState, presenceState, queueIds, queuesChanged);
        EventIdentity identity = EventIdentity.of(TopicKind.USER_ACTIVITY, userId,
                routingState == null ? null : routingState.status(),
                routingState == null ? null : routingState.startTime().toString(),
                presenceState == null ? null : presenceState.systemPresence(),
                presenceState == null ? null : presenceState.presenceDefinitionId(),
                presenceState == null ? null : presenceState.modifiedDate().toString(),
                String.join(",", queueIds.stream().sorted().toList()),
                queuesChanged == null ? null : queuesChanged.toString());
        return new ReadBody(body, EntityIds.ofUser(userId), eventTime, identity);
    }

    private static RoutingState routingState(JsonFields routing) {
        return new RoutingState(routing.requiredText("status"), routing.requiredIsoInstant("startTime"));
    }

    /** Reads {@code presenceDefinition} and {@code modifiedDate} of a presence object (or presence body). */
    private static PresenceState presenceState(JsonFields presence) {
        JsonFields definition = presence.requiredObject("presenceDefinition");
        String systemPresence = definition.text("systemPresence");
        String definitionId = definition.text("id");
        if (systemPresence == null && definitionId == null) {
            throw definition.missing("systemPresence and id");
        }
        return new PresenceState(systemPresence, definitionId, presence.requiredIsoInstant("modifiedDate"));
    }
}
