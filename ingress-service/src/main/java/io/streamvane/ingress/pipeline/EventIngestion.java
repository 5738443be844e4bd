package io.streamvane.ingress.pipeline;

/**
 * The one transport-independent ingress pipeline: parse, validate, dedup by semantic identity, store the accepted
 * events (raw store + engine inbox) in one transaction, and only then return. Every transport (HTTP, Service Bus,
 * websocket, the simulator) calls this and acknowledges its message only after it returns normally.
 */
public interface EventIngestion {

    /**
     * Ingests one body: a single envelope or a JSON array of envelopes.
     *
     * @return the per-item outcome once the accepted events are durable
     * @throws StoreUnavailableException when the store cannot be written (transient: the caller retries later,
     *         e.g. abandons the Service Bus message; nothing was committed)
     */
    IngestionResult ingest(byte[] body, Transport transport);
}
