package io.streamvane.model.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How an event travelled, kept for tracing and never part of its identity.
 *
 * @param layers      the envelopes, outermost first (e.g. {@code [EVENT_GRID, EVENT_BRIDGE]})
 * @param ids         the envelope ids found: {@code eventBridgeId}, {@code eventGridId}, {@code cloudEventId},
 *                    {@code correlationId} (Genesys' {@code metadata.CorrelationId})
 * @param publishedAt when Genesys (or, failing that, the nearest bridge) published the event; null if no layer says
 */
public record EnvelopeTrace(List<EnvelopeType> layers, Map<String, String> ids, Instant publishedAt) {

    public static final String EVENT_BRIDGE_ID = "eventBridgeId";
    public static final String EVENT_GRID_ID = "eventGridId";
    public static final String CLOUD_EVENT_ID = "cloudEventId";
    public static final String CORRELATION_ID = "correlationId";

    public EnvelopeTrace {
        layers = List.copyOf(layers);
        ids = Map.copyOf(ids);
    }
}
