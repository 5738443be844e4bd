package io.streamvane.engine.harness;

import java.time.Instant;

/** Notification-envelope payloads as ingress stores them, one builder per topic the engine projects. */
public final class Events {

    private Events() {
    }

    public static String acdStart(String conv, String session, String queue, String media, Instant t) {
        return detail(conv, "acd.start", "\"eventTime\":" + t.toEpochMilli() + ",\"conversationId\":\"" + conv
                + "\",\"participantId\":\"p-" + session + "\",\"sessionId\":\"" + session + "\",\"queueId\":\"" + queue
                + "\",\"mediaType\":\"" + media + "\"");
    }

    public static String acdEnd(String conv, String session, String queue, String media, Instant t, String outcome,
            long connectedMs) {
        return detail(conv, "acd.end", "\"eventTime\":" + t.toEpochMilli() + ",\"conversationId\":\"" + conv
                + "\",\"participantId\":\"p-" + session + "\",\"sessionId\":\"" + session + "\",\"queueId\":\"" + queue
                + "\",\"mediaType\":\"" + media + "\",\"acdOutcome\":\"" + outcome + "\",\"connectedDurationMs\":"
                + connectedMs);
    }

    public static String userEnd(String conv, String participant, String user, String queue, String media, Instant t,
            long interactingMs, long heldMs) {
        return detail(conv, "user.end", userEndFields(conv, participant, user, queue, media, t, interactingMs, heldMs));
    }

    /** A user.end of an outbound call or callback, which also reports dialing and contacting time. */
    public static String userEnd(String conv, String participant, String user, String queue, String media, Instant t,
            long interactingMs, long heldMs, long dialingMs, long contactingMs) {
        return detail(conv, "user.end", userEndFields(conv, participant, user, queue, media, t, interactingMs, heldMs)
                + ",\"dialingDurationMs\":" + dialingMs + ",\"contactingDurationMs\":" + contactingMs);
    }

    /** A user.end of an outbound call or callback with its alert and why it ended. */
    public static String userEnd(String conv, String participant, String user, String queue, String media, Instant t,
            long interactingMs, long heldMs, long dialingMs, long contactingMs, long alertingMs,
            String disconnectType) {
        return detail(conv, "user.end", userEndFields(conv, participant, user, queue, media, t, interactingMs, heldMs)
                + ",\"dialingDurationMs\":" + dialingMs + ",\"contactingDurationMs\":" + contactingMs
                + ",\"alertingDurationMs\":" + alertingMs + ",\"disconnectType\":\"" + disconnectType + "\"");
    }

    /** A user.end as Genesys ends an agent's participation: why (disconnectType) and how long it alerted. */
    public static String userEnd(String conv, String participant, String user, String queue, String media, Instant t,
            long interactingMs, long heldMs, long alertingMs, String disconnectType) {
        return detail(conv, "user.end", userEndFields(conv, participant, user, queue, media, t, interactingMs, heldMs)
                + ",\"alertingDurationMs\":" + alertingMs + ",\"disconnectType\":\"" + disconnectType + "\"");
    }

    private static String userEndFields(String conv, String participant, String user, String queue, String media,
            Instant t, long interactingMs, long heldMs) {
        return "\"eventTime\":" + t.toEpochMilli() + ",\"conversationId\":\"" + conv
                + "\",\"participantId\":\"" + participant + "\",\"sessionId\":\"s-" + participant + "\",\"userId\":\""
                + user + "\",\"queueId\":\"" + queue + "\",\"mediaType\":\"" + media + "\",\"interactingDurationMs\":"
                + interactingMs + ",\"heldDurationMs\":" + heldMs;
    }

    public static String acw(String conv, String participant, String user, String queue, String media, Instant t,
            long wrapupMs) {
        return detail(conv, "acw", "\"eventTime\":" + t.toEpochMilli() + ",\"conversationId\":\"" + conv
                + "\",\"participantId\":\"" + participant + "\",\"sessionId\":\"s-" + participant + "\",\"userId\":\""
                + user + "\",\"queueId\":\"" + queue + "\",\"mediaType\":\"" + media + "\",\"wrapupCode\":\"w\","
                + "\"wrapupDurationMs\":" + wrapupMs);
    }

    public static String routingStatus(String user, String status, Instant start) {
        return "{\"topicName\":\"v2.users." + user + ".routingStatus\",\"version\":\"2\",\"eventBody\":{\"id\":\""
                + user + "\",\"routingStatus\":{\"status\":\"" + status + "\",\"startTime\":\"" + start + "\"}}}";
    }

    private static String detail(String conv, String suffix, String fields) {
        return "{\"topicName\":\"v2.detail.events.conversation." + conv + "." + suffix
                + "\",\"version\":\"2\",\"eventBody\":{" + fields + "}}";
    }
}
