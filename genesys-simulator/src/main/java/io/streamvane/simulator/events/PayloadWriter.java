package io.streamvane.simulator.events;

import io.streamvane.simulator.model.DefaultContactCenter;
import io.streamvane.simulator.model.DeterministicIds;
import io.streamvane.simulator.model.Leg;
import io.streamvane.simulator.model.SimEvent;
import io.streamvane.simulator.model.SimEvent.AcdEnded;
import io.streamvane.simulator.model.SimEvent.AcdStarted;
import io.streamvane.simulator.model.SimEvent.AfterCallWork;
import io.streamvane.simulator.model.SimEvent.AgentStatusChanged;
import io.streamvane.simulator.model.SimEvent.UserEnded;
import io.streamvane.simulator.model.SimEvent.UserStarted;
import io.streamvane.simulator.model.SystemPresence;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes event bodies with the field names of the Genesys SDK models (interfaces.md §2). */
public final class PayloadWriter {

    private final JsonMapper mapper;
    private final DeterministicIds ids;

    public PayloadWriter(JsonMapper mapper, DeterministicIds ids) {
        this.mapper = mapper;
        this.ids = ids;
    }

    /** One simulated event becomes one Genesys event, except a status change: activity plus what changed. */
    public List<GenesysEvent> write(SimEvent event) {
        if (event instanceof AcdStarted e) {
            return List.of(detail(EventKind.ACD_START, e.atMs(), acdStart(e)));
        } else if (event instanceof AcdEnded e) {
            return List.of(detail(EventKind.ACD_END, e.atMs(), acdEnd(e)));
        } else if (event instanceof UserStarted e) {
            return List.of(detail(EventKind.USER_START, e.atMs(), userStart(e)));
        } else if (event instanceof UserEnded e) {
            return List.of(detail(EventKind.USER_END, e.atMs(), userEnd(e)));
        } else if (event instanceof AfterCallWork e) {
            return List.of(detail(EventKind.ACW, e.atMs(), acw(e)));
        }
        return status((AgentStatusChanged) event);
    }

    private GenesysEvent detail(EventKind kind, long atMs, ObjectNode body) {
        String conversationId = body.path("conversationId").asString();
        return new GenesysEvent(kind, kind.topicFor(conversationId), conversationId, atMs, body, ids.next());
    }

    private ObjectNode common(long atMs, Leg leg) {
        ObjectNode body = mapper.createObjectNode();
        body.put("eventTime", atMs);
        body.put("conversationId", leg.conversationId());
        body.put("participantId", leg.participantId());
        body.put("sessionId", leg.sessionId());
        body.put("mediaType", leg.media().wire());
        body.put("provider", "Edge");
        body.put("direction", "INBOUND");
        return body;
    }

    private ObjectNode acdStart(AcdStarted e) {
        ObjectNode body = common(e.atMs(), e.leg());
        body.put("queueId", e.leg().queueId());
        body.put("divisionId", e.leg().divisionId());
        body.put("routingPriority", 0);
        return body;
    }

    private ObjectNode acdEnd(AcdEnded e) {
        ObjectNode body = common(e.atMs(), e.leg());
        body.put("queueId", e.leg().queueId());
        body.put("divisionId", e.leg().divisionId());
        body.put("disconnectType", e.disconnectType());
        body.put("acdOutcome", e.outcome().name());
        body.put("connectedDurationMs", e.connectedDurationMs());
        if (e.answeredUserId() != null) {
            body.put("answeredUserId", e.answeredUserId());
        }
        body.put("routingPriority", 0);
        body.put("usedRouting", "STANDARD");
        body.putArray("requestedRoutings").add("STANDARD");
        return body;
    }

    private ObjectNode userStart(UserStarted e) {
        ObjectNode body = common(e.atMs(), e.leg());
        body.put("userId", e.userId());
        body.put("queueId", e.leg().queueId());
        body.put("divisionId", e.leg().divisionId());
        return body;
    }

    private ObjectNode userEnd(UserEnded e) {
        ObjectNode body = common(e.atMs(), e.leg());
        body.put("userId", e.userId());
        body.put("queueId", e.leg().queueId());
        body.put("divisionId", e.leg().divisionId());
        body.put("disconnectType", e.disconnectType());
        body.put("alertingDurationMs", e.alertingDurationMs());
        body.put("interactingDurationMs", e.interactingDurationMs());
        body.put("heldDurationMs", e.heldDurationMs());
        return body;
    }

    private ObjectNode acw(AfterCallWork e) {
        ObjectNode body = common(e.atMs(), e.leg());
        body.put("userId", e.userId());
        body.put("queueId", e.leg().queueId());
        // No divisionId: AcwDetailEventTopicAfterCallWorkEvent has none (Genesys SDK 198.1.0 and 212.0.0).
        body.put("wrapupCode", e.wrapupCode());
        body.put("wrapupNotes", "");
        body.put("wrapupDurationMs", e.wrapupDurationMs());
        return body;
    }

    private List<GenesysEvent> status(AgentStatusChanged e) {
        List<GenesysEvent> out = new ArrayList<>(3);
        String user = e.userId();
        ObjectNode activity = mapper.createObjectNode();
        activity.put("id", user);
        activity.set("routingStatus", routingStatus(e));
        ObjectNode presence = activity.putObject("presence");
        presence.set("presenceDefinition", presenceDefinition(e.presence()));
        presence.put("presenceMessage", "");
        presence.put("modifiedDate", GenesysTime.isoMillis(e.presenceSinceMs()));
        ObjectNode outOfOffice = activity.putObject("outOfOffice");
        outOfOffice.put("active", false);
        outOfOffice.put("modifiedDate", GenesysTime.isoMillis(0));
        e.activeQueueIds().forEach(activity.putArray("activeQueueIds")::add);
        out.add(new GenesysEvent(EventKind.USER_ACTIVITY, EventKind.USER_ACTIVITY.topicFor(user), user, e.atMs(),
                activity, ids.next()));
        if (e.routingChanged()) {
            ObjectNode body = mapper.createObjectNode();
            body.put("id", user);
            body.set("routingStatus", routingStatus(e));
            out.add(new GenesysEvent(EventKind.USER_ROUTING_STATUS, EventKind.USER_ROUTING_STATUS.topicFor(user), user,
                    e.routingSinceMs(), body, ids.next()));
        }
        if (e.presenceChanged()) {
            ObjectNode body = mapper.createObjectNode();
            body.put("source", "PURECLOUD");
            body.set("presenceDefinition", presenceDefinition(e.presence()));
            body.put("primary", true);
            body.put("message", "");
            body.put("modifiedDate", GenesysTime.isoMillis(e.presenceSinceMs()));
            out.add(new GenesysEvent(EventKind.USER_PRESENCE, EventKind.USER_PRESENCE.topicFor(user), user,
                    e.presenceSinceMs(), body, ids.next()));
        }
        return out;
    }

    private ObjectNode routingStatus(AgentStatusChanged e) {
        ObjectNode node = mapper.createObjectNode();
        node.put("status", e.routingStatus().name());
        node.put("startTime", GenesysTime.isoMillis(e.routingSinceMs()));
        return node;
    }

    /** The org presence id is stable per system presence, as it would be in one Genesys org. */
    private ObjectNode presenceDefinition(SystemPresence presence) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", DefaultContactCenter.stableId("presence", presence.ordinal()));
        node.put("systemPresence", presence.name());
        return node;
    }
}
