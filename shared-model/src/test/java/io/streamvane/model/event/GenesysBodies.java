package io.streamvane.model.event;

/** Realistic Genesys topics and event bodies (shapes from interfaces.md §2, values invented). */
final class GenesysBodies {

    static final String CONVERSATION_ID = "5d2f0c1e-1111-4a4a-9c9c-0a0b0c0d0e0f";
    static final String USER_ID = "7e0c8f2a-5555-4e4e-8f8f-0a1b2c3d4e5f";
    static final String QUEUE_ID = "a1b2c3d4-6666-4f4f-9a9a-abcdefabcdef";

    static final String ACD_START_TOPIC = "v2.detail.events.conversation." + CONVERSATION_ID + ".acd.start";
    static final String ACD_END_TOPIC = "v2.detail.events.conversation." + CONVERSATION_ID + ".acd.end";
    static final String USER_START_TOPIC = "v2.detail.events.conversation." + CONVERSATION_ID + ".user.start";
    static final String USER_END_TOPIC = "v2.detail.events.conversation." + CONVERSATION_ID + ".user.end";
    static final String ACW_TOPIC = "v2.detail.events.conversation." + CONVERSATION_ID + ".acw";
    static final String ACTIVITY_TOPIC = "v2.users." + USER_ID + ".activity";
    static final String ROUTING_STATUS_TOPIC = "v2.users." + USER_ID + ".routingStatus";
    static final String PRESENCE_TOPIC = "v2.users." + USER_ID + ".presence";
    static final String OBSERVATIONS_TOPIC = "v2.analytics.queues." + QUEUE_ID + ".observations";
    static final String CUSTOMER_END_TOPIC = "v2.detail.events.conversation." + CONVERSATION_ID + ".customer.end";

    static final String ACD_START = """
            { "eventTime": 1741083289312, "conversationId": "%s", "participantId": "p-acd", "sessionId": "s-acd",
              "mediaType": "VOICE", "direction": "INBOUND", "queueId": "%s", "divisionId": "d-1",
              "routingPriority": 0, "requestedRoutingSkillIds": [], "skillExpressionApplied": false,
              "ani": "tel:+3212345678", "dnis": "tel:+3287654321", "provider": "Edge" }
            """.formatted(CONVERSATION_ID, QUEUE_ID);

    static final String ACD_END = """
            { "eventTime": 1741083330512, "conversationId": "%s", "participantId": "p-acd", "sessionId": "s-acd",
              "mediaType": "VOICE", "direction": "INBOUND", "queueId": "%s", "divisionId": "d-1",
              "acdOutcome": "ABANDON", "disconnectType": "PEER", "connectedDurationMs": 41200,
              "routingPriority": 0, "usedRouting": "STANDARD", "requestedRoutings": ["STANDARD"] }
            """.formatted(CONVERSATION_ID, QUEUE_ID);

    static final String USER_START = """
            { "eventTime": 1741083335100, "conversationId": "%s", "participantId": "p-agent", "sessionId": "s-agent",
              "mediaType": "VOICE", "direction": "INBOUND", "userId": "%s", "queueId": "%s", "divisionId": "d-1" }
            """.formatted(CONVERSATION_ID, USER_ID, QUEUE_ID);

    static final String USER_END = """
            { "eventTime": 1741083612000, "conversationId": "%s", "participantId": "p-agent", "sessionId": "s-agent",
              "mediaType": "VOICE", "direction": "INBOUND", "userId": "%s", "queueId": "%s", "divisionId": "d-1",
              "disconnectType": "PEER", "alertingDurationMs": 4200, "interactingDurationMs": 241800,
              "heldDurationMs": 30000, "contactingDurationMs": 0 }
            """.formatted(CONVERSATION_ID, USER_ID, QUEUE_ID);

    static final String ACW = """
            { "eventTime": 1741083701000, "conversationId": "%s", "participantId": "p-agent", "sessionId": "s-agent",
              "mediaType": "VOICE", "direction": "INBOUND", "userId": "%s", "queueId": "%s",
              "wrapupCode": "b9c3e0d1-7777-4a4a-8b8b-123456789abc", "wrapupNotes": "", "wrapupDurationMs": 89000 }
            """.formatted(CONVERSATION_ID, USER_ID, QUEUE_ID);

    static final String ACTIVITY = """
            { "id": "%s",
              "routingStatus": { "status": "INTERACTING", "startTime": "2025-03-04T10:15:31.002Z" },
              "presence": { "presenceDefinition": { "id": "e08eaf1b-ee47-4fa9-a231-1200e284798f",
                                                    "systemPresence": "ON_QUEUE" },
                            "presenceMessage": "", "modifiedDate": "2025-03-04T08:00:11.000Z" },
              "outOfOffice": { "active": false, "modifiedDate": "2025-02-01T00:00:00.000Z" },
              "activeQueueIds": [ "%s", "q-7" ], "dateActiveQueuesChanged": "2025-03-04T08:00:12.000Z" }
            """.formatted(USER_ID, QUEUE_ID);

    static final String ROUTING_STATUS = """
            { "id": "%s", "routingStatus": { "status": "IDLE", "startTime": "2025-03-04T10:14:02.117Z" } }
            """.formatted(USER_ID);

    static final String PRESENCE = """
            { "source": "PURECLOUD",
              "presenceDefinition": { "id": "6a3af858-942f-489d-9700-5f9bcdcdae9b", "systemPresence": "Available" },
              "primary": true, "message": "", "modifiedDate": "2025-03-04T09:58:40.120Z" }
            """;

    static final String OBSERVATIONS = """
            { "group": { "queueId": "%s", "mediaType": "voice" },
              "data": [ { "interval": "2024-12-30T09:30:00.000Z/2024-12-30T10:00:00.000Z",
                          "metrics": [
                            { "metric": "tAbandon", "stats": { "count": 2, "sum": 86168, "min": 11781, "max": 74387 } },
                            { "metric": "nOffered", "stats": { "count": 2 } },
                            { "metric": "oServiceLevel",
                              "stats": { "ratio": 0, "numerator": 0, "denominator": 2, "target": 0.50 } } ] } ] }
            """.formatted(QUEUE_ID);

    static final String INSTANT_OBSERVATIONS = """
            { "group": { "queueId": "%s", "mediaType": "voice" },
              "data": [ { "interval": "2024-12-30T09:46:54.839Z/2024-12-30T09:46:54.839Z",
                          "metrics": [ { "metric": "oAlerting", "stats": { "count": 0 } },
                                       { "metric": "oWaiting", "stats": { "count": 0 } } ] } ] }
            """.formatted(QUEUE_ID);

    static final String CUSTOMER_END = """
            { "eventTime": 1741083612500, "conversationId": "%s", "participantId": "p-cust", "sessionId": "s-cust",
              "mediaType": "VOICE", "direction": "INBOUND", "disconnectType": "ENDPOINT",
              "interactingDurationMs": 60000, "divisionId": "d-1" }
            """.formatted(CONVERSATION_ID);

    private GenesysBodies() {
    }
}
