package io.streamvane.model.event;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Generates Genesys notifications of every KPI topic: realistic shapes with arbitrary ids, times, known and unknown
 * enum values, free text that needs escaping, and now and then a field left out.
 */
final class GeneratedEvents {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final long YEAR_2100_MS = 4_102_444_800_000L;
    private static final List<TopicKind> KINDS = List.of(TopicKind.ACD_START, TopicKind.ACD_END,
            TopicKind.USER_START, TopicKind.USER_END, TopicKind.ACW, TopicKind.USER_ACTIVITY,
            TopicKind.USER_ROUTING_STATUS, TopicKind.USER_PRESENCE, TopicKind.QUEUE_OBSERVATIONS);

    /** A notification as Genesys would send it. */
    record GeneratedEvent(String topic, String body) {
    }

    private record Ids(String conversationId, String participantId, String sessionId, String userId, String queueId) {
    }

    private record Values(String mediaType, String direction, String enumValue, long eventTime, long duration,
                          String text, BigDecimal stat, long dropMask) {
    }

    private GeneratedEvents() {
    }

    static Arbitrary<GeneratedEvent> any() {
        Arbitrary<Ids> ids = Combinators.combine(id(), id(), id(), id(), id()).as(Ids::new);
        Arbitrary<Values> values = Combinators.combine(
                Arbitraries.of("VOICE", "voice", "Chat", "EMAIL", "callback", "MESSAGE", "SCREENMONITORING"),
                Arbitraries.of("INBOUND", "OUTBOUND", "UNKNOWN", "SIDEWAYS"),
                enumValue(),
                Arbitraries.longs().between(0, YEAR_2100_MS),
                Arbitraries.longs().between(0, 86_400_000L),
                text(),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("1000000")).ofScale(3),
                Arbitraries.longs()).as(Values::new);
        return Combinators.combine(Arbitraries.of(KINDS), ids, values).as(GeneratedEvents::build);
    }

    private static Arbitrary<String> id() {
        return Arbitraries.strings().withChars("abcdef0123456789-").ofMinLength(1).ofMaxLength(36);
    }

    private static Arbitrary<String> enumValue() {
        return Arbitraries.oneOf(
                Arbitraries.of("ANSWERED", "ABANDON", "FLOW_OUT", "PEER", "TRANSFER", "IDLE", "INTERACTING",
                        "OFF_QUEUE", "ON_QUEUE", "OnQueue", "Available", "transfer.consult"),
                text());
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange(' ', '\u07ff').withChars('"', '\\', '\n', '\t', '/', '|')
                .ofMaxLength(24);
    }

    private static GeneratedEvent build(TopicKind kind, Ids ids, Values values) {
        ObjectNode body = MAPPER.createObjectNode();
        Dropper drop = new Dropper(values.dropMask);
        String topic;
        switch (kind) {
            case USER_ACTIVITY, USER_ROUTING_STATUS, USER_PRESENCE -> {
                topic = kind.template().orElseThrow().replace("{id}", ids.userId);
                userBody(kind, body, ids, values, drop);
            }
            case QUEUE_OBSERVATIONS -> {
                topic = kind.template().orElseThrow().replace("{id}", ids.queueId);
                observationsBody(body, ids, values, drop);
            }
            default -> {
                topic = kind.template().orElseThrow().replace("{id}", ids.conversationId);
                detailBody(kind, body, ids, values, drop);
            }
        }
        return new GeneratedEvent(topic, MAPPER.writeValueAsString(body));
    }

    private static void detailBody(TopicKind kind, ObjectNode body, Ids ids, Values values, Dropper drop) {
        drop.put(body, "eventTime", values.eventTime);
        drop.put(body, "conversationId", ids.conversationId);
        drop.put(body, "participantId", ids.participantId);
        drop.put(body, "sessionId", ids.sessionId);
        drop.put(body, "mediaType", values.mediaType);
        drop.put(body, "direction", values.direction);
        drop.put(body, "queueId", ids.queueId);
        drop.put(body, "divisionId", values.text);
        switch (kind) {
            case ACD_END -> {
                drop.put(body, "acdOutcome", values.enumValue);
                drop.put(body, "connectedDurationMs", values.duration);
                drop.put(body, "disconnectType", values.enumValue);
                drop.put(body, "answeredUserId", ids.userId);
            }
            case USER_START -> drop.put(body, "userId", ids.userId);
            case USER_END -> {
                drop.put(body, "userId", ids.userId);
                drop.put(body, "disconnectType", values.enumValue);
                drop.put(body, "interactingDurationMs", values.duration);
                drop.put(body, "heldDurationMs", values.duration / 3);
                drop.put(body, "alertingDurationMs", values.duration % 10_000);
            }
            case ACW -> {
                drop.put(body, "userId", ids.userId);
                drop.put(body, "wrapupCode", values.text);
                drop.put(body, "wrapupDurationMs", values.duration);
            }
            default -> {
            }
        }
    }

    private static void userBody(TopicKind kind, ObjectNode body, Ids ids, Values values, Dropper drop) {
        String time = Instant.ofEpochMilli(values.eventTime).toString();
        ObjectNode routing = MAPPER.createObjectNode();
        drop.put(routing, "status", values.enumValue);
        drop.put(routing, "startTime", time);
        ObjectNode definition = MAPPER.createObjectNode();
        drop.put(definition, "id", ids.sessionId);
        drop.put(definition, "systemPresence", values.enumValue);
        switch (kind) {
            case USER_ROUTING_STATUS -> {
                drop.put(body, "id", ids.userId);
                body.set("routingStatus", routing);
            }
            case USER_PRESENCE -> {
                body.put("source", "PURECLOUD");
                body.set("presenceDefinition", definition);
                drop.put(body, "primary", values.dropMask % 2 == 0);
                drop.put(body, "modifiedDate", time);
            }
            default -> {
                drop.put(body, "id", ids.userId);
                body.set("routingStatus", routing);
                ObjectNode presence = MAPPER.createObjectNode();
                presence.set("presenceDefinition", definition);
                drop.put(presence, "modifiedDate", Instant.ofEpochMilli(values.eventTime / 2).toString());
                body.set("presence", presence);
                ArrayNode queues = body.putArray("activeQueueIds");
                queues.add(ids.queueId).add(ids.conversationId);
            }
        }
    }

    private static void observationsBody(ObjectNode body, Ids ids, Values values, Dropper drop) {
        ObjectNode group = body.putObject("group");
        drop.put(group, "queueId", ids.queueId);
        drop.put(group, "mediaType", values.mediaType);
        Instant start = Instant.ofEpochMilli(values.eventTime);
        ObjectNode interval = body.putArray("data").addObject();
        interval.put("interval", start + "/" + start.plusMillis(values.duration));
        ArrayNode metrics = interval.putArray("metrics");
        ObjectNode waiting = metrics.addObject();
        waiting.put("metric", "oWaiting");
        waiting.putObject("stats").put("count", values.duration % 50);
        ObjectNode serviceLevel = metrics.addObject();
        serviceLevel.put("metric", "oServiceLevel");
        drop.put(serviceLevel, "qualifier", values.enumValue);
        serviceLevel.putObject("stats").put("ratio", values.stat).put("denominator", values.duration);
    }

    /** Leaves out about one field in eight, so rejections are generated too. */
    private static final class Dropper {
        private long mask;

        Dropper(long mask) {
            this.mask = mask;
        }

        void put(ObjectNode node, String field, Object value) {
            boolean dropped = (mask & 7) == 0;
            mask = Long.rotateRight(mask, 3);
            if (dropped) {
                return;
            }
            if (value instanceof Long number) {
                node.put(field, number);
            } else if (value instanceof Boolean flag) {
                node.put(field, flag);
            } else {
                node.put(field, (String) value);
            }
        }
    }
}
