package io.streamvane.simulator.events;

import io.streamvane.simulator.model.DeterministicIds;
import java.util.random.RandomGenerator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Wraps a Genesys event in one of the envelopes of interfaces.md §1 with the exact field names: the Notification
 * message, the EventBridge partner event (templated {@code detail-type}, concrete {@code detail.topicName}), the
 * Event Grid event of the Genesys blueprint ({@code data.message} = the EventBridge event) and CloudEvents 1.0
 * (data = an EventBridge event or a Notification message, half each).
 */
public final class EnvelopeWriter {

    private final JsonMapper mapper;
    private final EnvelopeSettings settings;
    private final DeterministicIds ids;
    private final RandomGenerator random;

    public EnvelopeWriter(JsonMapper mapper, EnvelopeSettings settings, DeterministicIds ids, RandomGenerator random) {
        this.mapper = mapper;
        this.settings = settings;
        this.ids = ids;
        this.random = random;
    }

    /** @param publishMs when the envelope was sent: drives the envelope's own timestamps, never the event's */
    public ObjectNode wrap(GenesysEvent event, EnvelopeType type, long publishMs) {
        return switch (type) {
            case NOTIFICATION -> notification(event);
            case EVENT_BRIDGE -> eventBridge(event, publishMs);
            case EVENT_GRID -> eventGrid(event, publishMs);
            case CLOUD_EVENTS -> cloudEvent(event, publishMs);
            default -> throw new IllegalArgumentException("not a single-event envelope: " + type);
        };
    }

    public ObjectNode notification(GenesysEvent event) {
        ObjectNode node = mapper.createObjectNode();
        node.put("topicName", event.topicName());
        node.put("version", "2");
        node.set("eventBody", event.body());
        node.putObject("metadata").put("CorrelationId", event.correlationId());
        return node;
    }

    public ObjectNode eventBridge(GenesysEvent event, long publishMs) {
        ObjectNode node = mapper.createObjectNode();
        node.put("version", "0");
        node.put("id", ids.next());
        node.put("detail-type", event.kind().templatedTopic());
        node.put("source", settings.eventBridgeSource());
        node.put("account", settings.awsAccount());
        node.put("time", GenesysTime.isoSeconds(publishMs));
        node.put("region", settings.awsRegion());
        node.putArray("resources");
        ObjectNode detail = node.putObject("detail");
        detail.put("topicName", event.topicName());
        detail.put("version", "2");
        detail.set("eventBody", event.body());
        detail.putObject("metadata").put("CorrelationId", event.correlationId());
        detail.put("timestamp", GenesysTime.isoMillis(publishMs));
        return node;
    }

    public ObjectNode eventGrid(GenesysEvent event, long publishMs) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", ids.next());
        node.put("eventType", "GenesysCloudEvent");
        node.put("subject", "genesysCloud/sendEvent");
        node.put("eventTime", GenesysTime.isoMillis(publishMs));
        node.put("dataVersion", "1.0");
        node.putObject("data").set("message", eventBridge(event, publishMs));
        return node;
    }

    public ObjectNode cloudEvent(GenesysEvent event, long publishMs) {
        boolean carriesEventBridge = random.nextBoolean();
        ObjectNode node = mapper.createObjectNode();
        node.put("specversion", "1.0");
        node.put("id", ids.next());
        node.put("type", carriesEventBridge ? "com.amazonaws.events." + event.kind().templatedTopic()
                : "com.genesys.cloud.notification." + event.kind().templatedTopic());
        node.put("source", carriesEventBridge ? settings.eventBridgeSource() : "/genesys/cloud/" + settings.orgId());
        node.put("time", GenesysTime.isoMillis(publishMs));
        node.put("datacontenttype", "application/json");
        node.set("data", carriesEventBridge ? eventBridge(event, publishMs) : notification(event));
        return node;
    }
}
