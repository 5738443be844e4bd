package io.streamvane.model.event;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * Reads the conversation detail events that feed KPIs ({@code acd.start}, {@code acd.end}, {@code user.start},
 * {@code user.end}, {@code acw}).
 *
 * <p>Required, because a KPI cannot place the event without them (anything else is optional):
 * <ul>
 *   <li>every one: {@code conversationId} (the topic's id stands in when the body lacks it) and {@code eventTime}
 *       (epoch ms);</li>
 *   <li>{@code acd.start}, {@code acd.end}: {@code queueId}, and {@code sessionId} or {@code participantId};</li>
 *   <li>{@code user.start}, {@code user.end}, {@code acw}: {@code participantId} and {@code userId}.</li>
 * </ul>
 * Identity: (kind, conversationId, sessionId or else participantId, eventTime in epoch ms).
 */
final class DetailEventReader {

    ReadBody read(TopicKind kind, String topicName, JsonNode eventBody) {
        JsonFields fields = JsonFields.of(eventBody, kind.eventLabel());
        Common common = readCommon(kind, topicName, fields);
        EventBody body = switch (kind) {
            case ACD_START -> acdStart(common, fields);
            case ACD_END -> acdEnd(common, fields);
            case USER_START -> userStart(common, fields);
            case USER_END -> userEnd(common, fields);
            case ACW -> afterCallWork(common, fields);
            default -> throw new IllegalArgumentException("not a detail event kind: " + kind);
        };
        String session = common.sessionId != null ? common.sessionId : common.participantId;
        EventIdentity identity = EventIdentity.of(kind, common.conversationId, session,
                Long.toString(common.eventTime.toEpochMilli()));
        EntityIds ids = new EntityIds(common.conversationId, common.participantId, common.sessionId,
                fields.text("userId"), common.queueId, common.mediaType);
        return new ReadBody(body, ids, common.eventTime, identity);
    }

    private static Common readCommon(TopicKind kind, String topicName, JsonFields fields) {
        String conversationId = fields.text("conversationId");
        if (conversationId == null) {
            conversationId = kind.idIn(topicName).orElseThrow(() -> fields.missing("conversationId"));
        }
        return new Common(
                fields.requiredEpochMillis("eventTime"),
                conversationId,
                fields.text("participantId"),
                fields.text("sessionId"),
                fields.text("queueId"),
                fields.text("mediaType"),
                fields.text("direction"),
                fields.text("divisionId"));
    }

    private static AcdStart acdStart(Common c, JsonFields fields) {
        requireQueueVisit(c, fields);
        return new AcdStart(c.eventTime, c.conversationId, c.participantId, c.sessionId, c.queueId, c.mediaType,
                c.direction, c.divisionId);
    }

    private static AcdEnd acdEnd(Common c, JsonFields fields) {
        requireQueueVisit(c, fields);
        return new AcdEnd(c.eventTime, c.conversationId, c.participantId, c.sessionId, c.queueId, c.mediaType,
                c.direction, c.divisionId, fields.text("acdOutcome"), fields.longValue("connectedDurationMs"),
                fields.text("disconnectType"), fields.text("answeredUserId"));
    }

    private static UserStart userStart(Common c, JsonFields fields) {
        String userId = requireAgentParticipation(c, fields);
        return new UserStart(c.eventTime, c.conversationId, c.participantId, c.sessionId, userId, c.queueId,
                c.mediaType, c.direction, c.divisionId);
    }

    private static UserEnd userEnd(Common c, JsonFields fields) {
        String userId = requireAgentParticipation(c, fields);
        return new UserEnd(c.eventTime, c.conversationId, c.participantId, c.sessionId, userId, c.queueId,
                c.mediaType, c.direction, c.divisionId, fields.text("disconnectType"),
                fields.longValue("interactingDurationMs"), fields.longValue("heldDurationMs"),
                fields.longValue("alertingDurationMs"), fields.longValue("dialingDurationMs"),
                fields.longValue("contactingDurationMs"));
    }

    private static AfterCallWork afterCallWork(Common c, JsonFields fields) {
        String userId = requireAgentParticipation(c, fields);
        return new AfterCallWork(c.eventTime, c.conversationId, c.participantId, c.sessionId, userId, c.queueId,
                c.mediaType, c.direction, c.divisionId, fields.text("wrapupCode"),
                fields.longValue("wrapupDurationMs"));
    }

    /** A queue visit is counted per queue and per ACD session (transfers produce several per conversation). */
    private static void requireQueueVisit(Common c, JsonFields fields) {
        if (c.queueId == null) {
            throw fields.missing("queueId");
        }
        if (c.sessionId == null && c.participantId == null) {
            throw fields.missing("sessionId and participantId");
        }
    }

    /** Agent KPIs (handle time, ACW) attribute to a user and pair start/end per participant. */
    private static String requireAgentParticipation(Common c, JsonFields fields) {
        if (c.participantId == null) {
            throw fields.missing("participantId");
        }
        return fields.requiredText("userId");
    }

    private record Common(
            Instant eventTime,
            String conversationId,
            String participantId,
            String sessionId,
            String queueId,
            String mediaType,
            String direction,
            String divisionId) {
    }
}
