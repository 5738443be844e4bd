package io.streamvane.ingress.pipeline;

/** Where an event came from; stored with the raw event and used as the watermark source. */
public enum Transport {
    HTTP("http"), SERVICE_BUS("servicebus"), WEBSOCKET("websocket"), SIMULATOR("simulator"), API("api");

    private final String code;

    Transport(String code) {
        this.code = code;
    }

    /** The value stored in {@code raw_event.source} and {@code watermark.source}. */
    public String code() {
        return code;
    }
}
